import re
import secrets
from pathlib import Path

import pytest
from sqlalchemy import text

from tracker import ConfigError, create_app
from tracker.config import DEV_SECRET_KEY, SETTINGS
from tracker.db import get_engine

README = Path(__file__).resolve().parents[1] / "README.md"
STRONG = secrets.token_hex(32)


def test_settings_every_one_documented_in_readme():
    readme = README.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.M))
    assert documented == {s.name for s in SETTINGS}
    assert all(s.help for s in SETTINGS)


def test_config_default_secret_refused_outside_testing(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("TRACKER_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app()
    monkeypatch.setenv("TRACKER_DEBUG", "true")  # debug no longer accepts the public key
    with pytest.raises(ConfigError, match="SECRET_KEY is the public development value"):
        create_app()
    assert create_app({"SECRET_KEY": STRONG}).config["SECRET_KEY"] == STRONG


@pytest.mark.parametrize("key", [
    "", None, "t", "x" * 32, "0123456789abcdef" * 4, secrets.token_hex(31),
    "changeme-please-a-long-secret-for-the-tracker", DEV_SECRET_KEY, b"\x00" * 32,
])
def test_config_weak_secret_refused_with_a_one_line_remedy(tmp_path, monkeypatch, key):
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(ConfigError) as err:
        create_app({"SECRET_KEY": key})
    message = str(err.value)
    assert message.startswith("SECRET_KEY ") and "token_hex(32)" in message
    assert "\n" not in message


@pytest.mark.parametrize("key", [secrets.token_hex(32), secrets.token_urlsafe(32),
                                 secrets.token_bytes(32)])
def test_config_random_secret_accepted(tmp_path, monkeypatch, key):
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(tmp_path))
    assert create_app({"SECRET_KEY": key}).secret_key == key


def test_config_layers_instance_then_env_then_test_mapping(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(tmp_path))
    (tmp_path / "config.py").write_text(f"PAGE_SIZE = 10\nSECRET_KEY = {STRONG!r}\n")
    assert create_app().config["PAGE_SIZE"] == 10
    monkeypatch.setenv("TRACKER_PAGE_SIZE", "20")
    app = create_app()
    assert app.config["PAGE_SIZE"] == 20
    assert app.config["SECRET_KEY"] == STRONG
    assert create_app({"PAGE_SIZE": 30}).config["PAGE_SIZE"] == 30


def test_config_paths_default_under_instance(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("TRACKER_DATABASE_URL", raising=False)
    app = create_app({"TESTING": True})
    assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'tracker.sqlite'}"
    assert app.config["SEARCH_INDEX_DIR"] == str(tmp_path / "index")
    assert app.config["CACHE_DIR"] == str(tmp_path / "cache")
    monkeypatch.setenv("TRACKER_SEARCH_INDEX_DIR", str(tmp_path / "elsewhere"))
    assert create_app({"TESTING": True}).config["SEARCH_INDEX_DIR"] == str(tmp_path / "elsewhere")


def test_db_sqlite_runs_wal_with_foreign_keys(app):
    if not app.config["DATABASE_URL"].startswith("sqlite"):
        pytest.skip("SQLite pragmas")
    with app.app_context(), get_engine().connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_every_dependency_is_pinned_with_hashes_in_the_lock_file():
    """`make install` installs only from requirements.lock: a dependency added to
    pyproject.toml without `make lock` would be missing there, not silently unpinned."""
    import tomllib

    root = README.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    names = {re.split(r"[<>=!\[ ;]", d, maxsplit=1)[0].lower().replace("_", "-")
             for d in wanted}
    lock = (root / "requirements.lock").read_text(encoding="utf-8")
    pinned = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\\n\s+--hash=sha256:", lock,
                             flags=re.M | re.I))
    pinned = {k.lower().replace("_", "-"): v for k, v in pinned.items()}
    assert names - set(pinned) == set()
    assert len(pinned) == lock.count("==")  # every pin carries a hash
