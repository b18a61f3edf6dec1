"""Time a catalogue import into an empty SQLite database.

Prints, for the two UNBISnet catalogue files in shared/samples (3,989 drafts, 137,035
sponsor rows): the whole `tracker import` command with its peak memory, and, in one
process, the import (read, parse, store, commit) apart from the search-index update
that follows it.
"""

import os
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT.parent / "shared" / "samples" / "unbisnet_catalogue"
DRAFTS = 3989


def _env(folder: str) -> dict:
    return {"TRACKER_DATABASE_URL": f"sqlite:///{folder}/t.sqlite",
            "TRACKER_SEARCH_INDEX_DIR": f"{folder}/index",
            "TRACKER_SECRET_KEY": secrets.token_hex(32),
            "TRACKER_DEBUG": "true"}


def command(files: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, **_env(tmp)}
        tracker = str(Path(sys.executable).with_name("tracker"))
        subprocess.run([tracker, "init-db"], env=env, check=True, capture_output=True)
        start = time.perf_counter()
        done = subprocess.run([tracker, "import", *map(str, files)], env=env, check=True,
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"tracker import, both files, empty SQLite: {seconds:.1f} s "
          f"({DRAFTS / seconds:.0f} drafts/s), peak memory {peak:.0f} MiB")
    print("  closing line:", done.stdout.strip().splitlines()[-1])


def in_process(files: list[Path]) -> None:
    from sqlmodel import Session

    from tracker import create_app
    from tracker.db import get_engine, init_db
    from tracker.importers import import_files
    from tracker.ingest import Tally
    from tracker.search import update_index

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(_env(tmp))
        app = create_app()
        with app.app_context():
            init_db()
            engine = get_engine()
            tally = Tally()
            start = time.perf_counter()
            import_files(files, lambda: Session(engine, expire_on_commit=False), tally)
            imported = time.perf_counter()
            with Session(engine) as session:
                n = update_index(app.config["SEARCH_INDEX_DIR"], session,
                                 resolution_symbols=tally.changed_resolutions)
            indexed = time.perf_counter()
            engine.dispose()
    print(f"  of which: import (read, parse, store, commit) {imported - start:.2f} s "
          f"({DRAFTS / (imported - start):.0f} drafts/s); search index, {n} resolutions, "
          f"{indexed - imported:.2f} s")


def main() -> int:
    files = sorted(CATALOGUE.glob("*.csv"))
    if not files:
        print("bench/ingest.py: no catalogue in shared/samples; nothing measured")
        return 0
    command(files)
    in_process(files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
