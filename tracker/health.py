"""What /healthz reports to a load balancer or a monitor: the database answers and holds
the newest schema, the search index is there, and how far the index lags the database:
the change log's positions it has not applied, and how long ago the oldest was written.

Only counts, times and revision names: nothing here is private, and a failure is named,
never shown as the exception (a database error can carry its host and user).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, func, select

from tracker.migrate import current_revision, head
from tracker.models import Communication, Resolution

log = logging.getLogger(__name__)
# One index document for each communication and each resolution.
INDEXED = (Communication, Resolution)


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
                    "documents": ix.doc_count(), "written_at": _iso(written)}
        finally:
            ix.close()
    except Exception:  # a rebuild may remove a generation while it is read: say so, log why
        log.exception("health: the search index could not be read")
        return {"ok": False, "error": "the search index cannot be read"}


def check_database(engine: Engine, index_root: str | Path,
                   now: datetime | None = None) -> tuple[dict, dict]:
    """The schema's revision, the searchable rows, and how far this node's index is
    behind the change log."""
    from tracker.search.following import lag

    try:
        with Session(engine) as session:
            revision = current_revision(session.connection())
            rows = sum(session.exec(select(func.count()).select_from(model)).one()
                       for model in INDEXED)
            behind = lag(index_root, session, now) if revision == head() else {}
    except SQLAlchemyError:
        log.exception("health: the database did not answer")
        return {"ok": False, "error": "the database does not answer"}, {}
    newest = head()
    database = {"ok": revision == newest, "revision": revision, "newest_revision": newest}
    if revision != newest:
        database["error"] = "the schema is not at the newest revision: run `tracker db upgrade`"
    return database, {"documents_in_database": rows, **behind}


def report(engine: Engine, index_root: str | Path, *, max_lag_seconds: float = 0,
           now: datetime | None = None) -> tuple[bool, dict]:
    """Whether this node is healthy, and the JSON body that says why."""
    index = check_index(index_root)
    database, lag = check_database(engine, index_root, now)
    if lag and index["ok"]:
        lag["documents_missing"] = lag["documents_in_database"] - index["documents"]
    else:
        lag = {}
    problems = [part["error"] for part in (database, index) if part.get("error")]
    if max_lag_seconds and lag.get("seconds", 0) > max_lag_seconds:
        problems.append(f"the search index lacks changes older than {max_lag_seconds:g} s")
    body = {"status": "ok" if not problems else "unhealthy", "problems": problems,
            "database": database, "index": index, "lag": lag}
    return not problems, body
