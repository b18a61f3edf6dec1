"""The Special Rapporteur's tables: how long the dashboard takes to count them.

Run: .venv/bin/python bench/sr_tables.py [--sizes 20000,100000] [--repeat 5]

Builds bench/search.py's synthetic corpus, coded at random (three in four letters coded,
one to three attack types, one or two perpetrators), then prints per size the time to
count the three tables (regions, attack types and perpetrators by region) for every letter
and for one mandate, as the dashboard does on each request, and the slowest of `repeat`.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search import build_whoosh, corpus  # noqa: E402

from tracker import search as S  # noqa: E402
from tracker.reference import state_rows  # noqa: E402
from tracker.sr_tables import ATTACKS, PERPETRATORS, TABLES  # noqa: E402

PARENT = {p: kind for kind, ps in PERPETRATORS.items() for p in ps} | {"unknown": "unknown"}


def coded(docs, seed: int = 5):
    rng = random.Random(seed)
    for doc in docs:
        if rng.random() < 0.75:
            perpetrators = rng.sample(sorted(PARENT), rng.randint(1, 2))
            doc.update(coded="coded", attack=",".join(rng.sample(ATTACKS, rng.randint(1, 3))),
                       perpetrator=",".join(perpetrators),
                       perpetrator_type=",".join(sorted({PARENT[p] for p in perpetrators})))
        else:
            doc.update(coded="uncoded", women="not coded", whrd="not coded")
        yield doc


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    names = sorted({r["hrd_region"] for r in state_rows() if r["hrd_region"]})
    regions = [(S.region_term("sr-hrd", name), name) for name in names]
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            built = build_whoosh(root, coded(corpus(size)))
            for label, filters in (("all letters", {}),
                                   ("one mandate", {"mandate": ["human-rights-defenders"]})):
                times = []
                for _ in range(args.repeat):
                    start = time.perf_counter()
                    found = S.matches(root, "", filters=filters)
                    tables = {kind: build(found, "sr-hrd", regions)
                              for kind, build in TABLES.items()}
                    times.append(time.perf_counter() - start)
                print(f"{size:>7} letters (index built in {built:5.1f} s), {label}: "
                      f"{found.total} matched, {tables['attacks'].coded} coded; three tables "
                      f"in {min(times) * 1000:6.1f} ms (slowest {max(times) * 1000:6.1f} ms)")


if __name__ == "__main__":
    main()
