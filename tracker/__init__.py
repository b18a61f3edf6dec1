"""Geneva Tracker: UN Special Procedures communications and resolution sponsorship."""

import os
from pathlib import Path

from flask import Flask

from tracker.config import DEFAULTS

ROOT = Path(__file__).resolve().parent.parent


class ConfigError(RuntimeError):
    """The configuration cannot run safely; the message says which setting to fix."""


def instance_path() -> str:
    """The instance folder: TRACKER_INSTANCE_PATH, else instance/ in the checkout."""
    return os.environ.get("TRACKER_INSTANCE_PATH", str(ROOT / "instance"))


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: defaults, then instance/config.py, then TRACKER_* env, then test_config."""
    app = Flask(
        __name__,
        instance_path=instance_path(),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
    )
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("TRACKER")
    if test_config:
        app.config.from_mapping(test_config)
    _resolve_paths(app)

    from flask_wtf.csrf import CSRFProtect

    from tracker import auth, cli, db, i18n, limits, logs, security, snapshot, views
    from tracker.search import following

    security.init_app(app)  # first: checks the secret key, and its request hook runs first
    logs.init_app(app)
    db.init_app(app)
    auth.init_app(app)
    limits.init_app(app)
    CSRFProtect(app)  # every form that changes something carries a token
    i18n.init_app(app)
    snapshot.init_app(app)
    views.init_app(app)
    cli.init_app(app)
    following.init_app(app)
    return app


def _resolve_paths(app: Flask) -> None:
    """Put every path under the instance folder unless a setting says otherwise."""
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    cfg = app.config
    if not cfg.get("DATABASE_URL"):
        cfg["DATABASE_URL"] = f"sqlite:///{instance / 'tracker.sqlite'}"
    cfg["SEARCH_INDEX_DIR"] = str(cfg.get("SEARCH_INDEX_DIR") or instance / "index")
    cfg["CACHE_DIR"] = str(cfg.get("CACHE_DIR") or instance / "cache")
    cfg["EXPORTS_DIR"] = str(cfg.get("EXPORTS_DIR") or instance / "exports")
    if not cfg.get("SAMPLES_DIR"):
        candidate = ROOT.parent / "shared" / "samples"
        cfg["SAMPLES_DIR"] = str(candidate) if candidate.is_dir() else None
