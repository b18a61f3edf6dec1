"""The private case register: list, case pages, forms, history, names (EDITOR and above).

Pages only: no JSON, CSV or feed of a case. Every response says `Cache-Control: no-store`,
so no browser or proxy keeps a copy. A defender's name and contact are decrypted only for
those `may_read_identity()` allows, on an explicit request that is logged; the edit form
never shows them (a blank field keeps what is stored).

The list's text box is a SQL query (tracker.case_list): case search never uses the
public Whoosh index, which must never hold a case.
"""

from __future__ import annotations

import datetime as dt

from flask import (
    Blueprint,
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
from markupsafe import Markup
from sqlmodel import select

from tracker import case_history, cases
from tracker.auth import ADMIN, EDITOR, access, current_user, log, may_read_identity
from tracker.case_list import (
    CaseFilter,
    count_cases,
    count_past_retention,
    list_cases,
)
from tracker.casekey import current_keys
from tracker.codebook import PARENTS
from tracker.db import get_session
from tracker.models import Case, State
from tracker.vocabulary import N_
from tracker.vocabulary_edits import active_slugs, merged_codebook

bp = Blueprint("cases", __name__, url_prefix="/cases")

# The form's fields by the names CaseError and a version's `changes` use.
FIELD_NAMES = {
    "pseudonym": N_("Pseudonym"), "gender": N_("Gender"), "whrd": N_("Woman human rights "
                                                                       "defender"),
    "iso3": N_("State"), "province": N_("Province"), "incident_dates": N_("Incident dates"),
    "perpetrators": N_("Perpetrators"), "attack_types": N_("Attacks"),
    "risk_factors": N_("Risk factors"), "status": N_("Status"),
    "retention_until": N_("Keep until"), "identity": N_("Name and contact"),
    "name": N_("Name"), "contact": N_("Contact"), "notes": N_("Notes"),
    "submissions": N_("Submissions"), "created": N_("Created"),
}
# The list's filter on the form's "Woman human rights defender" box.
WHRD_CHOICES = {"yes": N_("yes"), "no": N_("no")}


@bp.after_request
def _no_store(response):
    """A case page is never kept by a browser's cache or a proxy."""
    response.headers["Cache-Control"] = "no-store"
    return response


def _lang() -> str:
    return str(get_locale() or "en")


def _case_or_404(case_id: int) -> Case:
    case = get_session().get(Case, case_id)
    if case is None:
        abort(404, description=_("No case with that number."))
    return case


def _states() -> list[State]:
    return list(get_session().exec(select(State).order_by(State.name)).all())


def _state_names(iso3s) -> dict[str, str]:
    iso3s = set(iso3s)
    if not iso3s:
        return {}
    rows = get_session().exec(select(State.iso3, State.name).where(State.iso3.in_(iso3s)))
    return dict(rows.all())


def _slugs(value: str) -> list[str]:
    return [s for s in (value or "").split(",") if s]


def _int_arg(name: str, default: int = 1) -> int:
    value = request.args.get(name, "")
    return int(value) if value.isdecimal() and len(value) < 9 else default


def _labelled(book, lang: str):
    """A template helper: a case's coded column as labels in the reader's language."""
    def labels(scheme: str, value: str) -> list[str]:
        return [book.label(scheme, slug, lang) for slug in _slugs(value)]
    return labels


# --- the list ------------------------------------------------------------------------------

@bp.get("/")
@access(EDITOR)
def index():
    session = get_session()
    flt = CaseFilter(iso3=request.args.get("state", "")[:3].upper(),
                     status=request.args.get("status", "") if request.args.get(
                         "status") in cases.STATUSES else "",
                     whrd=request.args.get("whrd", "") if request.args.get(
                         "whrd") in WHRD_CHOICES else "",
                     past_retention=request.args.get("past") == "1",
                     q=request.args.get("q", ""))
    size = current_app.config["PAGE_SIZE"]
    total = count_cases(session, flt)
    pages = max(1, -(-total // size))
    page = min(_int_arg("page"), pages)
    rows = list_cases(session, flt, page=page, size=size)
    book = merged_codebook(session)
    return render_template(
        "cases/index.html", rows=rows, total=total, page=page, pages=pages, flt=flt,
        empty=not flt.active and total == 0,
        past=count_past_retention(session), states=_states(),
        names=_state_names(r.iso3 for r in rows), statuses=cases.STATUSES,
        whrd_choices=WHRD_CHOICES, labels=_labelled(book, _lang()),
        years=cases.incident_years)


# --- the form ------------------------------------------------------------------------------

def _choices(book, case: Case | None, lang: str) -> dict:
    """The coded fields' checkboxes: active terms, and retired ones the case already has;
    perpetrators grouped under State, non-State, unknown."""
    def terms(scheme: str, column: str):
        have = set(_slugs(getattr(case, column))) if case else set()
        active = set(active_slugs(book, scheme))
        return [book.term(scheme, s) for s in book.slugs(scheme) if s in active or s in have]

    perpetrators = terms("perpetrator", "perpetrators")
    groups = [(book.label(PARENTS, parent, lang), [t for t in perpetrators if t.parent == parent])
              for parent in book.slugs(PARENTS)]
    return {"perpetrators": [(title, items) for title, items in groups if items],
            "attack_types": terms("attack", "attack_types"),
            "risk_factors": terms("risk", "risk_factors")}


def _form_values(case: Case | None) -> dict:
    """What the form shows for a stored case: never its name or contact (a blank keeps
    them); the notes, which every editor reads."""
    if case is None:
        return {"gender": "woman", "whrd": True, "status": "documented", "perpetrators": [],
                "attack_types": [], "risk_factors": []}
    return {"pseudonym": case.pseudonym, "iso3": case.iso3, "gender": case.gender,
            "whrd": case.whrd, "province": case.province,
            "incident_dates": ", ".join(_slugs(case.incident_dates)),
            "perpetrators": _slugs(case.perpetrators),
            "attack_types": _slugs(case.attack_types),
            "risk_factors": _slugs(case.risk_factors), "status": case.status,
            "retention_until": case.retention_until.isoformat() if case.retention_until else "",
            "notes": cases.notes(current_keys(), case), "version": case.version}


# The form's text fields, as tracker.cases.clean reads them.
TEXT_FIELDS = ("pseudonym", "iso3", "gender", "province", "incident_dates", "status",
               "retention_until", "name", "contact", "notes")


def _typed_values() -> dict:
    """The form as sent, to show again after an error: the person's text is never lost."""
    form = request.form
    values = {k: form.get(k, "") for k in (*TEXT_FIELDS, "version")}
    values["whrd"] = form.get("whrd") in ("1", "on")
    values["remove_identity"] = form.get("remove_identity") in ("1", "on")
    for field in cases.CODED_FIELDS:
        values[field] = form.getlist(field)
    return values


def _input_data(case: Case | None) -> dict:
    """The form's fields for tracker.cases.clean. The form never shows a stored name or
    contact, so on a case that has them a blank field means "keep" (None), unless the
    person ticked "remove"."""
    data = {k: request.form.get(k, "") for k in TEXT_FIELDS}
    data["whrd"] = request.form.get("whrd", "")
    for field in cases.CODED_FIELDS:
        data[field] = request.form.getlist(field)
    if case is not None and request.form.get("remove_identity") not in ("1", "on"):
        for key in ("name", "contact"):
            if not data[key].strip():
                data[key] = None
    return data


def _render_form(case: Case | None, values: dict, error: cases.CaseError | None = None,
                 status: int = 200):
    session = get_session()
    book = merged_codebook(session)
    has_identity = case is not None and case.identity is not None
    return render_template(
        "cases/form.html", case=case, values=values, states=_states(),
        choices=_choices(book, case, _lang()), statuses=cases.STATUSES, genders=cases.GENDERS,
        lang=_lang(), has_identity=has_identity,
        error=error.render(_) if error else None, error_field=error.field if error else None,
        limits=cases.LIMITS, retention_days=current_app.config["CASE_RETENTION_DAYS"]), status


def _save(case: Case | None):
    session = get_session()
    try:
        data = cases.clean(session, _input_data(case), codebook=merged_codebook(session))
        version = request.form.get("version", "")
        expected = int(version) if version.isdecimal() else None
        if case is not None and expected is None:
            raise cases.CaseError(N_("The form lost the case's version: open the case again."))
        saved = cases.save_case(session, current_keys(), data, current_user().username,
                                case=case, expected_version=expected,
                                retention_days=current_app.config["CASE_RETENTION_DAYS"])
    except cases.CaseError as exc:
        session.rollback()
        return _render_form(case, _typed_values(), exc, 409 if not exc.field else 400)
    log("case-created" if case is None else "case-edited", target=f"case:{saved.id}",
        detail=f"version {saved.version}")
    session.commit()
    flash(_("Case saved."), "saved")
    return redirect(url_for("cases.show", case_id=saved.id))


@bp.route("/new", methods=["GET", "POST"])
@access(EDITOR)
def new():
    if request.method == "POST":
        return _save(None)
    return _render_form(None, _form_values(None))


@bp.route("/<int:case_id>/edit", methods=["GET", "POST"])
@access(EDITOR)
def edit(case_id: int):
    case = _case_or_404(case_id)
    if request.method == "POST":
        return _save(case)
    return _render_form(case, _form_values(case))


# --- the case page -------------------------------------------------------------------------

def _render_case(case: Case, identity: dict | None):
    session = get_session()
    book = merged_codebook(session)
    state = session.get(State, case.iso3)
    return render_template(
        "cases/show.html", case=case, state=state, identity=identity,
        notes=cases.notes(current_keys(), case), labels=_labelled(book, _lang()),
        statuses=cases.STATUSES, genders=cases.GENDERS, may_read=may_read_identity(),
        years=cases.incident_years(case), book=book, lang=_lang(),
        past=case.retention_until is not None and case.retention_until <= dt.date.today())


@bp.get("/<int:case_id>")
@access(EDITOR)
def show(case_id: int):
    case = _case_or_404(case_id)
    log("case-viewed", target=f"case:{case.id}")
    get_session().commit()
    return _render_case(case, None)


@bp.post("/<int:case_id>/identity")
@access(EDITOR)
def identity(case_id: int):
    """The case page with the defender's name and contact: for those the setting allows,
    and logged, since reading a name is what an attacker would want."""
    if not may_read_identity():
        abort(403, description=_("Your role does not let you read names and contact "
                                 "details."))
    case = _case_or_404(case_id)
    log("case-identity-viewed", target=f"case:{case.id}")
    get_session().commit()
    return _render_case(case, cases.identity(current_keys(), case))


# --- history -------------------------------------------------------------------------------

def _shown(book, lang: str, names: dict, field: str, value) -> str:
    """A snapshot's value as a reader reads it."""
    if value in (None, "", []):
        return "—"
    if field in cases.CODED_FIELDS:
        return ", ".join(book.label(cases.CODED_FIELDS[field], s, lang) for s in _slugs(value))
    if field == "iso3":
        return names.get(value, value)
    if field == "status":
        return _(cases.STATUSES.get(value, value))
    if field == "gender":
        return _(cases.GENDERS.get(value, value))
    if field == "whrd":
        return _("yes") if value else _("no")
    if field == "incident_dates":
        return ", ".join(_slugs(value))
    if field == "submissions":
        return "; ".join(value)
    return str(value)


@bp.get("/<int:case_id>/history")
@access(EDITOR)
def history(case_id: int):
    session = get_session()
    case = _case_or_404(case_id)
    rows = cases.versions(session, case.id)
    by_number = {v.version: v for v in rows}
    a, b = _int_arg("a", 0), _int_arg("b", 0)
    diff = None
    if a in by_number and b in by_number and a != b:
        a, b = min(a, b), max(a, b)
        old = case_history.load_snapshot(by_number[a].snapshot)
        newer = case_history.load_snapshot(by_number[b].snapshot)
        book, lang = merged_codebook(session), _lang()
        names = _state_names(x for x in (old.get("iso3"), newer.get("iso3")) if x)
        diff = [(d.field, d.encrypted, _shown(book, lang, names, d.field, d.old),
                 _shown(book, lang, names, d.field, d.new))
                for d in case_history.compare(old, newer)]
    elif len(rows) > 1:
        a, b = rows[1].version, rows[0].version
    return render_template("cases/history.html", case=case, versions=rows, diff=diff, a=a,
                           b=b, field_names=FIELD_NAMES)


# --- retention -----------------------------------------------------------------------------

@bp.get("/retention")
@access(EDITOR)
def retention():
    session = get_session()
    rows = cases.due_for_review(session)
    return render_template("cases/retention.html", rows=rows,
                           names=_state_names(r.iso3 for r in rows), statuses=cases.STATUSES,
                           today=dt.date.today(),
                           suggested=cases.default_retention(
                               current_app.config["CASE_RETENTION_DAYS"]))


@bp.post("/<int:case_id>/keep")
@access(ADMIN)
def keep(case_id: int):
    """Keep a case past its retention date, until a new one in the future."""
    session = get_session()
    case = _case_or_404(case_id)
    try:
        until = dt.date.fromisoformat(request.form.get("retention_until", "").strip())
    except ValueError:
        until = None
    if until is None or until <= dt.date.today():
        flash(_("Give a date in the future to keep a case until (YYYY-MM-DD)."), "error")
        return redirect(url_for("cases.retention"))
    case.retention_until = until
    cases.record_change(session, case, ["retention_until"], current_user().username)
    log("case-retention-extended", target=f"case:{case.id}", detail=f"until {until}")
    session.commit()
    # A flash travels in the session cookie: the case's number, not its pseudonym.
    flash(_("Case %(number)s is kept until %(date)s.", number=case.id,
            date=until.isoformat()), "saved")
    return redirect(url_for("cases.retention"))


@bp.post("/<int:case_id>/delete")
@access(ADMIN)
def delete(case_id: int):
    """Erase a case, its versions and its submissions, once its pseudonym is typed."""
    session = get_session()
    case = _case_or_404(case_id)
    if request.form.get("confirm", "").strip() != case.pseudonym:
        flash(_("Type the case's pseudonym exactly to delete it. Nothing was deleted."),
              "error")
        return redirect(url_for("cases.retention"))
    # The log keeps that a case was erased, by its number: never its pseudonym.
    log("case-deleted", target=f"case:{case.id}")
    cases.delete_case(session, case)
    session.commit()
    flash(_("The case was deleted, with its versions and submissions."), "saved")
    return redirect(url_for("cases.retention"))


@bp.app_template_global()
def aria_invalid(name: str, error_field: str | None) -> Markup:
    """The attributes that tie a field at fault to its message (templates/cases/_field.html)."""
    if name != error_field:
        return Markup("")
    return Markup(' aria-invalid="true" aria-describedby="{}-error"').format(name)


@bp.app_template_global()
def case_field_name(field: str) -> str:
    return _(FIELD_NAMES.get(field, field))
