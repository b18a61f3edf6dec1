"""Records per second through each parser and through the whole import into SQLite.

Run: .venv/bin/python bench/parsers.py   (make bench runs it)
Inputs: the reconstructed fixtures, repeated, and shared/samples when present.
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapers.communications import parse_listing, parse_sample_json  # noqa: E402
from scrapers.unbis import parse_drafts_csv, read_authors  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = ROOT.parent / "shared" / "samples"


def rate(label, func, records_per_call, seconds=2.0):
    calls, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        func()
        calls += 1
    elapsed = time.perf_counter() - start
    print(f"{label:44} {calls * records_per_call / elapsed:10.0f} records/s")


def main():
    page = (FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html").read_text()
    rate("parse_listing (HTML page, 4 rows)", lambda: parse_listing(page), 4)
    sample = SAMPLES / "ohchr" / "trunorth_latestreports_2026-07-12.json"
    if sample.exists():
        text = sample.read_text()
        rate("parse_sample_json (32 records)", lambda: parse_sample_json(text), 32)
        drafts = (SAMPLES / "un_resolutions" / "unbisnet_draft_resolutions_subset.csv"
                  ).read_bytes().decode("cp1252")
        authors = read_authors((SAMPLES / "un_resolutions" / "unbisnet_draft_authors_subset.csv"
                                ).read_bytes().decode("cp1252"))
        rate("parse_drafts_csv (57 drafts)", lambda: parse_drafts_csv(drafts, authors=authors),
             57)
        import os

        from tracker import create_app
        from tracker.db import get_engine, init_db
        from tracker.importers import import_files, sample_files
        from tracker.ingest import Tally

        with tempfile.TemporaryDirectory() as tmp:
            os.environ["TRACKER_INSTANCE_PATH"] = tmp
            app = create_app({"TESTING": True})
            with app.app_context():
                init_db()
                from sqlmodel import Session
                engine = get_engine()
                tally = Tally()
                start = time.perf_counter()
                import_files(sample_files(SAMPLES), lambda: Session(engine), tally)
                elapsed = time.perf_counter() - start
                n = tally.saved + tally.updated + tally.unchanged
                print(f"{'import samples into SQLite (first run)':44} {n / elapsed:10.0f} "
                      f"records/s ({n} records, {elapsed:.2f} s)")
    else:
        print("shared/samples not present: sample benchmarks skipped")


if __name__ == "__main__":
    main()
