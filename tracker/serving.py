"""gunicorn's settings for the tracker: `gunicorn -c python:tracker.serving wsgi:app`, as
`make serve` runs it. Flags on the command line override them (--bind, --workers).

Several worker processes answer at once, so the database must be PostgreSQL: SQLite
serves one worker only (set WEB_CONCURRENCY=1), and gunicorn refuses to start otherwise.
"""

import gc
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

# gunicorn reads these module-level names as its settings.
bind = os.environ.get("TRACKER_BIND", "127.0.0.1:8000")
# gunicorn's own rule of thumb: two per core, plus one to answer while the others wait.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
timeout = 120  # a brief's PDF of the largest size the limits allow takes tens of seconds
graceful_timeout = 30
max_requests, max_requests_jitter = 2000, 200  # a worker is renewed now and then
accesslog = None  # tracker.logs writes one line per request, with the account and timing
errorlog = "-"


def serving_problem(database_url: str, workers: int) -> str | None:
    """Why these settings cannot serve, or None."""
    if database_url.startswith("sqlite") and workers > 1:
        return (f"{workers} gunicorn workers cannot share a SQLite database: set "
                "TRACKER_DATABASE_URL=postgresql+psycopg://USER@HOST/DB (see the README's "
                "deployment section), or WEB_CONCURRENCY=1 to serve one worker on SQLite.")
    return None


def on_starting(server):
    """Check the configuration once, in gunicorn's master, before any worker starts: a
    RuntimeError here is printed as one line and gunicorn exits."""
    global _app
    from tracker import ConfigError, create_app

    app = _app = create_app()
    problem = serving_problem(app.config["DATABASE_URL"], server.cfg.workers)
    if problem:
        raise ConfigError(problem)


# The node's follower of the search change log runs at this niceness: the web workers
# come first when the CPU is short (an import), and the index catches up after.
FOLLOWER_NICE = 10
_follower: subprocess.Popen | None = None
_app = None  # the app on_starting made to check the settings


def when_ready(server):
    """Start `tracker follow`, the node's own process that applies the search change
    log to its index (tracker.search.following), before the workers start. Their own
    followers stand aside while it beats, and take over if it stops."""
    global _follower
    from tracker.search.following import beat

    app = _app  # on_starting's: its settings, not a second app made
    if float(app.config.get("SEARCH_FOLLOW_SECONDS") or 0) <= 0:
        return
    command = [sys.executable, "-m", "tracker", "follow"]
    try:
        _follower = subprocess.Popen(command, preexec_fn=lambda: os.nice(FOLLOWER_NICE))
    except OSError as exc:  # the workers follow by themselves
        server.log.warning("search index follower not started (%s): the workers follow "
                           "the change log themselves", exc)
        return
    beat(Path(app.config["SEARCH_INDEX_DIR"]))  # before the workers first look
    server.log.info("search index follower started: pid %s, nice %s", _follower.pid,
                    FOLLOWER_NICE)


def on_exit(server):
    if _follower is not None and _follower.poll() is None:
        _follower.terminate()
        try:
            _follower.wait(timeout=graceful_timeout)
        except subprocess.TimeoutExpired:
            _follower.kill()


def post_worker_init(worker):
    """Start the worker's follower of the search change log now, not at its first
    request, so that a node's index catches up while no one is asking, if `tracker
    follow` does not (see tracker.search.following).

    Then set aside from the garbage collector what the worker holds for its whole life
    (modules, SQLAlchemy's mappings, templates: some 200,000 objects). A page that
    builds thousands of rows (a State's letters) sets off a full collection every few
    requests, and each went over all of them: 200 ms on two shared cores, on whichever
    request set it off. Frozen, they are skipped: a full pass looks only at what the
    requests made."""
    from tracker.search.following import start_following

    start_following(worker.wsgi)
    gc.freeze()
