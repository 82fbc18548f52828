"""Propose the word groups that colour the Embeddings map, from the books alone.

    python scripts/propose_word_groups.py [--check]

1. Count which words share contexts in the default mix's training text (PPMI over a
   window of 4 words; engine/corpus/cooccurrence.py). No model is involved.
2. Candidates: frequent content words (at least MIN_COUNT occurrences, not among the
   STOP_RANKS most frequent words, at least 3 letters) that the shipped tokenizer keeps
   whole, so each is one point on the map.
3. Cluster them (engine/corpus/word_groups.py `propose_groups`: SVD, spherical k-means,
   seeded) and keep the most cohesive clusters, each with its words nearest its centre.
Writes engine/data/word_groups.json; with --check, only says whether the file matches.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import paths  # noqa: E402
from engine.corpus import word_groups as wg  # noqa: E402
from engine.corpus.cooccurrence import WINDOW, count_cooccurrence  # noqa: E402
from engine.session.core import Session  # noqa: E402

STOP_RANKS = 150  # the 150 most frequent words are function words: never candidates
MIN_COUNT = 100  # a candidate occurs at least this often in the training text


def proposal(checkpoint: Path) -> dict:
    """The groups and how they were found, as written to word_groups.json."""
    session = Session.from_checkpoint(checkpoint)
    tok = session.ensure_tokenizer()
    cooc = count_cooccurrence([d.text for d in session.training_documents()])
    stop = set(cooc.words[:STOP_RANKS])
    candidates = [i for i, (w, n) in enumerate(zip(cooc.words, cooc.counts, strict=True))
                  if n >= MIN_COUNT and w not in stop and len(w) >= 3
                  and tok.word_token(w) is not None]
    groups = wg.propose_groups([cooc.words[i] for i in candidates], cooc.vectors[candidates])
    return {
        "rule": (f"PPMI co-occurrence (window {WINDOW}) of the default mix's training text, no "
                 f"model; candidates: words seen at least {MIN_COUNT} times, outside the "
                 f"{STOP_RANKS} most frequent, one token each; {wg.CLUSTERS} spherical k-means "
                 f"clusters on {wg.DIMENSIONS} SVD dimensions ({wg.RESTARTS} seeded runs, best "
                 f"fit); the {wg.KEEP} most cohesive clusters (mean cosine of their PPMI rows), "
                 f"each unlike those kept before it (centres' cosine < {wg.DISTINCT}), "
                 f"{wg.WORDS_PER_GROUP} words nearest each centre"),
        "candidates": len(candidates),
        "groups": [asdict(g) | {"words": list(g.words)} for g in groups],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", type=Path, default=paths.stage_checkpoint("base"))
    parser.add_argument("--check", action="store_true", help="compare with the file, write nothing")
    args = parser.parse_args(argv)
    found = proposal(args.checkpoint)
    for g in found["groups"]:
        print(f"{g['cohesion']:.3f} ({g['size']:3d} words) {', '.join(g['words'])}")
    text = json.dumps(found, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        same = wg.WORD_GROUPS_FILE.exists() and wg.WORD_GROUPS_FILE.read_text(encoding="utf-8") == text
        print("word_groups.json is " + ("up to date" if same else "NOT what the books give now"))
        return 0 if same else 1
    wg.WORD_GROUPS_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {wg.WORD_GROUPS_FILE} ({found['candidates']} candidate words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
