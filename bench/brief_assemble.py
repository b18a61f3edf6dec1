"""Time assembling a brief's data on a database that holds the UNBISnet catalogue.

Run: .venv/bin/python bench/brief_assemble.py [--database sqlite:///instance/tracker.sqlite]
     [--repeat 3]
After `make run` the instance database holds the catalogue (about 4,000 drafts and 137,000
sponsorship rows); the bench only reads it. It times `tracker.briefs.assemble` (what the
page, the PDF and the DOCX each compute first) for a State's brief of Russia and of
Mexico, with no period and with a period (2014), and for the brief of the resolution with
the most sponsorship rows. Each line gives the best wall time of the repeats, the SQL
statements one assembly sends, and how many resolutions the brief lists and counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def most_sponsored(session) -> str:
    from sqlmodel import func, select

    from tracker.models import Draft, Resolution, Sponsorship

    return session.exec(
        select(Resolution.symbol).join(Draft, Draft.resolution_id == Resolution.id)
        .join(Sponsorship, Sponsorship.family == Draft.family)
        .group_by(Resolution.symbol).order_by(func.count().desc(), Resolution.symbol)).first()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=f"sqlite:///{ROOT / 'instance' / 'tracker.sqlite'}")
    parser.add_argument("--repeat", type=int, default=3)
    # The catalogue's last full year: its sponsorship data stops in mid-2015.
    parser.add_argument("--one-by-one", action="store_true",
                        help="also time resolution_gaps once per resolution (seconds)")
    parser.add_argument("--period", default="2014-01-01:2014-12-31",
                        help="START:END of the State briefs with a period")
    args = parser.parse_args()

    from sqlalchemy import event
    from sqlmodel import Session, func, select

    from tracker import create_app
    from tracker.briefs import assemble
    from tracker.db import get_engine
    from tracker.models import Brief, Resolution, Sponsorship
    from tracker.resolutions import resolution_gaps, resolutions_gaps

    # Only reads: a throwaway key, as no session or cookie outlives the run.
    app = create_app({"DATABASE_URL": args.database, "SECRET_KEY": secrets.token_hex(32)})
    with app.app_context():
        engine = get_engine()
        statements = [0]
        event.listen(engine, "before_cursor_execute",
                     lambda *_a, **_k: statements.__setitem__(0, statements[0] + 1))
        with Session(engine) as session:
            rows = session.exec(select(func.count()).select_from(Sponsorship)).one()
            symbol = most_sponsored(session)
        if not rows:
            print(f"bench/brief_assemble.py: no sponsorship data in {args.database}; run "
                  "`make run` first (it imports the catalogue)")
            return
        print(f"{args.database}: {rows:,} sponsorship rows")
        start, end = (dt.date.fromisoformat(d) for d in args.period.split(":"))
        year = {"period_start": start, "period_end": end}
        cases = [("state RUS", Brief(subject_kind="state", subject="RUS")),
                 (f"state RUS, {args.period}", Brief(subject_kind="state", subject="RUS", **year)),
                 ("state MEX", Brief(subject_kind="state", subject="MEX")),
                 (f"state MEX, {args.period}", Brief(subject_kind="state", subject="MEX", **year)),
                 (f"resolution {symbol}", Brief(subject_kind="resolution", subject=symbol))]
        print(f"{'brief':40} {'best':>8} {'worst':>8} {'queries':>8} {'listed':>7} {'of':>6}")
        for name, brief in cases:
            times = []
            for _ in range(args.repeat):
                with Session(engine) as session:
                    statements[0] = 0
                    start = time.perf_counter()
                    data = assemble(session, brief)
                    times.append(time.perf_counter() - start)
            counted = getattr(data, "resolutions_total", len(data.resolutions))
            print(f"{name:40} {min(times):7.2f}s {max(times):7.2f}s {statements[0]:8,} "
                  f"{len(data.resolutions):7,} {counted:6,}")
        # The regional gaps of every resolution, as a brief without a cap would need them.
        with Session(engine) as session:
            every = list(session.exec(select(Resolution)))
            statements[0] = 0
            start = time.perf_counter()
            resolutions_gaps(session, [r.symbol for r in every])
            print(f"{f'gaps of all {len(every):,} resolutions, in bulk':40} "
                  f"{time.perf_counter() - start:7.2f}s {'':8} {statements[0]:8,}")
            if args.one_by_one:
                statements[0] = 0
                start = time.perf_counter()
                for r in every:
                    resolution_gaps(session, r.symbol)
                print(f"{'  the same, one by one':40} {time.perf_counter() - start:7.2f}s "
                      f"{'':8} {statements[0]:8,}")


if __name__ == "__main__":
    main()
