"""What /healthz reports to a load balancer or a monitor: the database answers and holds
the newest schema, the search index is there, and how far the index lags the database.

Only counts, times and revision names: nothing here is private, and a failure is named,
never shown as the exception (a database error can carry its host and user).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from tracker.migrate import current_revision, head
from tracker.models import Communication, Resolution

log = logging.getLogger(__name__)
# One index document for each communication and each resolution.
INDEXED = (Communication, Resolution)


def _utc(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:  # SQLite gives back naive UTC times
        return moment.replace(tzinfo=UTC)
    return moment


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def check_index(root: str | Path) -> dict:
    """The current generation, its document count and when it was last written."""
    from tracker.search import POINTER, open_index

    try:
        ix = open_index(root, create=False)
        if ix is None:
            return {"ok": False, "error": "no search index: run `tracker reindex`"}
        try:
            written = datetime.fromtimestamp(ix.last_modified(), UTC)
            return {"ok": True, "generation": (Path(root) / POINTER).read_text().strip(),
                    "documents": ix.doc_count(), "written_at": _iso(written),
                    "_written": written}
        finally:
            ix.close()
    except Exception:  # a rebuild may remove a generation while it is read: say so, log why
        log.exception("health: the search index could not be read")
        return {"ok": False, "error": "the search index cannot be read"}


def check_database(engine: Engine, written: datetime | None) -> tuple[dict, dict]:
    """The schema's revision, and the searchable rows against the index's last write."""
    try:
        with engine.connect() as conn:
            revision = current_revision(conn)
            rows, behind_since = 0, None
            for model in INDEXED:
                rows += conn.execute(select(func.count()).select_from(model)).scalar()
                if written is not None:
                    # The oldest change the index has not seen: how long it has lagged.
                    oldest = _utc(conn.execute(select(func.min(model.updated_at)).where(
                        model.updated_at > written)).scalar())
                    if oldest and (behind_since is None or oldest < behind_since):
                        behind_since = oldest
    except SQLAlchemyError:
        log.exception("health: the database did not answer")
        return {"ok": False, "error": "the database does not answer"}, {}
    newest = head()
    database = {"ok": revision == newest, "revision": revision, "newest_revision": newest}
    if revision != newest:
        database["error"] = "the schema is not at the newest revision: run `tracker db upgrade`"
    return database, {"documents_in_database": rows, "behind_since": _iso(behind_since),
                      "_behind_since": behind_since}


def report(engine: Engine, index_root: str | Path, *, max_lag_seconds: float = 0,
           now: datetime | None = None) -> tuple[bool, dict]:
    """Whether this node is healthy, and the JSON body that says why."""
    index = check_index(index_root)
    database, lag = check_database(engine, index.pop("_written", None))
    if lag and index["ok"]:
        behind_since = lag.pop("_behind_since")
        now = now or datetime.now(UTC)
        lag["seconds"] = round((now - behind_since).total_seconds()) if behind_since else 0
        lag["documents_missing"] = lag["documents_in_database"] - index["documents"]
    else:
        lag = {}
    problems = [part["error"] for part in (database, index) if part.get("error")]
    if max_lag_seconds and lag.get("seconds", 0) > max_lag_seconds:
        problems.append(f"the search index lacks changes older than {max_lag_seconds:g} s")
    body = {"status": "ok" if not problems else "unhealthy", "problems": problems,
            "database": database, "index": index, "lag": lag}
    return not problems, body
