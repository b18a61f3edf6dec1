"""Text matching: the numpy path (tracker.search.scoring) against Whoosh's searcher.

Run: .venv/bin/python bench/matching.py [--size 20000] [--reps 5] [--index DIR]

Builds (or reuses, with --index) an index of bench/corpus.py's realistic corpus the way a
rebuild does, then for each of corpus.queries() checks that both paths give the same
ordered documents and scores, and prints CPU time per query kind, warm (the arrays and
the facet table read; the cache of ordered results emptied before every run): the whole
page (`search(..., per_page=50)`, with highlights and facets), and the query's parsing
and matching alone (matching._ordered). Needs bench/corpus.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as C  # noqa: E402

from tracker.query import parse_query  # noqa: E402
from tracker.search import matching  # noqa: E402
from tracker.search.facets import facet_table  # noqa: E402
from tracker.search.lifecycle import build_generation, searcher_for, switch_to  # noqa: E402


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ordered(root, text, filters):
    searcher = searcher_for(root)
    query, _ = parse_query(searcher._ix, text)
    browsing = type(query).__name__ == "Every"
    return matching._ordered(searcher, facet_table(searcher), query,
                             {**filters, "doc_type": ["communication"]},
                             "-date" if browsing else "relevance", browsing)


def timed(root, queries, fast: bool, reps: int):
    matching.FAST = fast
    for _, text, filters in queries:  # warm
        matching.search(root, text, filters=filters, per_page=50)
    page, match = defaultdict(list), defaultdict(list)
    for kind, text, filters in queries:
        for _ in range(reps):
            matching._RESULTS.items.clear()
            start = time.process_time()
            matching.search(root, text, filters=filters, per_page=50)
            page[kind].append((time.process_time() - start) * 1000)
            start = time.process_time()
            ordered(root, text, filters)
            match[kind].append((time.process_time() - start) * 1000)
    matching.FAST = True
    return page, match


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--index", type=Path, help="an index folder to build once and reuse")
    args = parser.parse_args()
    root = args.index or Path(tempfile.mkdtemp(prefix="bench-matching-"))
    if not (root / "CURRENT").exists():
        start = time.perf_counter()
        generation, n = build_generation(root, C.corpus(args.size))
        switch_to(root, generation)
        print(f"built {n} documents in {time.perf_counter() - start:.0f} s")
    queries = C.queries()
    same = 0
    for _, text, filters in queries:
        matching.FAST = False
        slow = ordered(root, text, filters)
        matching.FAST = True
        fast = ordered(root, text, filters)
        same += bool(np.array_equal(fast[0], slow[0]) and (
            fast[1] is None or np.array_equal(fast[1], slow[1])))
    print(f"identical documents, order and scores: {same} of {len(queries)} queries")
    whoosh, numpy_ = timed(root, queries, False, args.reps), timed(root, queries, True,
                                                                   args.reps)
    print(f"CPU ms p50/p95 per query, {args.size} documents, warm")
    print(f"{'kind':22}{'page, Whoosh':>16}{'page, numpy':>16}"
          f"{'parse+match, Whoosh':>22}{'parse+match, numpy':>22}")
    for kind in whoosh[0]:
        cells = [f"{pct(d[kind], 50):.1f}/{pct(d[kind], 95):.1f}"
                 for d in (whoosh[0], numpy_[0], whoosh[1], numpy_[1])]
        print(f"{kind:22}{cells[0]:>16}{cells[1]:>16}{cells[2]:>22}{cells[3]:>22}")


if __name__ == "__main__":
    main()
