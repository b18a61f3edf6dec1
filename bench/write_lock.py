"""Measure how long a big import makes other SQLite writers wait.

Runs `tracker import` on a generated file of communications (20,000 by default) into an
empty SQLite database, while this process makes a small write (one row, its own
transaction, the app's 30 s busy timeout raised to 300 s so the wait is measured, not cut
short) every 50 ms on another connection, as the web app does when a brief is saved.
Prints the import's time and the longest and typical waits of those writes.

    .venv/bin/python bench/write_lock.py [--records 20000]
"""

import argparse
import json
import os
import secrets
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _records(n: int) -> dict:
    return {"communications": [
        {"id": str(100000 + i), "date": "2024-05-02", "country": "Honduras", "type": "AL",
         "ref": f"HND {i % 9000 + 1}/{2000 + i // 9000}",
         "mandates": ["human rights defenders", "freedom of peaceful assembly and of association"],
         "summary": f"Information received concerning defender number {i}, her arrest and "
                    "the threats against her family after she spoke at a public meeting."}
        for i in range(n)]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    args = parser.parse_args()
    tracker = str(Path(sys.executable).with_name("tracker"))
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TRACKER_DATABASE_URL": f"sqlite:///{tmp}/t.sqlite",
               "TRACKER_SEARCH_INDEX_DIR": f"{tmp}/index",
               "TRACKER_SECRET_KEY": secrets.token_hex(32),
               "TRACKER_DEBUG": "true"}
        subprocess.run([tracker, "init-db"], env=env, check=True, capture_output=True)
        data = Path(tmp) / "communications.json"
        data.write_text(json.dumps(_records(args.records)))
        probe = sqlite3.connect(f"{tmp}/t.sqlite", timeout=300, isolation_level=None)
        probe.execute("CREATE TABLE probe (at REAL)")
        start = time.perf_counter()
        proc = subprocess.Popen([tracker, "import", str(data)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        waits = []
        while proc.poll() is None:
            t0 = time.perf_counter()
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("INSERT INTO probe VALUES (?)", (t0,))
            probe.execute("COMMIT")
            waits.append(time.perf_counter() - t0)
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        closing = proc.stdout.read().strip().splitlines()[-1]
        probe.close()
    waits.sort()
    print(f"tracker import of {args.records:,} communications into SQLite: {seconds:.1f} s "
          f"({closing})")
    print(f"  a small write every 50 ms meanwhile: {len(waits)} writes, longest wait "
          f"{waits[-1]:.2f} s, median {statistics.median(waits) * 1000:.0f} ms, "
          f"99th percentile {waits[int(len(waits) * 0.99)] * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
