"""How long the library takes to be ready: checking the books, cleaning them, the cache.

    python bench/library_load.py [--repeat 3]

Prints the best of N for: reading the 18 books and checking their sha256; the whole
cleaning pipeline from raw files (no cache); and loading the cleaned result from the
per-user cache (what every launch after the first one pays). Ratio: cache vs cleaning.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.corpus.library import cache  # noqa: E402
from engine.corpus.library.books import BOOKS, read_raw  # noqa: E402
from engine.corpus.library.cleaning import clean_library  # noqa: E402


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    check = best_of(args.repeat, lambda: [read_raw(b) for b in BOOKS])
    clean = best_of(args.repeat, clean_library)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.json"
        cache._save(path, clean_library())
        load = best_of(args.repeat, lambda: cache._load(path))
        size = path.stat().st_size
    print(f"sha256 check of 18 books: {check * 1000:.0f} ms")
    print(f"cleaning from raw files:  {clean:.2f} s")
    print(f"loading the cached result: {load:.2f} s ({size / 1e6:.1f} MB), "
          f"{clean / load:.1f}x faster than cleaning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
