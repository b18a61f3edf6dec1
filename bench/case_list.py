"""The case register's list: server time of its pages over many demo cases.

Run: .venv/bin/python bench/case_list.py [--cases 10000] [--repeat 10]

`make_demo_cases` fills a SQLite database in a temporary folder (or the PostgreSQL database
TRACKER_BENCH_DATABASE_URL names: every table there is dropped and made again); then a
signed-in editor asks for each page through Flask's test client: the time the server
spends, without a network. The list reads one page of the register; the text search
looks through every case's pseudonym and province.
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

PASSWORD = "correct horse battery staple"  # noqa: S105 - a bench account's password
PAGES = {"list, first page": "/cases/", "list, page 100": "/cases/?page=100",
         "search, matching all (demo)": "/cases/?q=demo",
         "search, matching one (00042)": "/cases/?q=00042",
         "search, matching none": "/cases/?q=nobody",
         "State + status filters": "/cases/?state=HRV&status=closed"}


def stats(times: list[float]) -> str:
    """The first request's time, then the median and maximum of the others."""
    rest = sorted(times[1:]) or times
    return (f"{times[0] * 1000:7.0f}ms {statistics.median(rest) * 1000:7.0f}ms "
            f"{rest[-1] * 1000:7.0f}ms")


def app_for_bench(tmp: str):
    """An app on a fresh database: SQLite in `tmp`, or TRACKER_BENCH_DATABASE_URL's."""
    from cryptography.fernet import Fernet

    from tracker import create_app
    from tracker.db import init_db

    os.environ["TRACKER_INSTANCE_PATH"] = tmp
    config = {"TESTING": True, "WTF_CSRF_ENABLED": False,
              "CASE_KEY": Fernet.generate_key().decode()}
    url = os.environ.get("TRACKER_BENCH_DATABASE_URL")
    if url:
        config["DATABASE_URL"] = url
    app = create_app(config)
    with app.app_context():
        init_db(drop=bool(url))
    return app


def signed_in_editor(app):
    """A test client signed in as an editor, through the password and the code."""
    import pyotp

    from tracker import accounts
    from tracker.db import session_scope

    with app.app_context(), session_scope() as session:
        user = accounts.add_user(session, "bench-editor", PASSWORD, "editor")
        secret = accounts.new_totp_secret()
        accounts.enrol_totp(session, user, secret, pyotp.TOTP(secret).at(time.time() - 30),
                            app.config["SECRET_KEY"])
    client = app.test_client()
    client.post("/login", data={"username": "bench-editor", "password": PASSWORD})
    response = client.post("/login/code", data={"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302, response.status_code
    return client


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    from sqlmodel import Session

    from tracker.case_demo import make_demo_cases
    from tracker.casekey import current_keys
    from tracker.db import get_engine

    with tempfile.TemporaryDirectory() as tmp:
        app = app_for_bench(tmp)
        with app.app_context():
            t0 = time.perf_counter()
            with Session(get_engine()) as session:
                make_demo_cases(session, current_keys(), args.cases, seed=7)
            print(f"{get_engine().dialect.name}: {args.cases:,} demo cases in "
                  f"{time.perf_counter() - t0:.0f} s; {app.config['PAGE_SIZE']} per page")
        client = signed_in_editor(app)
        print(f"{'page (server time)':34} {'first':>9} {'p50':>9} {'max':>9}   KiB")
        for label, url in PAGES.items():
            times = []
            for _ in range(args.repeat + 1):
                t1 = time.perf_counter()
                page = client.get(url)
                times.append(time.perf_counter() - t1)
                assert page.status_code == 200, page.status_code
            print(f"{label:34} {stats(times)}   {len(page.data) / 1024:.0f}")
        with app.app_context():
            get_engine().dispose()


if __name__ == "__main__":
    main()
