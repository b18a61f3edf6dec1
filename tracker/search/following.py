"""Each node's index follows the change log: at startup and every few seconds it applies
what any node wrote since its position (changes.py), so nodes over one database stay in
step.

An index with no position (a new node's empty folder, an index from before the log), or
behind what the log still holds (pruned while the node was off, or a restored database),
is built from the database instead, then follows.

Processes that share an index folder (gunicorn's workers, a command run on the node)
apply one at a time, under a lock file in the folder: a follower whose turn is taken
skips it, as the holder is doing the work; a command waits for it.

Under gunicorn the work is done by one process of its own, `tracker follow`, started by
the master at a lower CPU priority (tracker.serving): applying a batch is seconds of
CPU that, in a worker's thread, would hold that worker's interpreter lock while it
answers pages. It touches a heartbeat file in the folder each turn; the workers' own
followers stand aside while it is fresh, and take over if it dies.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session
from whoosh import index as windex

from tracker import changelog
from tracker.logs import logfmt
from tracker.search.changes import (
    BATCH,
    WRITER_TIMEOUT,
    Applied,
    IndexBusy,
    catch_up,
    read_position,
    save_facets,
    write_records,
)
from tracker.search.lifecycle import LOCK, current_dir, outdated, rebuild_index
from tracker.search.suggestions import add_vocabulary

log = logging.getLogger("tracker.search")
HEARTBEAT = ".follower"


@contextmanager
def _applying(root: Path, timeout: float | None):
    """Hold the folder's apply lock. With `timeout` None, yield False at once if another
    process holds it; else wait that long for it, then raise IndexBusy."""
    root.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + (timeout or 0)
    with open(root / LOCK, "a") as f:
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if timeout is None:
                    yield False
                    return
                if time.monotonic() >= deadline:
                    raise IndexBusy(f"the search index at {root} is being updated by "
                                    f"another process; waited {timeout:.0f} s. Try again "
                                    "when it finishes.") from None
                time.sleep(0.05)
        try:
            yield True
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def must_rebuild(position: int | None, first: int | None, last: int) -> bool:
    """Whether an index at `position` cannot be brought up to date from a log holding
    `first`..`last`: it has no position, it is ahead (the log was replaced), or changes
    after it were pruned."""
    return (position is None or position > last
            or (first is not None and first > position + 1))


def apply_changes(root: str | Path, bind: Engine, *, wait: float | None = WRITER_TIMEOUT,
                  communication_ids=(), resolution_symbols=(),
                  max_batches: int | None = None) -> Applied | None:
    """Bring the index up to date with the log (or `max_batches` batches nearer, so a
    follower lets a waiting command in between); None if another process is doing it
    and `wait` is None. Given records the log may not name are written too."""
    root = Path(root)
    with _applying(root, wait) as held:
        if not held:
            return None
        generation = current_dir(root)
        position = read_position(generation)
        with Session(bind) as session:
            first, last = changelog.bounds(session)
            if must_rebuild(position, first, last) or outdated(root):
                return Applied(rebuilt=True, written=rebuild_index(root, session))
        applied = catch_up(generation, bind, position=position, timeout=wait or 0,
                           max_batches=max_batches)
        if applied.everything:
            with Session(bind) as session:
                return Applied(rebuilt=True, written=rebuild_index(root, session))
        ids = set(communication_ids) - applied.communication_ids
        symbols = set(resolution_symbols) - applied.resolution_symbols
        if ids or symbols:
            with Session(bind) as session:
                written, deleted, words = write_records(
                    windex.open_dir(str(generation)), session, ids, symbols,
                    timeout=wait or 0)
            add_vocabulary(generation, words)
            save_facets(generation)
            applied.written += written
            applied.deleted += deleted
        return applied


def update_index(root: str | Path, session: Session, *, communication_ids=(),
                 resolution_symbols=(), timeout: float = WRITER_TIMEOUT,
                 since: int | None = None) -> int:
    """Bring this node's index up to date after a commit (a command, an editor's coding
    decision), and write the given records if the log did not name them (after `since`,
    the log's position when the command began, if given); return how many documents
    were written.

    The other nodes apply the same changes from the log; this is so that whoever made
    them finds them at once. A web request passes a short `timeout`: if the index is busy,
    its follower applies the change a moment later.
    """
    if not communication_ids and not resolution_symbols:
        return 0  # nothing of this command's: an index it does not touch stays as it is
    if since is not None:
        # Applied with the log (perhaps already, as an import goes): written once, not
        # again at the end, which for 50,000 letters was minutes.
        named_ids, named_symbols = changelog.named_since(session, since)
        communication_ids = set(communication_ids) - named_ids
        resolution_symbols = set(resolution_symbols) - named_symbols
    applied = apply_changes(root, session.get_bind(), wait=timeout,
                            communication_ids=communication_ids,
                            resolution_symbols=resolution_symbols)
    return applied.written + applied.deleted


def lag(root: str | Path, session: Session, now: datetime | None = None) -> dict:
    """How far this node's index is behind the log: positions, and seconds since the
    oldest change it lacks was committed."""
    position = read_position(current_dir(Path(root)))
    first, last = changelog.bounds(session)
    behind_since = changelog.oldest_after(session, position or 0)
    now = now or datetime.now(UTC)
    return {"position": position, "log_position": last,
            "positions_behind": last - (position or 0),
            "rebuild_needed": must_rebuild(position, first, last),
            "seconds": round((now - behind_since).total_seconds()) if behind_since else 0,
            "behind_since": behind_since.isoformat(timespec="seconds") if behind_since
            else None}


# --- the follower: a thread in each web process ------------------------------------------


class Follower(threading.Thread):
    """Apply the log to one index folder every `interval` seconds, and prune the log of
    changes older than `keep` once an hour.

    A `dedicated` follower (`tracker follow`) touches the folder's heartbeat each turn;
    the others skip their turn while a heartbeat is fresh."""

    PRUNE_EVERY = 3600.0
    SHARE = 4.0
    # Batches a turn applies at most, and the pause after a full turn: a command waiting
    # for the index (it looks every 50 ms) gets it in between. On a busy server a batch
    # at a low priority can take minutes.
    TURN_BATCHES = 1
    YIELD = 0.25

    def __init__(self, root: Path, bind: Engine, interval: float, keep: timedelta, *,
                 dedicated: bool = False):
        super().__init__(name="search-follower", daemon=True)
        self.root, self.bind, self.interval, self.keep = root, bind, interval, keep
        self.dedicated = dedicated
        self.stopped = threading.Event()
        self.pruned_at = 0.0

    def run(self) -> None:
        while True:
            started = time.monotonic()
            applied = self.step()
            if self.stopped.wait(self.pause(applied, time.monotonic() - started)):
                return

    def pause(self, applied: Applied | None, took: float) -> float:
        """Seconds until the next turn. Every `interval` from the start of the last turn:
        an apply's own time is not added to the lag. But each apply that changed something
        saves the facet table (0.6 s of this web process's CPU at 50,000 documents), so
        while a trickle of writes keeps coming (an import), a turn comes after SHARE
        times the last one's time at the soonest: the follower takes at most 1/SHARE of
        the process and applies more at a time. A backlog (a batch or more) is applied
        at the usual pace, so the index does not fall further behind."""
        period = self.interval
        if applied is not None and applied.changes >= self.TURN_BATCHES * BATCH:
            return self.YIELD  # a backlog: go on after letting a waiting command in
        if applied is not None and 0 < applied.changes < BATCH:
            period = max(period, self.SHARE * took)
        return max(0.05, period - took)

    def step(self) -> Applied | None:
        started = time.perf_counter()
        if self.dedicated:
            beat(self.root)
        elif beating(self.root, self.interval):
            return None  # `tracker follow` does this node's work
        try:
            applied = apply_changes(self.root, self.bind, wait=None,
                                    max_batches=self.TURN_BATCHES)
            if time.monotonic() - self.pruned_at > self.PRUNE_EVERY:
                with Session(self.bind) as session:
                    changelog.prune(session, keep=self.keep)
                self.pruned_at = time.monotonic()
        except IndexBusy:
            return None  # a rebuild or a command holds the writer: next turn
        except Exception:  # the thread must outlive a database that is down for a while
            log.exception("search index: applying the change log failed")
            return None
        finally:
            if self.dedicated:  # before a long apply's end goes stale
                beat(self.root)
        if applied and (applied.changes or applied.rebuilt):
            log.info(logfmt(event="index-follow", changes=applied.changes,
                            written=applied.written, deleted=applied.deleted,
                            rebuilt=applied.rebuilt, position=applied.position,
                            ms=f"{(time.perf_counter() - started) * 1000:.1f}"))
        return applied


def beat(root: Path) -> None:
    """Say that a dedicated follower is at work on this folder."""
    root.mkdir(parents=True, exist_ok=True)
    (root / HEARTBEAT).touch()


def beating(root: Path, interval: float) -> bool:
    """Whether a dedicated follower touched the heartbeat lately (a long apply holds the
    lock meanwhile, so the others skip their turns anyway)."""
    try:
        age = time.time() - (root / HEARTBEAT).stat().st_mtime
    except OSError:
        return False
    return age < max(10.0, 5 * interval)


_FOLLOWERS: dict[tuple[int, str], Follower] = {}
_FOLLOWERS_LOCK = threading.Lock()


def make_follower(app, *, dedicated: bool = False) -> Follower | None:
    """A follower of the app's index, not started; None when SEARCH_FOLLOW_SECONDS is 0."""
    interval = float(app.config.get("SEARCH_FOLLOW_SECONDS") or 0)
    if interval <= 0:
        return None
    from tracker.db import get_engine

    with app.app_context():
        bind = get_engine()
    keep = timedelta(days=float(app.config.get("SEARCH_CHANGES_KEEP_DAYS") or 30))
    return Follower(Path(app.config["SEARCH_INDEX_DIR"]), bind, interval, keep,
                    dedicated=dedicated)


def start_following(app) -> Follower | None:
    """Start this process's follower of the app's index, once (a forked worker starts
    its own); None when SEARCH_FOLLOW_SECONDS is 0."""
    key = (os.getpid(), str(app.config["SEARCH_INDEX_DIR"]))
    with _FOLLOWERS_LOCK:
        follower = _FOLLOWERS.get(key)
        if follower is None or not follower.is_alive():
            follower = make_follower(app)
            if follower is None:
                return None
            _FOLLOWERS[key] = follower
            follower.start()
        return follower


def init_app(app) -> None:
    """Follow the log from the first request a process serves (gunicorn's workers start
    earlier: tracker.serving); commands never do, nor tests (they call start_following)."""
    if app.testing:
        return

    @app.before_request
    def _follow():
        start_following(app)
