"""Rebuild benchmark: writing a generation, and the first search after it.

Run: .venv/bin/python bench/rebuild.py [--size 20000] [--procs N] [--whoosh]

Builds the corpus (bench/corpus.py's realistic one when present, else bench/search.py's)
into a new generation exactly as `tracker reindex` does (`build_generation`, procs from
the cores by default), then clears every cache and times the first
`search(root, "defenders", per_page=50)`, facet table included. Prints CPU seconds (this
process and its writers) and wall seconds, the index size, and the first query's time.
`--whoosh` also builds with Whoosh's own writer, as rebuilds did before, for comparison.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

try:
    from corpus import corpus  # the realistic corpus (bench/corpus.py)
except ImportError:  # before it was written
    from search import corpus

from whoosh import index as windex  # noqa: E402

from tracker.search import facets, lifecycle, search  # noqa: E402
from tracker.search.suggestions import add_vocabulary, spelling_words  # noqa: E402


def cpu() -> float:
    """CPU seconds of this process and of the writer processes it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def whoosh_build(root: Path, docs) -> Path:
    """How build_generation wrote before: Whoosh's writer, vocabulary by re-analysis."""
    generation = lifecycle.new_generation(root)
    writer = windex.open_dir(str(generation)).writer(limitmb=256)
    words = set()
    for doc in docs:
        writer.add_document(**doc)
        words |= spelling_words([doc["addressee"], doc["summary"]])
    writer.commit()
    add_vocabulary(generation, words)
    return generation


def folder_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def first_query(root: Path) -> tuple[float, float]:
    facets._TABLES.clear()
    lifecycle._LOCAL.__dict__.clear()  # no searcher kept open
    c, w = time.process_time(), time.perf_counter()
    search(root, "defenders", per_page=50)
    return (time.process_time() - c) * 1000, (time.perf_counter() - w) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--procs", type=int, default=lifecycle.default_procs())
    parser.add_argument("--whoosh", action="store_true", help="also time Whoosh's writer")
    args = parser.parse_args()
    start = time.perf_counter()
    docs = list(corpus(args.size))
    print(f"corpus ({corpus.__module__}.py) {args.size:,} documents generated in "
          f"{time.perf_counter() - start:.1f} s (not counted)")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "index"
        c, w = cpu(), time.perf_counter()
        generation, n = lifecycle.build_generation(root, docs, procs=args.procs)
        print(f"build_generation procs={args.procs}: CPU {cpu() - c:6.1f} s  wall "
              f"{time.perf_counter() - w:6.1f} s  {folder_mib(generation):6.1f} MiB")
        lifecycle.switch_to(root, generation)
        ms_cpu, ms_wall = first_query(root)
        print(f"first query after the rebuild: CPU {ms_cpu:5.0f} ms  wall {ms_wall:5.0f} ms")
        for saved in generation.glob("facets-*.npz"):
            saved.unlink()
        ms_cpu, ms_wall = first_query(root)
        print(f"  without the saved facet table: CPU {ms_cpu:5.0f} ms  wall {ms_wall:5.0f} ms")
        if args.whoosh:
            shutil.rmtree(generation)
            c, w = cpu(), time.perf_counter()
            generation = whoosh_build(root, docs)
            print(f"Whoosh's writer (before):    CPU {cpu() - c:6.1f} s  wall "
                  f"{time.perf_counter() - w:6.1f} s  {folder_mib(generation):6.1f} MiB")


if __name__ == "__main__":
    main()
