"""Measure `tracker alerts send`: finding what is new for many saved searches, and mailing it.

Builds a SQLite database of generated communications (20,000 by default) with its index,
saves 100 alerts (searches of varied words and States, immediate digests), adds 1,000 new
communications, then times `tracker alerts send` against a local SMTP server (aiosmtpd, on
127.0.0.1) and a second send that finds nothing new. Prints the times and counts.

    .venv/bin/python bench/alerts.py [--records 20000] [--new 1000] [--alerts 100]
"""

import argparse
import json
import secrets
import socket
import tempfile
import time
from pathlib import Path

from aiosmtpd.controller import Controller

WORDS = ["defender", "journalist", "land", "quarry", "indigenous", "lawyer", "union",
         "students", "women", "environmental"]
STATES = [("Honduras", "HND"), ("Colombia", "COL"), ("Mexico", "MEX"), ("Brazil", "BRA"),
          ("Guatemala", "GTM")]


def _records(start: int, n: int) -> dict:
    rows = []
    for i in range(start, start + n):
        country, code = STATES[i % len(STATES)]
        rows.append({
            "id": str(100000 + i), "date": "2024-05-02", "country": country, "type": "AL",
            "ref": f"{code} {i % 9000 + 1}/{2000 + i // 9000}",
            "mandates": ["human rights defenders"],
            "summary": f"Information received concerning a {WORDS[i % len(WORDS)]} and a "
                       f"{WORDS[(i * 7) % len(WORDS)]}, number {i}, threatened after a meeting."})
    return {"communications": rows}


class _Count:
    def __init__(self):
        self.messages = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages += 1
        return "250 OK"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--alerts", type=int, default=100)
    args = parser.parse_args()
    from sqlmodel import Session

    from tracker import create_app
    from tracker.alerts import new_feed_token
    from tracker.db import get_engine, init_db
    from tracker.importers import import_files
    from tracker.ingest import Tally
    from tracker.models import SavedSearch, User
    from tracker.search import rebuild_index, update_index

    inbox = _Count()
    smtp = Controller(inbox, hostname="127.0.0.1", port=_port())
    smtp.start()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "SECRET_KEY": secrets.token_hex(32),
                          "DATABASE_URL": f"sqlite:///{tmp}/t.sqlite",
                          "SEARCH_INDEX_DIR": f"{tmp}/index", "MAIL_SERVER": "127.0.0.1",
                          "MAIL_PORT": smtp.port, "MAIL_FROM": "bench@example.org"})
        with app.app_context():
            init_db()
            engine = get_engine()

            def sessions():
                return Session(engine, expire_on_commit=False)

            base = Path(tmp) / "base.json"
            base.write_text(json.dumps(_records(0, args.records)))
            import_files([base], sessions, Tally())
            with sessions() as s:
                rebuild_index(app.config["SEARCH_INDEX_DIR"], s)
                user = User(username="bench", password_hash="x")  # noqa: S106
                s.add(user)
                s.flush()
                for i in range(args.alerts):
                    q = f"q={WORDS[i % len(WORDS)]}" + (
                        f"&state={STATES[i % len(STATES)][1]}" if i % 2 else "")
                    s.add(SavedSearch(user_id=user.id, name=q, query=q, digest="immediate",
                                      email=f"person{i}@example.org",
                                      feed_token=new_feed_token()))
                s.commit()
            new = Path(tmp) / "new.json"
            new.write_text(json.dumps(_records(args.records, args.new)))
            tally = Tally()
            import_files([new], sessions, tally)
            with sessions() as s:
                update_index(app.config["SEARCH_INDEX_DIR"], s,
                             communication_ids=tally.changed_communications)
        runner = app.test_cli_runner()
        t0 = time.perf_counter()
        first = runner.invoke(args=["alerts", "send"])
        t1 = time.perf_counter()
        second = runner.invoke(args=["alerts", "send"])
        t2 = time.perf_counter()
        get_engine_dispose = app.extensions["tracker"]["engine"]
        get_engine_dispose.dispose()
    smtp.stop()
    print(f"{args.records} communications indexed, {args.alerts} alerts, {args.new} new")
    print(f"first send:  {t1 - t0:6.2f} s  {first.output.strip()}")
    print(f"second send: {t2 - t1:6.2f} s  {second.output.strip()}")
    print(f"messages received by the local SMTP server: {inbox.messages}")
    return 0 if first.exit_code == 0 and second.exit_code == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
