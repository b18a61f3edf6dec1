"""One structured line per request and per scrape step, with its duration, as key=value
pairs (logfmt) that grep, journald and log shippers read alike.

A request's line names its method, path (never its query string, which holds what was
searched), status, milliseconds and the account's id or `anon`; nothing else about the
visitor.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager

from flask import Flask, g, request

requests_log = logging.getLogger("tracker.requests")
steps_log = logging.getLogger("tracker.steps")


def logfmt(**fields) -> str:
    """key=value pairs; a value with a space, quote, '=' or control character is quoted
    as JSON, so a path cannot forge a second line or field."""
    parts = []
    for key, value in fields.items():
        text = "" if value is None else str(value)
        if not text or any(c in text for c in ' "=\\') or not text.isprintable():
            text = json.dumps(text)
        parts.append(f"{key}={text}")
    return " ".join(parts)


def _started() -> None:
    g.request_started = time.perf_counter()


def _log_request(response):
    started = g.pop("request_started", None)
    user = g.get("user")
    requests_log.info(logfmt(
        event="request", method=request.method, path=request.path,
        status=response.status_code,
        ms=f"{(time.perf_counter() - started) * 1000:.1f}" if started else None,
        user=user.id if user is not None else "anon"))
    return response


def log_step(kind: str, name: str, ms: float, **fields) -> None:
    steps_log.info(logfmt(event="step", kind=kind, step=name, ms=f"{ms:.1f}", **fields))


@contextmanager
def step(kind: str, name: str, counts: Callable[[], dict] | None = None, **fields):
    """Log one step of a scrape or import when it ends: how long it took, how it ended,
    the given fields, and what `counts` returns then (say, rows saved)."""
    started = time.perf_counter()
    outcome = "ok"
    try:
        yield
    except BaseException as exc:
        outcome, fields["error"] = "failed", type(exc).__name__
        raise
    finally:
        log_step(kind, name, (time.perf_counter() - started) * 1000, outcome=outcome,
                 **fields, **(counts() if counts else {}))


class Lap:
    """Milliseconds since the previous call, for steps a callback marks (a page read)."""

    def __init__(self):
        self.last = time.perf_counter()

    def __call__(self) -> float:
        now = time.perf_counter()
        elapsed, self.last = now - self.last, now
        return elapsed * 1000


def configure(app: Flask) -> None:
    """Send the tracker's INFO lines to stderr, where gunicorn, systemd and cron collect
    them; once per process, and not under tests (pytest captures them itself)."""
    logger = logging.getLogger("tracker")
    if app.testing or logger.handlers:
        return
    formatter = logging.Formatter(
        "ts=%(asctime)s level=%(levelname)s logger=%(name)s %(message)s",
        datefmt="%Y-%m-%dT%H:%M:%SZ")
    formatter.converter = time.gmtime  # one value without a space, in UTC like the data
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def init_app(app: Flask) -> None:
    configure(app)
    # First of the request hooks, so that the time covers the others (host check, sign-in).
    app.before_request_funcs.setdefault(None, []).insert(0, _started)
    app.after_request(_log_request)
