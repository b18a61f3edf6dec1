"""The snapshot of real UN data that ships in tracker/data/snapshot, for a first run.

A fresh clone has no samples folder; `tracker load-samples` then loads this snapshot.
"""

from pathlib import Path

SNAPSHOT_DIR = Path(__file__).resolve().parent / "data" / "snapshot"


def snapshot_files() -> list[Path]:
    """The snapshot's files, laid out like the samples folder, in import order."""
    from tracker.importers import sample_files

    return sample_files(SNAPSHOT_DIR)
