"""The snapshot of real UN data that ships in tracker/data/snapshot, for a first run.

A fresh clone has no samples folder; `tracker load-samples` then loads this snapshot, and
the home page says how to fetch current data while the database holds nothing else.
"""

import hashlib
from functools import cache
from pathlib import Path

from sqlmodel import Session, select

from tracker.models import Communication, Draft, Resolution, Source

SNAPSHOT_DIR = Path(__file__).resolve().parent / "data" / "snapshot"


def snapshot_files() -> list[Path]:
    """The snapshot's files, laid out like the samples folder, in import order."""
    from tracker.importers import sample_files

    return sample_files(SNAPSHOT_DIR)


@cache
def snapshot_hashes() -> frozenset[str]:
    # Sources are recorded by content hash, and the path differs between installs.
    return frozenset(hashlib.sha256(p.read_bytes()).hexdigest() for p in snapshot_files())


def data_state(session: Session) -> str | None:
    """Say "empty" when nothing is stored, "snapshot" when only the snapshot was imported,
    and None once other data (samples, scrapes, imports) arrived."""
    if not any(session.exec(select(model.id).limit(1)).first() is not None
               for model in (Communication, Draft, Resolution)):
        return "empty"
    hashes = sorted(snapshot_hashes())
    from_snapshot = session.exec(
        select(Source.id).where(Source.content_hash.in_(hashes)).limit(1)).first()
    other = session.exec(
        select(Source.id).where(Source.content_hash.not_in(hashes)).limit(1)).first()
    return "snapshot" if from_snapshot is not None and other is None else None


def init_app(app):
    from tracker.db import get_session

    # A template global, not a view variable, so the home page's include asks only when
    # it is shown, and the search view stays as it is.
    app.jinja_env.globals["first_run_state"] = lambda: data_state(get_session())
