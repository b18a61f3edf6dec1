"""Time `tracker backup` and `tracker restore` on the samples plus 10,000 demo cases.

Builds the database (the samples, or the shipped snapshot, imported as `tracker
load-samples` does, then `tracker cases demo`), writes a backup with the default scrypt
cost, restores it into a new database, and prints the times and the file's size.
On SQLite in a temporary folder; on PostgreSQL when TRACKER_BENCH_DATABASE_URL is set
(that database is DROPPED and rebuilt, then replaced by the restore: use a scratch one).

    .venv/bin/python bench/backup.py [--cases 10000]
"""

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

from cryptography.fernet import Fernet, MultiFernet

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _data_files() -> list[Path]:
    from tracker.importers import sample_files
    from tracker.snapshot import snapshot_files

    samples = ROOT.parent / "shared" / "samples"
    return sample_files(samples) if samples.is_dir() else snapshot_files()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    server = os.environ.get("TRACKER_BENCH_DATABASE_URL")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TRACKER_INSTANCE_PATH"] = str(Path(tmp) / "instance")
        from sqlmodel import Session

        from tracker import create_app
        from tracker.backup import restore_database, write_backup
        from tracker.case_demo import make_demo_cases
        from tracker.db import get_engine, init_db, make_engine
        from tracker.importers import import_files
        from tracker.ingest import Tally
        from tracker.search import rebuild_index

        key = Fernet.generate_key().decode()
        url = server or f"sqlite:///{tmp}/source.sqlite"
        app = create_app({"TESTING": True, "DATABASE_URL": url, "CASE_KEY": key,
                          "SECRET_KEY": secrets.token_hex(32)})
        passphrase = "bench passphrase, not a real one"  # noqa: S105 - a bench's
        with app.app_context():
            engine = get_engine()
            init_db(drop=bool(server))
            import_files(_data_files(), lambda: Session(engine, expire_on_commit=False),
                         Tally())
            with Session(engine) as session:
                make_demo_cases(session, MultiFernet([Fernet(key)]), args.cases)
            archive = Path(tmp) / "bench.gtbak"
            start = time.perf_counter()
            summary = write_backup(engine, archive, passphrase, instance_path=app.instance_path)
            backup_s = time.perf_counter() - start
            engine.dispose()
        target = make_engine(server or f"sqlite:///{tmp}/restored.sqlite")
        start = time.perf_counter()
        restore_database(target, archive, passphrase, replace=bool(server))
        restore_s = time.perf_counter() - start
        start = time.perf_counter()
        with Session(target) as session:
            entries = rebuild_index(Path(tmp) / "index", session)
        index_s = time.perf_counter() - start
        target.dispose()
        print(f"database: {target.dialect.name}; {summary.rows} rows in "
              f"{len(summary.manifest['tables'])} tables ({args.cases} demo cases)")
        print(f"backup:   {backup_s:6.1f} s, file {archive.stat().st_size / 1e6:.1f} MB")
        print(f"restore:  {restore_s:6.1f} s (check the whole file, then write every row in "
              "one transaction)")
        print(f"reindex:  {index_s:6.1f} s ({entries} entries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
