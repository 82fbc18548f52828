"""Pick the Tokens panel's "watch BPE learn" examples from the library BPE's real merges.

    python scripts/pick_bpe_examples.py            # prints the candidates, writes the JSON

Trains the app's BPE on the default corpus (the library, as the app does) and looks for
words that BPE splits into a whole word plus a learned ending that other words share
(like the article's "head" + "ache"): pairs such as "sailor" / "sailors" that really
share a piece. Nothing is staged: the words and their splits come from the merges.
Writes engine/data/bpe_examples.json, which the Tokens panel reads.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.session.core import Session  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "engine" / "data" / "bpe_examples.json"
MIN_COUNT = 5  # a word seen fewer times is not a fair example
MIN_STEM_COUNT = 20  # the first piece must be a word the books use on its own
FAMILIES = 4  # how many shared endings to show
PER_FAMILY = 3


def main() -> int:
    session = Session(seed=0)
    docs = session.training_documents()
    bpe = session.ensure_tokenizer()
    counts = Counter(w for d in docs for w in re.findall(r"[a-z]+", d.text.lower()))
    families: dict[str, list[tuple[int, str, list[str]]]] = defaultdict(list)
    compounds: list[tuple[int, str, list[str]]] = []
    for word, n in counts.items():
        if n < MIN_COUNT or len(word) < 6:
            continue
        pieces = bpe.describe_split(word)
        if len(pieces) != 2:
            continue
        stem, ending = pieces[0].strip(), pieces[1]
        # The first piece is a whole word of its own, the ending a real learned piece.
        if (len(stem) >= 3 and len(ending) >= 3 and bpe.word_token(stem) is not None
                and counts[stem] >= MIN_STEM_COUNT):
            families[ending].append((n, word, [pieces[0], ending]))
            if counts[ending] >= MIN_STEM_COUNT:  # both halves are words: "head" + "ache"
                compounds.append((n, word, [pieces[0], ending]))
    ranked = sorted(families.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    examples = []
    for ending, members in ranked[:FAMILIES]:
        members.sort(key=lambda m: (-m[0], m[1]))
        words = [{"word": w, "pieces": p, "count": n} for n, w, p in members[:PER_FAMILY]]
        examples.append({"shared_piece": ending, "family_size": len(members), "words": words})
        print(f"-{ending}: {len(members)} words, e.g. "
              + ", ".join(f"{w['word']} = {' + '.join(w['pieces'])} ({w['count']}x)" for w in words))
    compounds.sort(key=lambda m: (-m[0], m[1]))
    joined = [{"word": w, "pieces": p, "count": n} for n, w, p in compounds[:8]]
    print("two words in one: " + ", ".join(f"{c['word']} = {' + '.join(c['pieces'])}"
                                           for c in joined))
    OUT.write_text(json.dumps({"vocab_size": bpe.vocab_size, "corpus": "library",
                               "families": examples, "compounds": joined}, indent=1) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
