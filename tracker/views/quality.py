"""The data-quality page for staff: what imports could not use, and the matches to confirm."""

from flask import Blueprint, flash, redirect, render_template, request, url_for

from tracker.auth import EDITOR, VIEWER, access, current_user, log
from tracker.db import get_session
from tracker.quality import DecisionError, build_report, decide
from tracker.vocabulary import label

bp = Blueprint("quality", __name__, url_prefix="/quality")


@bp.app_template_filter("where")
def where(location: str) -> str:
    """Show "…/un-draft-resolutions-neth.csv, line 28" as the file name and line only:
    the server's folders are nobody's business and make the page too wide for a phone."""
    path, sep, rest = (location or "").partition(", ")
    return path.rsplit("/", 1)[-1] + sep + rest


@bp.get("/")
@access(VIEWER)
def index():
    return render_template("quality/index.html", report=build_report(get_session()))


@bp.post("/decide")
@access(EDITOR)
def decide_name():
    session = get_session()
    try:
        d = decide(session, request.form.get("name", ""), request.form.get("status", ""),
                   by=current_user().username)
        log("name-decided", target=d.name, detail=f"{d.iso3}: {d.status}")
        session.commit()
        flash(f"{d.name} \u2192 {d.iso3}: {label(d.status, 'decision')}", "ok")
    except DecisionError as exc:
        session.rollback()
        flash(str(exc), "error")
    return redirect(url_for("quality.index") + "#pending")
