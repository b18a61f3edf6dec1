"""The one place where every request is authorised, whatever its format.

Each view declares who may use it with `@access(LEVEL)`; `authorize` runs before every
request (HTML, JSON, CSV, feeds and exports alike) and is the only door. A view that
declares nothing is treated as admin-only, so a forgotten declaration fails closed.

Levels, from open to closed:
  OPEN    sign-in pages, reachable by anyone
  PUBLIC  the UN's public data: anyone when PUBLIC_READ is on (the default), else viewers
  VIEWER  the organisation's working documents (briefs, data quality): signed in
  EDITOR  changes to them: editors and admins, always with two-factor
  ADMIN   the audit log and accounts
"""

from __future__ import annotations

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from tracker import audit
from tracker.accounts import RANK, resume_session
from tracker.db import get_session

OPEN = "open"
PUBLIC = "public"
VIEWER = "viewer"
EDITOR = "editor"
ADMIN = "admin"
LEVELS = (OPEN, PUBLIC, VIEWER, EDITOR, ADMIN)
_NEEDED_RANK = {OPEN: 0, VIEWER: RANK["viewer"], EDITOR: RANK["editor"], ADMIN: RANK["admin"]}
# Formats a browser does not show as a page: they get a status code, not a sign-in page.
MACHINE_SUFFIXES = (".json", ".csv", ".atom", ".pdf", ".docx")

limiter = Limiter(key_func=get_remote_address, default_limits=[])


def access(level: str):
    """Mark a view function with the access level it needs."""
    if level not in LEVELS:
        raise ValueError(f"unknown access level {level!r}")

    def mark(view):
        view.access_level = level
        return view
    return mark


def level_of(endpoint: str | None) -> str:
    view = current_app.view_functions.get(endpoint) if endpoint else None
    return getattr(view, "access_level", ADMIN)


def current_user():
    return g.get("user")


def role() -> str:
    user = current_user()
    return user.role if user is not None else "anonymous"


def may(level: str) -> bool:
    """Whether the current visitor may use views of this level (templates ask it too)."""
    if level == PUBLIC:
        return current_app.config["PUBLIC_READ"] or current_user() is not None
    return RANK[role()] >= _NEEDED_RANK[level]


def may_read_identity() -> bool:
    """Whether the current visitor may read a defender's real name and contact details:
    the setting CASE_IDENTITY_ROLE (admin by default) or above, never below an editor."""
    needed = max(RANK.get(current_app.config["CASE_IDENTITY_ROLE"], RANK["admin"]),
                 RANK["editor"])
    return RANK[role()] >= needed


def _load_user() -> None:
    g.user = None
    g.login_session = None
    token = session.get("sid")
    if not token:
        return
    found = resume_session(get_session(), token,
                           idle_minutes=current_app.config["SESSION_IDLE_MINUTES"])
    if found is None:
        session.pop("sid", None)
        return
    g.user, g.login_session = found


# Answered without reading the visitor's session: /healthz must answer, and say so, when
# the database that holds the sessions does not.
SESSIONLESS = ("static", "health.healthz")


def authorize():
    if request.endpoint in SESSIONLESS:
        return None
    _load_user()
    if request.endpoint is None:  # a 404 or 405 follows; nothing to protect
        return None
    level = level_of(request.endpoint)
    if may(level):
        return None
    if current_user() is not None:
        abort(403, description=_("Your role does not give access to this page."))
    if request.method == "GET" and not request.path.endswith(MACHINE_SUFFIXES):
        return redirect(url_for("account.login", next=request.full_path.rstrip("?")))
    abort(401, description=_("Sign in first."))


def client_ip() -> str:
    return request.remote_addr or ""


def log(action: str, *, target: str = "", detail: str = "", user=None, username: str = ""):
    """Record an audit event about the current request, in the request's transaction."""
    audit.record(get_session(), action, user=user or current_user(), username=username,
                 target=target, detail=detail, ip=client_ip(),
                 user_agent=request.headers.get("User-Agent", ""))


def user_key() -> str:
    """Rate limits for signed-in work count per person, not per address."""
    user = current_user()
    return f"user:{user.id}" if user is not None else f"ip:{client_ip()}"


def init_app(app):
    # The user is known before the limiter counts, so export limits can count per person.
    app.before_request(authorize)
    app.config["RATELIMIT_STORAGE_URI"] = app.config.get("RATE_LIMIT_STORAGE") or "memory://"
    app.config["RATELIMIT_ENABLED"] = app.config.get("RATE_LIMITS_ENABLED", True)
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)

    @app.context_processor
    def _who():
        return {"current_user": current_user(), "may": may}
