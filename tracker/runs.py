"""Tell live runs from dead ones, so a run killed mid-way does not stay `running` forever.

Each run records its host, pid and the process's start time, and refreshes a heartbeat
as it commits. When a run starts, earlier runs still `running` are marked `interrupted`
if their process is gone:

- on this host, for certain: no process has that pid, or the process with that pid
  started at another time (the pid was reused). A live run is never marked.
- on another host we cannot look, so only a heartbeat older than STALE_SECONDS counts
  as dead. A live run that stalled that long would be marked wrongly; it rewrites its
  own status when it finishes, so the mark does no lasting harm.

A host is its hostname: two containers given the same hostname and one database would
each see the other's pids as gone. Give each its own hostname (the default).
"""

from __future__ import annotations

import logging
import os
import socket
import time
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select

from tracker.models import RunProcess, ScrapeRun

log = logging.getLogger(__name__)

# Heartbeats come with every committed batch or page, at most every HEARTBEAT_SECONDS;
# a parse of a file at MAX_IMPORT_BYTES takes well under a minute.
HEARTBEAT_SECONDS = 30.0
STALE_SECONDS = 15 * 60

# While set to a list, every run a command starts is appended to it: `scrape all` learns
# which run each of its steps made without guessing from ids or times.
started_runs: ContextVar[list[int] | None] = ContextVar("started_runs", default=None)


def _process_start(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (Linux), or None where unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]  # field 22; the name before ")" may hold spaces


def claim(session: Session, run: ScrapeRun) -> None:
    """Record this process as the one running `run`."""
    pid = os.getpid()
    # A database made before this table existed gets it here, not only from init-db.
    RunProcess.__table__.create(session.connection(), checkfirst=True)
    # merge: SQLite reuses the id of a deleted run, whose row here may remain
    session.merge(RunProcess(run_id=run.id, host=socket.gethostname()[:255], pid=pid,
                             process_start=_process_start(pid), heartbeat_at=datetime.now(UTC)))
    session.commit()


def process_alive(pid: int, process_start: str | None) -> bool:
    """Whether the process `pid` on this host, started at `process_start`, still runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process with that pid: it exists
    start = _process_start(pid)
    return start is None or process_start is None or start == process_start


def _alive(owner: RunProcess | None, run: ScrapeRun, now: datetime) -> bool:
    if owner is not None and owner.host == socket.gethostname()[:255]:
        return process_alive(owner.pid, owner.process_start)
    beat = owner.heartbeat_at if owner is not None else run.updated_at
    if beat.tzinfo is None:
        beat = beat.replace(tzinfo=UTC)  # SQLite returns naive UTC
    return now - beat < timedelta(seconds=STALE_SECONDS)


def mark_dead_runs_interrupted(session: Session, *, except_id: int | None = None
                               ) -> list[ScrapeRun]:
    """Mark runs left `running` by a process that is gone as `interrupted`; return them."""
    now = datetime.now(UTC)
    marked = []
    for run in session.exec(select(ScrapeRun).where(ScrapeRun.status == "running")).all():
        if run.id == except_id:
            continue
        if not _alive(session.get(RunProcess, run.id), run, now):
            run.status, run.finished_at = "interrupted", None
            run.error = ((run.error + "\n") if run.error else "") + (
                f"interrupted: its process was gone when run {except_id or '?'} started; "
                "what it committed stays, run it again to finish")
            session.add(run)
            marked.append(run)
    session.commit()
    for run in marked:
        log.warning("run %s (%s %s) marked interrupted", run.id, run.source_kind, run.target)
    return marked


class Heartbeat:
    """Refresh a run's heartbeat, at most every HEARTBEAT_SECONDS, in its own transaction."""

    def __init__(self, session_factory, run_id: int):
        self.session_factory, self.run_id, self.last = session_factory, run_id, 0.0

    def __call__(self, *_args) -> None:
        if time.monotonic() - self.last < HEARTBEAT_SECONDS:
            return
        self.last = time.monotonic()
        with self.session_factory() as session:
            owner = session.get(RunProcess, self.run_id)
            if owner is not None:
                owner.heartbeat_at = datetime.now(UTC)
                session.add(owner)
                session.commit()


def recent_runs(session: Session, limit: int = 100) -> list[tuple[ScrapeRun, list]]:
    """The latest runs, newest first, each `scrape all` run with its steps in order as
    (RunStep, its ScrapeRun or None); a step's own run is not listed again on its own."""
    from tracker.models import RunStep

    runs = session.exec(select(ScrapeRun).order_by(ScrapeRun.id.desc()).limit(limit)).all()
    parents = [r.id for r in runs if r.source_kind == "all"]
    steps = session.exec(select(RunStep).where(RunStep.parent_id.in_(parents))
                         .order_by(RunStep.parent_id, RunStep.position)).all() if parents else []
    children = {s.run_id for s in steps if s.run_id is not None}
    by_id = {r.id: r for r in session.exec(select(ScrapeRun).where(
        ScrapeRun.id.in_(children)))} if children else {}
    return [(run, [(s, by_id.get(s.run_id)) for s in steps if s.parent_id == run.id])
            for run in runs if run.id not in children]
