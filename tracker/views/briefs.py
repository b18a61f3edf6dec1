"""Geneva meeting briefs: list, create, edit, duplicate, refresh, restore, export."""

from datetime import date

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from sqlmodel import select

from tracker.auth import STAFF, access
from tracker.brief_export import cached_export, figure_rows, to_docx, to_pdf
from tracker.briefs import (
    FIELD_LIMITS,
    SUBJECT_KINDS,
    TEXT_FIELDS,
    BriefError,
    assemble,
    create_brief,
    data_changes,
    duplicate,
    edit_brief,
    restore,
    save_version,
    versions,
)
from tracker.charts import Bar, bar_chart
from tracker.db import get_session
from tracker.models import Brief, Mandate, Region, RegionScheme, Resolution, State
from tracker.search import region_term

bp = Blueprint("briefs", __name__, url_prefix="/briefs")


def _brief_or_404(brief_id: int) -> Brief:
    brief = get_session().get(Brief, brief_id)
    if brief is None:
        abort(404, description="No brief with that number.")
    return brief


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise BriefError(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def subject_options(session):
    return {
        "mandate": [(m.slug, m.full_name) for m in session.exec(
            select(Mandate).order_by(Mandate.full_name))],
        "state": [(s.iso3, s.name) for s in session.exec(select(State).order_by(State.name))],
        "region": [(region_term(slug, name), f"{scheme}: {name}") for slug, scheme, name in
                   session.exec(select(RegionScheme.slug, RegionScheme.name, Region.name)
                                .join(Region).order_by(RegionScheme.id, Region.sort_order))],
        "resolution": [(r.symbol, f"{r.symbol} {r.title[:60]}") for r in session.exec(
            select(Resolution).order_by(Resolution.symbol))],
    }


@bp.get("/")
@access(STAFF)
def index():
    session = get_session()
    briefs = list(session.exec(select(Brief).order_by(Brief.updated_at.desc())))
    return render_template("briefs/index.html", briefs=briefs, kinds=SUBJECT_KINDS,
                           options=subject_options(session), limits=FIELD_LIMITS)


@bp.post("/")
@access(STAFF)
def create():
    session = get_session()
    kind, _, subject = request.form.get("subject", "").partition("|")
    try:
        brief = create_brief(session, title=request.form.get("title", ""), subject_kind=kind,
                             subject=subject, period_start=_date(request.form.get("start")),
                             period_end=_date(request.form.get("end")))
    except BriefError as exc:
        session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("briefs.index"))
    session.commit()
    return redirect(url_for("briefs.show", brief_id=brief.id))


def charts_for(data) -> dict[str, str]:
    charts = {}
    if data.by_year:
        charts["Communications by year"] = str(bar_chart(
            [Bar(str(y), n) for y, n in data.by_year], title="Communications by year",
            label_width=80, width=600))
    for r in data.resolutions[:3]:
        charts[f"Final sponsors of {r.symbol} by region"] = str(bar_chart(
            [Bar(region, sponsors, note=f"of {members}") for region, sponsors, members in r.gaps],
            title=f"Final sponsors of {r.symbol} by region"))
    return charts


def render_brief(brief, *, printable=False, draft=None, data=None):
    """The brief's page; `draft` holds refused form text, so the writer loses nothing."""
    session = get_session()
    data = data or assemble(session, brief)
    history = versions(session, brief.id)
    changes = data_changes(history[0].snapshot, data) if history else []
    return render_template("briefs/show.html", brief=brief, data=data, history=history,
                           changes=changes, charts=charts_for(data), printable=printable,
                           figures=figure_rows(data), kinds=SUBJECT_KINDS,
                           limits=FIELD_LIMITS, draft=draft or {})


@bp.get("/<int:brief_id>")
@access(STAFF)
def show(brief_id):
    return render_brief(_brief_or_404(brief_id))


@bp.post("/<int:brief_id>")
@access(STAFF)
def update(brief_id):
    session = get_session()
    brief = _brief_or_404(brief_id)
    fields = {key: request.form[key] for key in TEXT_FIELDS if key in request.form}
    try:
        edit_brief(session, brief, fields, request.form.get("note", ""))
    except BriefError as exc:
        session.rollback()
        flash(str(exc), "error")
        return render_brief(brief, draft=request.form), 400
    session.commit()
    flash(f"Saved as version {brief.version}.", "info")
    return redirect(url_for("briefs.show", brief_id=brief.id))


@bp.post("/<int:brief_id>/refresh")
@access(STAFF)
def refresh(brief_id):
    session = get_session()
    brief = _brief_or_404(brief_id)
    latest = versions(session, brief.id)[0]
    changes = data_changes(latest.snapshot, assemble(session, brief))
    save_version(session, brief, "refreshed: " + ("; ".join(changes) or "no change in data"))
    session.commit()
    flash(f"Refreshed: {len(changes)} change(s) in the data.", "info")
    return redirect(url_for("briefs.show", brief_id=brief.id))


@bp.post("/<int:brief_id>/duplicate")
@access(STAFF)
def copy(brief_id):
    session = get_session()
    new = duplicate(session, _brief_or_404(brief_id))
    session.commit()
    return redirect(url_for("briefs.show", brief_id=new.id))


@bp.post("/<int:brief_id>/versions/<int:version>/restore")
@access(STAFF)
def restore_version(brief_id, version):
    session = get_session()
    brief = _brief_or_404(brief_id)
    try:
        restore(session, brief, version)
    except BriefError as exc:
        abort(404, description=str(exc))
    session.commit()
    flash(f"Version {version} restored as version {brief.version}.", "info")
    return redirect(url_for("briefs.show", brief_id=brief.id))


def _filename(brief: Brief, ext: str) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in brief.title)[:60].strip("-")
    return f"brief-{brief.id}-{safe or 'untitled'}.{ext}"


def _export(brief: Brief, fmt: str, render) -> bytes:
    data = assemble(get_session(), brief)
    return cached_export(current_app.config["EXPORTS_DIR"], brief=brief, fmt=fmt,
                         lang=str(get_locale() or "en"), data=data,
                         base_url=request.host_url, render=lambda: render(data))


@bp.get("/<int:brief_id>.pdf")
@access(STAFF)
def pdf(brief_id):
    brief = _brief_or_404(brief_id)
    body = _export(brief, "pdf", lambda data: to_pdf(
        render_brief(brief, printable=True, data=data), base_url=request.host_url))
    return Response(body, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{_filename(brief, "pdf")}"'})


def _docx(brief, data) -> bytes:
    links = {r.symbol: url_for("resolutions.show", symbol=r.symbol, _external=True)
             for r in data.resolutions}
    return to_docx(brief, data, charts_for(data), links)


@bp.get("/<int:brief_id>.docx")
@access(STAFF)
def docx(brief_id):
    brief = _brief_or_404(brief_id)
    body = _export(brief, "docx", lambda data: _docx(brief, data))
    return Response(body, mimetype="application/vnd.openxmlformats-officedocument."
                                    "wordprocessingml.document",
                    headers={"Content-Disposition":
                             f'attachment; filename="{_filename(brief, "docx")}"'})


@bp.get("/<int:brief_id>/versions/<int:version>.json")
@access(STAFF)
def version_json(brief_id, version):
    for v in versions(get_session(), brief_id):
        if v.version == version:
            return Response(v.snapshot, mimetype="application/json")
    abort(404, description="No such version.")


