"""Time `tracker code --all` over generated communications in an empty SQLite database.

Prints, for N communications (default 5,000) with summaries made from a few sentences
(some naming women, attacks, perpetrators), the first run of the rules, a second run
that finds nothing new, and a run after a person decided one scheme on each of 500.
The rules are the shipped file (or CODING_RULES): this measures the database layer
around the coder as much as the coder.
"""

import argparse
import os
import random
import tempfile
import time
from datetime import date

SENTENCES = [
    "Information received concerning the arbitrary detention of Ms. Ana Pérez.",
    "She is a woman human rights defender working on land rights.",
    "Threats were made against her by police officers.",
    "A mining company is alleged to be behind the attacks.",
    "Information received concerning the killing of a journalist.",
    "The authorities have not opened an investigation.",
    "Alleged victims: 3",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    size = parser.parse_args().size
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update({"TRACKER_INSTANCE_PATH": tmp, "TRACKER_SECRET_KEY": "bench" * 13})
        from sqlmodel import Session, select

        from scrapers.records import CommunicationRecord
        from tracker import codes, create_app
        from tracker.db import get_engine, init_db
        from tracker.ingest import Tally, store_communications
        from tracker.models import Communication

        app = create_app({"TESTING": True})
        rng = random.Random(12)
        with app.app_context():
            init_db()
            with Session(get_engine(), expire_on_commit=False) as s:
                records = [CommunicationRecord(
                    type="UA", addressee_code="HND", number=i, year=2013,
                    date=date(2013, 1 + i % 12, 1 + i % 28), addressee_name="Honduras",
                    mandates=["human rights defenders"],
                    summary=" ".join(rng.sample(SENTENCES, 3)), location="bench")
                    for i in range(1, size + 1)]
                store_communications(s, records, Tally())
                s.commit()
                rules = codes.cached_rules(app.config.get("CODING_RULES"))
                for label in ("first run", "second run (nothing new)"):
                    start = time.perf_counter()
                    tally = codes.apply_rules(s, rules=rules)
                    took = time.perf_counter() - start
                    print(f"{label}: {size} communications in {took:.1f} s "
                          f"({size / took:.0f}/s); {tally.changed} changed")
                for comm_id in s.exec(select(Communication.id).limit(500)):
                    codes.decide(s, comm_id, "attack", {"torture"}, "bench")
                s.commit()
                start = time.perf_counter()
                tally = codes.apply_rules(s, rules=rules)
                took = time.perf_counter() - start
                print(f"after 500 decisions: {took:.1f} s; {tally.changed} changed, "
                      f"{tally.disputed} disputed")


if __name__ == "__main__":
    main()
