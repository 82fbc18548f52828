"""Pick the Embeddings panel's presets from measurements on the shipped model.

    python scripts/pick_embedding_presets.py [--checkpoint assets/checkpoints/base]

1. The corpus's own answer: for frequent content words of the library, the word whose
   contexts are most alike (PPMI co-occurrence, no model; engine/corpus/cooccurrence.py).
2. The model's answer: the rank of that partner among the word's nearest neighbours on
   the shipped model (cosine over the full embedding vectors, as the app measures).
3. Presets: the design's claims first ("sea" near "waters" or "ocean", "king" near
   "queen"), then the best-ranked hits and the most frequent misses, so the panel shows
   both; and the agreement over all words.
Writes engine/data/embedding_presets.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import paths  # noqa: E402
from engine.corpus.cooccurrence import count_cooccurrence  # noqa: E402
from engine.corpus.showcase import EMBEDDING_PRESETS  # noqa: E402
from engine.session.core import Session  # noqa: E402

STOP_RANKS = 150  # the 150 most frequent words are function words: never candidates
MIN_COUNT = 150  # a candidate word occurs at least this often
DEPTH = 20  # neighbours measured on the model
HITS, MISSES = 3, 2
CLAIMS = (("sea", ("waters", "ocean")), ("king", ("queen",)))  # DESIGN.md's examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", type=Path, default=paths.stage_checkpoint("base"))
    args = parser.parse_args(argv)
    session = Session.from_checkpoint(args.checkpoint)
    tok = session.ensure_tokenizer()
    cooc = count_cooccurrence([d.text for d in session.training_documents()])
    stop = set(cooc.words[:STOP_RANKS])

    def content(word: str) -> bool:
        return word not in stop and len(word) >= 3 and tok.word_token(word) is not None

    rows = []
    for word, count in zip(cooc.words, cooc.counts, strict=True):
        if count < MIN_COUNT or not content(word):
            continue
        partner = next((w for w, _ in cooc.nearest(word, 30) if content(w)), None)
        if partner is None:
            continue
        found = [n.token.strip() for n in session.pretraining.neighbours(word, DEPTH)]
        rank = found.index(partner) + 1 if partner in found else None
        rows.append({"word": word, "count": count, "partner": partner, "rank": rank,
                     "model_top": found[:5]})
    hits = sorted((r for r in rows if r["rank"] is not None and r["rank"] <= 5),
                  key=lambda r: (r["rank"], -r["count"]))
    misses = sorted((r for r in rows if r["rank"] is None), key=lambda r: -r["count"])
    presets = []
    for word, expected in CLAIMS:  # the design's own claims, measured like the rest
        found = [n.token.strip() for n in session.pretraining.neighbours(word, DEPTH)]
        presets.append({"word": word, "expected": list(expected), "measured": found[:5],
                        "hit": bool(set(expected) & set(found[:5]))})
    for r in hits[:HITS] + misses[:MISSES]:
        if r["word"] in dict(CLAIMS):
            continue
        presets.append({"word": r["word"], "expected": [r["partner"]], "measured": r["model_top"],
                        "hit": r["rank"] is not None})
    agree = sum(r["rank"] is not None and r["rank"] <= 5 for r in rows)
    summary = {"checkpoint": str(args.checkpoint), "words_measured": len(rows),
               "partner_in_model_top5": agree, "presets": presets,
               "rule": "partner = the word with the most similar contexts in the books (PPMI, "
                       "window 4); hit = it is among the model's 5 nearest neighbours"}
    for p in presets:
        print(f"{'hit ' if p['hit'] else 'miss'} {p['word']} -> expected {p['expected']}, "
              f"model's nearest {p['measured']}")
    print(f"the model agrees with the books on {agree} of {len(rows)} words")
    EMBEDDING_PRESETS.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {EMBEDDING_PRESETS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
