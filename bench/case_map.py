"""The case map: time to count, suppress and render it over many demo cases.

Run: .venv/bin/python bench/case_map.py [--cases 10000] [--letters 20000] [--repeat 10]

bench/pages.py's synthetic communications go into a SQLite database and the index; then
`make_demo_cases` adds the cases (linked to those letters, as `tracker cases demo` does).
Prints per dimension the time to read, count and suppress the table alone (from the
database, as the page does: `count_register`), and the server time
of the whole page (the communications beside it and the map included), as a signed-in
viewer through Flask's test client.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages import load  # noqa: E402  (bench/pages.py)

URLS = {"perpetrator_type": "", "perpetrator": "", "attack": "", "risk": "",
        "attack, 2015-2018, WHRD": "&from=2015&to=2018&whrd=1"}


def _stats(times: list[float]) -> str:
    rest = sorted(times[1:]) or times
    return (f"{times[0] * 1000:7.0f}ms {statistics.median(rest) * 1000:7.0f}ms "
            f"{rest[-1] * 1000:7.0f}ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--letters", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    from cryptography.fernet import Fernet
    from sqlmodel import Session

    from tracker import create_app
    from tracker.accounts import add_user
    from tracker.case_demo import make_demo_cases
    from tracker.case_map import count_register, grid, suppress
    from tracker.casekey import current_keys
    from tracker.codebook import load_codebook
    from tracker.db import get_engine

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TRACKER_INSTANCE_PATH"] = tmp
        app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False,
                          "CASE_KEY": Fernet.generate_key().decode()})
        threshold = app.config["CASE_SUPPRESS_BELOW"]
        with app.app_context():
            t0 = time.perf_counter()
            load(app, args.letters)
            with Session(get_engine()) as session:
                make_demo_cases(session, current_keys(), args.cases, seed=7)
                add_user(session, "bench", "correct horse battery staple", "viewer")
                session.commit()
            print(f"loaded {args.letters:,} communications and {args.cases:,} demo cases "
                  f"in {time.perf_counter() - t0:.0f} s; threshold {threshold}")
            book = load_codebook()
            print(f"{'table alone (read, count, suppress)':34} {'first':>9} {'p50':>9} {'max':>9}"
                  "   hidden figures / cells")
            for dimension in ("perpetrator_type", "perpetrator", "attack", "risk"):
                times = []
                for _ in range(args.repeat + 1):
                    t1 = time.perf_counter()
                    with Session(get_engine()) as session:
                        tally = count_register(session, dimension, book=book)
                    table = grid(tally, order=book.slugs(dimension))
                    shown = suppress(table, threshold)
                    times.append(time.perf_counter() - t1)
                cells = len(table.rows) * len(table.columns)
                print(f"{dimension:34} {_stats(times)}   {shown.hidden()} / {cells}")
        client = app.test_client()
        response = client.post("/login", data={"username": "bench",
                                               "password": "correct horse battery staple"})
        assert response.status_code == 302, response.status_code
        print(f"{'whole page (server time)':34} {'first':>9} {'p50':>9} {'max':>9}   KiB")
        for label, extra in URLS.items():
            dimension = label.split(",")[0]
            times = []
            for _ in range(args.repeat + 1):
                t1 = time.perf_counter()
                page = client.get(f"/cases/map/?dimension={dimension}{extra}")
                times.append(time.perf_counter() - t1)
                assert page.status_code == 200, page.status_code
            print(f"{label:34} {_stats(times)}   {len(page.data) / 1024:.0f}")


if __name__ == "__main__":
    main()
