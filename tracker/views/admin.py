"""For administrators: the audit log (HTML, JSON, CSV) and the list of accounts."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import gettext as _
from sqlmodel import select

from tracker import audit
from tracker.accounts import recovery_codes_left
from tracker.auth import ADMIN, access, log
from tracker.db import get_session
from tracker.models import User
from tracker.views.output import respond, routes

bp = Blueprint("admin", __name__, url_prefix="/admin")
EXPORT_ROWS = 100_000  # a year of a busy organisation; more is a database job


def _day(name: str) -> date | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        abort(400, description=_("%(field)s=%(value)s is not a date (use YYYY-MM-DD).",
                                 field=name, value=repr(value[:20])))


def _page() -> int:
    value = request.args.get("page", "1")
    if not value.isdigit() or not 1 <= int(value) <= 100_000:
        abort(400, description=_("page must be a whole number from 1."))
    return int(value)


@routes(bp, "/audit")
@access(ADMIN)
def audit_log(fmt):
    db = get_session()
    flt = audit.AuditFilter(username=request.args.get("user", "")[:64],
                            action=request.args.get("action", "")[:40],
                            ip=request.args.get("ip", "")[:64],
                            since=_day("since"), until=_day("until"))
    size = current_app.config["PAGE_SIZE"]
    page = _page()
    total = audit.count(db, flt)
    if fmt == "html":
        rows = audit.events(db, flt, limit=size, offset=(page - 1) * size)
    else:
        rows = audit.events(db, flt, limit=EXPORT_ROWS)
    # Reading the log is itself logged: who looked at whose traces is worth knowing.
    log("audit-export" if fmt != "html" else "audit-view",
        detail=" ".join(f"{k}={v}" for k, v in request.args.items() if k != "page")[:200])
    db.commit()
    return respond(fmt, rows=audit.as_rows(rows), columns=audit.COLUMNS, filename="audit-log",
                   meta={"total": total},
                   html=lambda: render_template(
                       "admin/audit.html", events=rows, total=total, page=page,
                       pages=max(1, -(-total // size)), actions=audit.ACTIONS, flt=flt))


@bp.get("/users")
@access(ADMIN)
def users():
    rows = get_session().exec(select(User).order_by(User.username)).all()
    return render_template("admin/users.html", users=rows, codes_left=recovery_codes_left)


@bp.get("/runs")
@access(ADMIN)
def runs():
    """Scrapes and imports, newest first: a `scrape all` run with each step, what it added
    and what failed."""
    from tracker.runs import recent_runs

    return render_template("admin/runs.html", runs=recent_runs(get_session()))
