"""A lock in the database, so a scheduled job never runs twice at once on any node.

A ScheduleLock row names its holder (host, pid, the run it does) and an expiry that the
holder pushes forward from a background thread. A second run finds the row and stops,
saying who holds it and since when. A row is taken over when its holder is dead: its
expiry has passed (any host), or it is on this host and its process is gone or its pid
was reused (tracker.runs tells). Taking over is one conditional UPDATE on the old
holder's token, so of two runs that both find a dead holder only one wins.

A row rather than PostgreSQL's advisory locks: SQLite has none, and one mechanism that
both databases run is the one the tests prove.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from tracker.models import ScheduleLock
from tracker.runs import _process_start, process_alive

log = logging.getLogger(__name__)


class LockHeld(Exception):
    """Another live process holds the lock."""

    def __init__(self, holder: ScheduleLock):
        self.holder = holder
        super().__init__(describe(holder))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite: naive UTC


def describe(holder: ScheduleLock) -> str:
    run = f"run {holder.run_id}, " if holder.run_id else ""
    return (f"{run}process {holder.pid} on {holder.host}, since "
            f"{_aware(holder.acquired_at):%Y-%m-%d %H:%M:%S} UTC (last heartbeat "
            f"{_aware(holder.heartbeat_at):%H:%M:%S} UTC)")


def holder_dead(holder: ScheduleLock, now: datetime) -> bool:
    """Whether the holder can no longer be working: expired, or gone from this host."""
    if _aware(holder.expires_at) <= now:
        return True
    if holder.host == socket.gethostname()[:255]:
        return not process_alive(holder.pid, holder.process_start)
    return False


@dataclass
class Claim:
    name: str
    token: str
    taken_from: str | None = None  # the dead holder it replaced, described


def acquire(session: Session, name: str, *, ttl: float, run_id: int | None = None) -> Claim:
    """Take the lock `name` for this process, or raise LockHeld."""
    now = datetime.now(UTC)
    pid = os.getpid()
    mine = {"token": secrets.token_hex(16), "host": socket.gethostname()[:255], "pid": pid,
            "process_start": _process_start(pid), "run_id": run_id, "acquired_at": now,
            "heartbeat_at": now, "expires_at": now + timedelta(seconds=ttl)}
    holder = session.get(ScheduleLock, name)
    if holder is None:
        session.add(ScheduleLock(name=name, **mine))
        try:
            session.commit()
            return Claim(name, mine["token"])
        except IntegrityError:  # another process inserted it between our read and write
            session.rollback()
            holder = session.get(ScheduleLock, name)
    if holder is not None and holder_dead(holder, now):
        before = describe(holder)
        taken = session.execute(update(ScheduleLock).where(
            ScheduleLock.name == name, ScheduleLock.token == holder.token).values(**mine))
        session.commit()
        if taken.rowcount == 1:
            log.warning("lock %s taken over from a dead holder: %s", name, before)
            return Claim(name, mine["token"], before)
        session.expire_all()
        holder = session.get(ScheduleLock, name)
    if holder is None:  # released meanwhile: try once more from the start
        return acquire(session, name, ttl=ttl, run_id=run_id)
    raise LockHeld(holder)


def refresh(session: Session, claim: Claim, *, ttl: float, run_id: int | None = None) -> bool:
    """Push the expiry forward; False when the lock is no longer ours (taken over)."""
    now = datetime.now(UTC)
    values = {"heartbeat_at": now, "expires_at": now + timedelta(seconds=ttl)}
    if run_id is not None:
        values["run_id"] = run_id
    done = session.execute(update(ScheduleLock).where(
        ScheduleLock.name == claim.name, ScheduleLock.token == claim.token).values(**values))
    session.commit()
    return done.rowcount == 1


def release(session: Session, claim: Claim) -> None:
    session.execute(delete(ScheduleLock).where(ScheduleLock.name == claim.name,
                                               ScheduleLock.token == claim.token))
    session.commit()


class HeldLock:
    """Hold a lock for a `with` block, refreshing it every third of `ttl` from a thread.

    The thread dies with the process, so a killed run's lock expires after `ttl`.
    """

    def __init__(self, session_factory, name: str, *, ttl: float, run_id: int | None = None):
        self.session_factory, self.name, self.ttl, self.run_id = (
            session_factory, name, ttl, run_id)
        self.claim: Claim | None = None
        self.lost = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> HeldLock:
        with self.session_factory() as session:
            self.claim = acquire(session, self.name, ttl=self.ttl, run_id=self.run_id)
        self._thread = threading.Thread(target=self._beat, name=f"lock-{self.name}",
                                        daemon=True)
        self._thread.start()
        return self

    def attach(self, run_id: int) -> None:
        """Name the run this lock is for, once it exists."""
        self.run_id = run_id
        with self.session_factory() as session:
            refresh(session, self.claim, ttl=self.ttl, run_id=run_id)

    def _beat(self) -> None:
        while not self._stop.wait(self.ttl / 3):
            try:
                with self.session_factory() as session:
                    if not refresh(session, self.claim, ttl=self.ttl):
                        self.lost = True
                        log.error("lock %s was taken over by another process", self.name)
                        return
            except Exception:  # a database hiccup: try again at the next beat
                log.exception("could not refresh lock %s", self.name)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with self.session_factory() as session:
            release(session, self.claim)
