"""Server time of the main pages over a large synthetic corpus (default 200,000).

Run: .venv/bin/python bench/pages.py [--size 200000] [--repeat 20]
     [--pg postgresql://postgres@127.0.0.1:5432/bench_pages] [--catalogue] [--keep DIR]
     [--reuse DIR]
The corpus of bench/corpus.py goes into a SQLite database, or with --pg an emptied
PostgreSQL database (bulk inserts, with a reply for each letter the corpus marks replied),
and into the index (built as `tracker reindex` builds it, build_generation); --catalogue
first imports the UNBISnet catalogue (../shared/samples/unbisnet_catalogue) with
`tracker import`, and the index is then rebuilt with `tracker reindex`. Each page is
requested through Flask's test client and timed: the time the server spends, without a
network. --keep DIR keeps the instance folder; --reuse DIR times the pages of a kept
instance (and its --pg database) without loading anything.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import corpus  # noqa: E402  (bench/corpus.py)

PAGES = [
    ("search, no query", "/"),
    ("search, words", "/?q=detention+journalists"),
    ("search, state + year facets", "/?q=torture&state=MEX&year=2019"),
    ("state profile (MEX)", "/states/MEX"),
    ("state profile (FRA)", "/states/FRA"),
    ("dashboard (SR regions)", "/dashboards/"),
    ("dashboard, one State", "/dashboards/?state=MEX"),
    ("dashboard table (regions)", "/dashboards/regions"),
    ("resolutions list", "/resolutions/"),
    ("search as CSV", "/search.csv?q=defenders"),
]


def load(app, size: int, catalogue: bool = False) -> None:
    from sqlalchemy import insert
    from sqlmodel import Session, select

    from tracker.db import get_engine, init_db
    from tracker.models import Communication, CommunicationMandate, Mandate, Reply, State

    init_db()
    engine = get_engine()
    with Session(engine) as session:
        mandate_ids = {m.slug: m.id for m in session.exec(select(Mandate))}
        states = set(session.exec(select(State.iso3)))
    from tracker.search import lifecycle

    docs = list(corpus(size))
    now = datetime.now()
    rows, links, replies = [], [], []
    for d in docs:
        typ, rest = d["reference"].split(" ", 1)
        code, numyear = rest.split(" ")
        number, year = numyear.split("/")
        rows.append({"id": d["db_id"], "addressee_code": code, "number": int(number),
                     "year": int(year), "type": typ, "date": d["date"].date(),
                     "state_iso3": code if code in states else None,
                     "addressee_name": d["addressee"], "summary": d["summary"],
                     "created_at": now, "updated_at": now})
        links += [{"communication_id": d["db_id"], "mandate_id": mandate_ids[m]}
                  for m in d["mandate"].split(",") if m in mandate_ids]
        if d["reply"] == "replied":
            replies.append({"communication_id": d["db_id"], "date": d["date"].date(),
                            "url": d["url"] + "&reply=1", "created_at": now,
                            "updated_at": now})
    with engine.begin() as conn:
        for i in range(0, len(rows), 5000):
            conn.execute(insert(Communication.__table__), rows[i:i + 5000])
        for i in range(0, len(links), 20000):
            conn.execute(insert(CommunicationMandate.__table__), links[i:i + 20000])
        for i in range(0, len(replies), 20000):
            conn.execute(insert(Reply.__table__), replies[i:i + 20000])
        if conn.dialect.name == "postgresql":  # the ids were given: later rows follow them
            conn.exec_driver_sql("SELECT setval('communication_id_seq', "
                                 "(SELECT max(id) FROM communication))")
    if catalogue:  # resolutions too: the index is built from the database
        done = app.test_cli_runner().invoke(args=["reindex"])
        assert done.exit_code == 0, done.output
        return
    root = Path(app.config["SEARCH_INDEX_DIR"])
    generation, _ = lifecycle.build_generation(root, docs)
    lifecycle.switch_to(root, generation)


def import_catalogue(app) -> None:
    folder = ROOT.parent / "shared" / "samples" / "unbisnet_catalogue"
    files = sorted(str(p) for p in folder.glob("*.csv"))
    done = app.test_cli_runner().invoke(args=["import", *files])
    assert done.exit_code == 0, done.output
    print(done.output.strip().splitlines()[-1] if done.output.strip() else "catalogue")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--pg", help="a PostgreSQL database of the bench's own (emptied)")
    parser.add_argument("--catalogue", action="store_true",
                        help="import the UNBISnet catalogue first")
    parser.add_argument("--keep", type=Path, help="keep the instance folder here")
    parser.add_argument("--reuse", type=Path, help="time the pages of a kept instance")
    args = parser.parse_args()
    from tracker import create_app

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.reuse or args.keep or Path(tmp)
        os.environ["TRACKER_INSTANCE_PATH"] = str(folder)
        if args.pg:
            os.environ["TRACKER_DATABASE_URL"] = args.pg.replace(
                "postgresql://", "postgresql+psycopg://", 1)
            if not args.reuse:
                from load import fresh_database  # bench/load.py

                fresh_database(args.pg)
        app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False})
        if not args.reuse:
            with app.app_context():
                start = time.perf_counter()
                if args.catalogue:
                    from tracker.db import init_db

                    init_db()
                    import_catalogue(app)
                load(app, args.size, args.catalogue)
                print(f"loaded {args.size:,} communications in "
                      f"{time.perf_counter() - start:.0f} s")
        client = app.test_client()
        print(f"{'page':32} {'first':>8} {'p50':>8} {'p95':>8}")
        for label, url in PAGES:
            times = []
            for _ in range(args.repeat + 1):
                t0 = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            first, rest = times[0], sorted(times[1:])
            p95 = rest[min(len(rest) - 1, int(0.95 * (len(rest) - 1)))]
            print(f"{label:32} {first:6.0f}ms {statistics.median(rest):6.0f}ms {p95:6.0f}ms")
        if not args.reuse:  # its editor account is there already
            sign_in_editor(app, client)
            brief(client)


def sign_in_editor(app, client) -> None:
    """Briefs are made by editors: an editor account, signed in through the real forms
    (password, then the authenticator's code), as tests/conftest.py's sign_in does."""
    import pyotp

    from tracker import accounts
    from tracker.db import session_scope

    password = secrets.token_urlsafe(16)
    secret = accounts.new_totp_secret()
    with app.app_context(), session_scope() as s:
        user = accounts.add_user(s, "bench-editor", password, "editor")
        # Enrolled with the previous time step's code, so that the current one is unused.
        accounts.enrol_totp(s, user, secret, pyotp.TOTP(secret).at(time.time() - 30),
                            app.config["SECRET_KEY"])
    client.post("/login", data={"username": "bench-editor", "password": password})
    response = client.post("/login/code", data={"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302, response.status_code


def brief(client) -> None:
    """Build a brief for one State over the whole corpus, then export it."""
    t0 = time.perf_counter()
    response = client.post("/briefs/", data={"title": "Mexico", "subject": "state|MEX"})
    assert response.status_code == 302, response.status_code
    url = response.location
    built = time.perf_counter() - t0
    timings = {}
    for label, suffix in (("HTML", ""), ("PDF", ".pdf"), ("DOCX", ".docx")):
        t0 = time.perf_counter()
        r = client.get(url + suffix)
        assert r.status_code == 200, (suffix, r.status_code)
        timings[label] = (time.perf_counter() - t0, len(r.data))
    import re

    found = re.search(r"Communications \((\d+)\)", client.get(url).get_data(as_text=True))
    count = int(found.group(1)) if found else 0
    print(f"brief for Mexico ({count} communications): created {built:.1f} s; "
          + "; ".join(f"{k} {t:.1f} s ({n / 1024:.0f} KiB)" for k, (t, n) in timings.items()))


if __name__ == "__main__":
    main()
