"""gunicorn serves the app as `make serve` starts it (tracker/serving.py)."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlmodel import Session

from tracker.db import get_engine
from tracker.search import rebuild_index
from tracker.serving import serving_problem

from .conftest import TEST_CASE_KEY

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _gunicorn(url: str, instance: Path, workers: int, port: int) -> subprocess.Popen:
    env = {**os.environ, "TRACKER_DATABASE_URL": url, "TRACKER_INSTANCE_PATH": str(instance),
           "TRACKER_SECRET_KEY": secrets.token_hex(32), "TRACKER_CASE_KEY": TEST_CASE_KEY,
           "WEB_CONCURRENCY": str(workers)}
    env.pop("TRACKER_TESTING", None)
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:tracker.serving",
         "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _get(url: str, deadline: float):
    """GET url once gunicorn listens (it is starting: wait until `deadline`)."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local
                return response.status, json.load(response)
        except urllib.error.HTTPError as exc:
            return exc.code, json.load(exc)
        except (ConnectionError, urllib.error.URLError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serving_refuses_several_workers_on_sqlite():
    assert "cannot share a SQLite database" in serving_problem("sqlite:///x.sqlite", 3)
    assert serving_problem("sqlite:///x.sqlite", 1) is None
    assert serving_problem("postgresql+psycopg://u@h/db", 9) is None


def test_a_worker_sets_what_it_loaded_aside_from_the_garbage_collector(monkeypatch):
    import gc
    from types import SimpleNamespace

    from tracker import serving
    from tracker.search import following

    started = []
    monkeypatch.setattr(following, "start_following", started.append)
    try:
        serving.post_worker_init(SimpleNamespace(wsgi="the app"))
        assert started == ["the app"] and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


@pytest.mark.slow
def test_gunicorn_serves_healthz(app, server_database_url, tmp_path):
    """Several workers on PostgreSQL; one on SQLite, the most it allows."""
    with app.app_context(), Session(get_engine()) as session:
        rebuild_index(app.config["SEARCH_INDEX_DIR"], session)
    url = app.config["DATABASE_URL"]
    port = _free_port()
    server = _gunicorn(url, Path(app.instance_path), 2 if server_database_url else 1, port)
    try:
        status, body = _get(f"http://127.0.0.1:{port}/healthz", time.monotonic() + 60)
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=60)
    assert (status, body["status"]) == (200, "ok"), (body, err[-2000:])
    assert body["database"]["ok"] and body["index"]["ok"]
    assert "event=request method=GET path=/healthz status=200" in err
    workers = 2 if server_database_url else 1
    assert err.count("Booting worker") == workers


@pytest.mark.slow
def test_gunicorn_refuses_several_workers_on_sqlite(tmp_path):
    server = _gunicorn(f"sqlite:///{tmp_path / 'tracker.sqlite'}", tmp_path / "instance", 2,
                       _free_port())
    _out, err = server.communicate(timeout=60)
    assert server.returncode != 0
    assert "2 gunicorn workers cannot share a SQLite database" in err
    assert "Traceback" not in err
