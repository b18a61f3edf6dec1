"""Geneva meeting briefs: list, create, edit, duplicate, refresh, restore, export."""

from dataclasses import asdict
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
from flask_babel import gettext as _
from sqlmodel import select

from tracker.auth import EDITOR, VIEWER, access, current_user, limiter, log, user_key
from tracker.brief_cases import CaseFigures, case_figures
from tracker.brief_export import (
    cached_export,
    case_rows,
    cases_note,
    fetched_line,
    figure_rows,
    internal_label,
    resolutions_note,
    status_label,
    subject_line,
    to_docx,
    to_pdf,
)
from tracker.briefs import (
    AUDIENCES,
    FIELD_LIMITS,
    TEXT_FIELDS,
    BriefError,
    assemble,
    create_brief,
    data_changes,
    delete,
    deleted_briefs,
    deleted_ids,
    deletion,
    duplicate,
    edit_brief,
    is_internal,
    restore,
    save_version,
    set_audience,
    subject_label,
    undelete,
    versions,
)
from tracker.charts import Bar, bar_chart
from tracker.db import get_session
from tracker.models import Brief, Mandate, Region, RegionScheme, Resolution, State, User
from tracker.search import region_term
from tracker.security import site_root
from tracker.views.output import attachment
from tracker.views.sorting import Sorting, text_key
from tracker.vocabulary import label

bp = Blueprint("briefs", __name__, url_prefix="/briefs")


def _brief_or_404(brief_id: int) -> Brief:
    brief = get_session().get(Brief, brief_id)
    if brief is None:
        abort(404, description=_("No brief with that number."))
    return brief


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise BriefError(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def subject_names(session, briefs) -> dict[int, str]:
    """Each brief's subject as people say it (the mandate's name, not its slug)."""
    names = {}
    for b in briefs:
        try:
            names[b.id] = subject_label(session, b.subject_kind, b.subject)
        except BriefError:
            names[b.id] = b.subject  # a subject gone from the data still shows its code
    return names


def kind_names() -> dict[str, str]:
    return {"mandate": _("A mandate"), "state": _("A State"), "region": _("A region"),
            "resolution": _("A resolution")}


def subject_options(session):
    return {
        "mandate": [(m.slug, label(m.full_name, "mandate")) for m in session.exec(
            select(Mandate).order_by(Mandate.full_name))],
        "state": [(s.iso3, s.name) for s in session.exec(select(State).order_by(State.name))],
        "region": [(region_term(slug, name), f"{label(scheme, 'scheme')}: {label(name, 'region')}")
                   for slug, scheme, name in
                   session.exec(select(RegionScheme.slug, RegionScheme.name, Region.name)
                                .join(Region).order_by(RegionScheme.id, Region.sort_order))],
        "resolution": [(r.symbol, f"{r.symbol} {r.title[:60]}") for r in session.exec(
            select(Resolution).order_by(Resolution.symbol))],
    }


BRIEFS = Sorting({"title": lambda r: text_key(r["title"]),
                  "subject": lambda r: text_key(r["subject"]),
                  "author": lambda r: r["author"], "version": lambda r: r["version"],
                  "updated": lambda r: r["updated"]}, default="-updated", anchor="briefs")


@bp.get("/")
@access(VIEWER)
def index():
    session = get_session()
    binned = deleted_ids(session)
    briefs = [b for b in session.exec(select(Brief).order_by(Brief.updated_at.desc()))
              if b.id not in binned]
    authors = dict(session.exec(select(User.id, User.username)).all())
    subjects = subject_names(session, briefs)
    order = BRIEFS.read()
    rows = order.apply({"brief": b, "title": b.title, "subject": subjects[b.id],
                        "author": authors.get(b.author_id), "version": b.version,
                        "updated": b.updated_at} for b in briefs)
    return render_template("briefs/index.html", rows=rows, kinds=kind_names(),
                           authors=authors, subjects=subjects, order=order,
                           deleted=len(binned),
                           options=subject_options(session), limits=FIELD_LIMITS)


@bp.get("/deleted")
@access(EDITOR)
def deleted():
    session = get_session()
    rows = deleted_briefs(session)
    return render_template("briefs/deleted.html", rows=rows, kinds=kind_names(),
                           subjects=subject_names(session, [b for b, _d in rows]))


@bp.post("/")
@access(EDITOR)
def create():
    session = get_session()
    kind, _, subject = request.form.get("subject", "").partition("|")
    try:
        brief = create_brief(session, title=request.form.get("title", ""), subject_kind=kind,
                             subject=subject, period_start=_date(request.form.get("start")),
                             period_end=_date(request.form.get("end")),
                             author=current_user())
    except BriefError as exc:
        session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("briefs.index"))
    log("brief-created", target=f"brief {brief.id}")
    session.commit()
    return redirect(url_for("briefs.show", brief_id=brief.id))


def charts_for(data) -> dict[str, str]:
    charts = {}
    if data.by_year:
        title = _("Communications by year")
        charts[title] = str(bar_chart([Bar(str(y), n) for y, n in data.by_year], title=title,
                                      label_width=80, width=600))
    for r in data.resolutions[:3]:
        title = _("Final sponsors of %(symbol)s by regional group", symbol=r.symbol)
        charts[title] = str(bar_chart(
            [Bar(region, sponsors, note=_("of %(n)d", n=members))
             for region, sponsors, members in r.gaps], title=title))
    return charts


def brief_list_url(brief):
    """The search list behind a number of the brief: its subject and period, narrowed."""
    subject = ({brief.subject_kind: brief.subject}
               if brief.subject_kind in ("mandate", "state", "region") else {})
    start, end = brief.period_start, brief.period_end
    period = (f"date:[{start.isoformat() if start else ''} to "
              f"{end.isoformat() if end else ''}]") if start or end else None

    def list_url(**narrow) -> str:
        return url_for("search.index", _external=True, **{**subject, **narrow}, q=period)
    return list_url


def brief_cases(brief) -> tuple[bool, CaseFigures | None]:
    """Whether the brief is internal, and its case figures if so (a public brief never
    computes them, so no output of it can hold them)."""
    session = get_session()
    if not is_internal(session, brief.id):
        return False, None
    return True, case_figures(session, brief, below=current_app.config["CASE_SUPPRESS_BELOW"],
                              deadline=current_app.config["REPLY_DEADLINE_DAYS"])


def render_brief(brief, *, printable=False, draft=None, data=None, cases=None):
    """The brief's page; `draft` holds refused form text, so the writer loses nothing."""
    session = get_session()
    data = data or assemble(session, brief)
    internal, figures = cases if cases is not None else brief_cases(brief)
    history = versions(session, brief.id)
    changes = data_changes(history[0].snapshot, data) if history else []
    return render_template("briefs/show.html", brief=brief, data=data, history=history,
                           changes=changes, charts=charts_for(data), printable=printable,
                           figures=figure_rows(data), kinds=kind_names(),
                           fetched=fetched_line(data), subject=subject_line(brief, data),
                           status_label=status_label, deleted=deletion(session, brief.id),
                           resolutions_note=resolutions_note(data),
                           state_url=state_resolutions_url(brief),
                           limits=FIELD_LIMITS, draft=draft or {},
                           list_url=brief_list_url(brief), internal=internal,
                           internal_label=internal_label(), audiences=AUDIENCES,
                           case_rows=case_rows(figures) if figures else [],
                           cases_note=cases_note(figures) if internal else "")


@bp.get("/<int:brief_id>")
@access(VIEWER)
def show(brief_id):
    brief = _brief_or_404(brief_id)
    log("brief-view", target=f"brief {brief.id} v{brief.version}")
    get_session().commit()
    return render_brief(brief)


@bp.post("/<int:brief_id>")
@access(EDITOR)
def update(brief_id):
    session = get_session()
    brief = _brief_or_404(brief_id)
    if _binned(brief):
        return redirect(url_for("briefs.show", brief_id=brief.id))
    fields = {key: request.form[key] for key in TEXT_FIELDS if key in request.form}
    try:
        edit_brief(session, brief, fields, request.form.get("note", ""),
                   current_user().username)
    except BriefError as exc:
        session.rollback()
        flash(str(exc), "error")
        return render_brief(brief, draft=request.form), 400
    log("brief-edited", target=f"brief {brief.id} v{brief.version}")
    session.commit()
    flash(_("Saved as version %(n)d.", n=brief.version), "info")
    return redirect(url_for("briefs.show", brief_id=brief.id))


@bp.post("/<int:brief_id>/refresh")
@access(EDITOR)
def refresh(brief_id):
    session = get_session()
    brief = _brief_or_404(brief_id)
    if _binned(brief):
        return redirect(url_for("briefs.show", brief_id=brief.id))
    latest = versions(session, brief.id)[0]
    changes = data_changes(latest.snapshot, assemble(session, brief))
    save_version(session, brief, "refreshed: " + ("; ".join(changes) or "no change in data"),
                 current_user().username)
    log("brief-refreshed", target=f"brief {brief.id} v{brief.version}")
    session.commit()
    flash(_("Refreshed: %(n)d change(s) in the data.", n=len(changes)), "info")
    return redirect(url_for("briefs.show", brief_id=brief.id))


@bp.post("/<int:brief_id>/duplicate")
@access(EDITOR)
def copy(brief_id):
    session = get_session()
    new = duplicate(session, _brief_or_404(brief_id), current_user())
    log("brief-duplicated", target=f"brief {new.id}", detail=f"from brief {brief_id}")
    session.commit()
    return redirect(url_for("briefs.show", brief_id=new.id))


@bp.post("/<int:brief_id>/versions/<int:version>/restore")
@access(EDITOR)
def restore_version(brief_id, version):
    session = get_session()
    brief = _brief_or_404(brief_id)
    try:
        restore(session, brief, version, current_user().username)
    except BriefError as exc:
        abort(404, description=str(exc))
    log("brief-restored", target=f"brief {brief.id} v{brief.version}",
        detail=f"from v{version}")
    session.commit()
    flash(_("Version %(old)d restored as version %(new)d.", old=version, new=brief.version),
          "info")
    return redirect(url_for("briefs.show", brief_id=brief.id))


@bp.post("/<int:brief_id>/audience")
@access(EDITOR)
def audience(brief_id):
    session = get_session()
    brief = _brief_or_404(brief_id)
    if _binned(brief):
        return redirect(url_for("briefs.show", brief_id=brief.id))
    chosen = request.form.get("audience", "")
    if chosen not in AUDIENCES:
        abort(400, description=_("Choose public or internal."))
    if set_audience(session, brief, chosen, current_user().username):
        log("brief-audience", target=f"brief {brief.id} v{brief.version}", detail=chosen)
        session.commit()
    return redirect(url_for("briefs.show", brief_id=brief.id))


def _binned(brief: Brief) -> bool:
    """A deleted brief is read-only until restored; say so rather than save into the bin."""
    if deletion(get_session(), brief.id) is None:
        return False
    flash(_("This brief is deleted: restore it before changing it."), "error")
    return True


@bp.post("/<int:brief_id>/delete")
@access(EDITOR)
def remove(brief_id):
    session = get_session()
    brief = _brief_or_404(brief_id)
    if deletion(session, brief.id) is None:
        delete(session, brief, current_user().username)
        log("brief-deleted", target=f"brief {brief.id} v{brief.version}")
        session.commit()
        flash(_("“%(title)s” was deleted. Editors can restore it from the deleted briefs.",
                title=brief.title), "info")
    return redirect(url_for("briefs.index"))


@bp.post("/<int:brief_id>/undelete")
@access(EDITOR)
def unremove(brief_id):
    session = get_session()
    brief = _brief_or_404(brief_id)
    if deletion(session, brief.id) is not None:
        undelete(session, brief, current_user().username)
        log("brief-undeleted", target=f"brief {brief.id} v{brief.version}")
        session.commit()
        flash(_("“%(title)s” was restored.", title=brief.title), "info")
    return redirect(url_for("briefs.show", brief_id=brief.id))


def _download(brief: Brief, ext: str) -> dict[str, str]:
    return attachment(f"brief-{brief.id}-{brief.title[:60] or 'untitled'}", ext)


def _log_export(brief: Brief, fmt: str) -> None:
    log("brief-export", target=f"brief {brief.id} v{brief.version}", detail=fmt)
    get_session().commit()


def _export_limit() -> str:
    return current_app.config["EXPORT_RATE_LIMIT"]


def _export(brief: Brief, fmt: str, render) -> bytes:
    data = assemble(get_session(), brief)
    cases = brief_cases(brief)
    return cached_export(current_app.config["EXPORTS_DIR"], brief=brief, fmt=fmt,
                         lang=str(get_locale() or "en"), data=data,
                         base_url=site_root(), render=lambda: render(data, cases),
                         extra=[cases[0], asdict(cases[1]) if cases[1] else None])


@bp.get("/<int:brief_id>.pdf")
@access(VIEWER)
@limiter.limit(_export_limit, key_func=user_key)
def pdf(brief_id):
    brief = _brief_or_404(brief_id)
    _log_export(brief, "pdf")
    body = _export(brief, "pdf", lambda data, cases: to_pdf(
        render_brief(brief, printable=True, data=data, cases=cases), base_url=site_root()))
    return Response(body, mimetype="application/pdf", headers=_download(brief, "pdf"))


def _docx(brief, data, cases) -> bytes:
    links = {symbol: url_for("resolutions.show", symbol=symbol, _external=True)
             for symbol in {r.symbol for r in data.resolutions}
             | {v.page for v in data.votes if v.page}}
    return to_docx(brief, data, charts_for(data), links, list_url=brief_list_url(brief),
                   internal=cases[0], cases=cases[1], state_url=state_resolutions_url(brief))


def state_resolutions_url(brief) -> str | None:
    """Where a State's brief sends the reader for the resolutions it does not list."""
    if brief.subject_kind != "state":
        return None
    return url_for("states.show", iso3=brief.subject, _external=True, _anchor="resolutions")


@bp.get("/<int:brief_id>.docx")
@access(VIEWER)
@limiter.limit(_export_limit, key_func=user_key)
def docx(brief_id):
    brief = _brief_or_404(brief_id)
    _log_export(brief, "docx")
    body = _export(brief, "docx", lambda data, cases: _docx(brief, data, cases))
    return Response(body, mimetype="application/vnd.openxmlformats-officedocument."
                                    "wordprocessingml.document",
                    headers=_download(brief, "docx"))


@bp.get("/<int:brief_id>/versions/<int:version>.json")
@access(VIEWER)
def version_json(brief_id, version):
    for v in versions(get_session(), brief_id):
        if v.version == version:
            log("brief-export", target=f"brief {brief_id} v{version}", detail="json")
            get_session().commit()
            return Response(v.snapshot, mimetype="application/json")
    abort(404, description=_("No such version."))


