"""How fast the bundled corpus is made and cleaned, on this machine.

    python bench/corpus_speed.py [--seed N] [--repeat N]

Prints the generation time of each source (best of --repeat runs), the words it
made, the time of each curation filter on the whole corpus, and the size of the
default training mix. The budget: under 3 s to generate a million words, and a
few hundred milliseconds for near-duplicate detection.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.corpus.curation import FILTERS, curate  # noqa: E402
from engine.corpus.mix import Mix, apply_mix, group_by_source, stats  # noqa: E402
from engine.corpus.sources import SOURCES, generate_source  # noqa: E402
from engine.corpus.style import forum_marker_rate  # noqa: E402


def best_of(repeat: int, fn):
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print(f"{'source':<14}{'documents':>10}{'words':>10}{'seconds':>9}")
    corpus, total_time, total_words = {}, 0.0, 0
    for info in SOURCES:
        seconds, docs = best_of(args.repeat, lambda n=info.name: generate_source(n, args.seed))
        words = sum(len(d.text.split()) for d in docs)
        corpus[info.name] = docs
        total_time += seconds
        total_words += words
        print(f"{info.name:<14}{len(docs):>10,}{words:>10,}{seconds:>9.3f}")
    print(f"{'total':<14}{sum(map(len, corpus.values())):>10,}{total_words:>10,}{total_time:>9.3f}")

    everything = [d for docs in corpus.values() for d in docs]
    print(f"\ncuration of {len(everything):,} documents, each filter on all of them:")
    for name, _, fn in FILTERS:
        seconds, flags = best_of(args.repeat, lambda fn=fn: fn(everything))
        print(f"  {name:<24}{sum(flags):>6} flagged {seconds * 1000:>8.0f} ms")
    seconds, result = best_of(args.repeat, lambda: curate(everything))
    print(f"  {'whole pipeline':<24}{result.removed:>6} removed {seconds * 1000:>8.0f} ms")

    forum = " ".join(d.text for d in result.kept if d.source == "forum")
    encyclopedia = " ".join(d.text for d in result.kept if d.source == "encyclopedia")
    print(f"\nforum-style markers per word after curation: forum {forum_marker_rate(forum):.3f}, "
          f"encyclopedia {forum_marker_rate(encyclopedia):.3f}")
    s = stats(apply_mix(group_by_source(result.kept), Mix.default(), args.seed))
    print(f"default mix: {s.documents:,} documents, {s.words:,} words, {s.characters:,} characters")


if __name__ == "__main__":
    main()
