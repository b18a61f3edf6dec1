"""Time the import of the HRC's recorded votes into an empty SQLite database, and again.

Prints, for the export of OHCHR's voting library in shared/samples (974 votes, 45,387
State votes): `tracker import-votes` as a command (first run, then a second run that
changes nothing), and in one process the read and parse apart from the store.
"""

import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXPORT = (ROOT.parent / "shared" / "samples" / "membership" / "hrc_membership"
          / "tsujamin_unhrc-nominate")


def main() -> None:
    if not (EXPORT / "sqlite_export_votes.csv.gz").exists():
        print(f"bench/hrc_votes.py: no export at {EXPORT}; nothing to time")
        return
    from tracker.hrc_votes import read_export

    start = time.perf_counter()
    votes, _, _ = read_export(EXPORT)
    print(f"read and parse the export: {time.perf_counter() - start:.2f} s "
          f"({len(votes)} votes, {sum(len(v.casts) for v in votes)} State votes)")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TRACKER_DATABASE_URL": f"sqlite:///{tmp}/t.sqlite",
               "TRACKER_SEARCH_INDEX_DIR": f"{tmp}/index",
               "TRACKER_SECRET_KEY": secrets.token_hex(32),
               "TRACKER_DEBUG": "true"}
        tracker = str(Path(sys.executable).with_name("tracker"))
        subprocess.run([tracker, "init-db"], env=env, check=True, capture_output=True)
        for run in ("first run, empty database", "second run, nothing new"):
            start = time.perf_counter()
            done = subprocess.run([tracker, "import-votes", str(EXPORT)], env=env,
                                  check=True, capture_output=True, text=True)
            seconds = time.perf_counter() - start
            print(f"tracker import-votes, {run}: {seconds:.1f} s (the command, start-up "
                  "included)")
            print("  closing line:", done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
