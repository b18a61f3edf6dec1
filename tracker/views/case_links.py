"""A case's submissions to the UN, their links to communications, follow-up, export.

Everything here shows single cases, so it is EDITOR; the export, which takes the whole
register out of the system, is ADMIN and names people only after a second, retyped
confirmation.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

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
from flask_babel import gettext as _
from sqlmodel import select

from tracker import accounts, case_links, followup
from tracker.auth import ADMIN, EDITOR, access, current_user, log, may_read_identity
from tracker.brief_cases import overdue_points
from tracker.briefs import BriefError, create_brief
from tracker.case_export import csv_columns, export_rows, flat
from tracker.casekey import current_keys
from tracker.cases import CaseError
from tracker.db import get_session
from tracker.models import Case, CaseSubmission, Communication, Mandate, State
from tracker.views.output import as_csv, attachment
from tracker.vocabulary import label

bp = Blueprint("case_links", __name__, url_prefix="/cases")


def _case_url(case_id: int) -> str:
    """The case's page (tracker.views.cases), back to its submissions."""
    return url_for("cases.show", case_id=case_id) + "#submissions"


def _deadline() -> int:
    return int(current_app.config["REPLY_DEADLINE_DAYS"])


# --- the partial on a case's page ----------------------------------------------------


@dataclass
class SubmissionRow:
    submission: CaseSubmission
    mandates: list[str]
    communication: Communication | None
    follow_up: followup.FollowUp | None
    suggestions: list[tuple[case_links.Suggestion, str]] = field(default_factory=list)


def _mandate_names() -> dict[str, str]:
    return {slug: label(name, "mandate") for slug, name in
            get_session().exec(select(Mandate.slug, Mandate.full_name))}


@bp.app_template_global()
def case_submissions(case: Case) -> dict:
    """What templates/cases/_submissions.html shows for a case: its submissions with their
    communication, reply status and suggestions, and the mandates to choose from."""
    session = get_session()
    names = _mandate_names()
    follow = followup.by_submission(followup.follow_ups(session, deadline=_deadline(),
                                                       case_id=case.id))
    rows = []
    for sub in case_links.submissions(session, case.id):
        comm = session.get(Communication, sub.communication_id) if sub.communication_id else None
        row = SubmissionRow(sub, [names.get(s, s) for s in case_links.mandate_slugs(sub.mandates)],
                            comm, follow.get(sub.id))
        if sub.link_status != "confirmed":
            row.suggestions = [(s, s.render(_)) for s in case_links.suggest(session, sub)]
        rows.append(row)
    return {"rows": rows, "mandates": sorted(names.items(), key=lambda kv: kv[1].lower()),
            "deadline": _deadline(), "today": dt.date.today().isoformat(),
            "example": "UA HND 5/2013"}  # a reference as the UN writes it


# --- submissions and links ------------------------------------------------------------


def _case_or_404(case_id: int) -> Case:
    case = get_session().get(Case, case_id)
    if case is None:
        abort(404, description=_("No case with that number."))
    return case


def _submission_or_404(submission_id: int) -> CaseSubmission:
    sub = get_session().get(CaseSubmission, submission_id)
    if sub is None:
        abort(404, description=_("No submission with that number."))
    return sub


@bp.post("/<int:case_id>/submissions")
@access(EDITOR)
def add_submission(case_id):
    session = get_session()
    case = _case_or_404(case_id)
    try:
        day = dt.date.fromisoformat(request.form.get("submitted_on", "").strip())
    except ValueError:
        day = None
    try:
        sub = case_links.add_submission(session, case, day, request.form.getlist("mandates"),
                                        request.form.get("reference", "")[:200],
                                        current_user().username)
    except CaseError as exc:
        session.rollback()
        flash(exc.render(_), "error")
        return redirect(_case_url(case_id))
    log("case-submission-added", target=f"case {case.id} v{case.version}",
        detail=f"submission {sub.id}")
    session.commit()
    flash(_("Submission added. Check the suggested communications below."), "info")
    return redirect(_case_url(case_id))


def _decide(submission_id: int, action: str):
    session = get_session()
    sub = _submission_or_404(submission_id)
    username = current_user().username
    try:
        if action == "unlink":
            previous = sub.communication_id
            case_links.unlink(session, sub, username)
        else:
            raw = request.form.get("communication_id", "")
            comm_id = int(raw) if raw.isdecimal() else None
            do = case_links.link if action == "confirm" else case_links.reject
            do(session, sub, comm_id, username)
            previous = comm_id
    except CaseError as exc:
        session.rollback()
        flash(exc.render(_), "error")
        return redirect(_case_url(sub.case_id))
    case = session.get(Case, sub.case_id)
    audit = {"confirm": "case-link-confirmed", "reject": "case-link-rejected",
             "unlink": "case-link-removed"}[action]
    log(audit, target=f"case {case.id} v{case.version}",
        detail=f"submission {sub.id} communication {previous}")
    session.commit()
    return redirect(_case_url(sub.case_id))


@bp.post("/submissions/<int:submission_id>/confirm")
@access(EDITOR)
def confirm(submission_id):
    return _decide(submission_id, "confirm")


@bp.post("/submissions/<int:submission_id>/reject")
@access(EDITOR)
def reject(submission_id):
    return _decide(submission_id, "reject")


@bp.post("/submissions/<int:submission_id>/unlink")
@access(EDITOR)
def unlink(submission_id):
    return _decide(submission_id, "unlink")


# --- follow-up --------------------------------------------------------------------------


@bp.get("/follow-up")
@access(EDITOR)
def follow_up():
    session = get_session()
    everything = followup.follow_ups(session, deadline=_deadline())
    iso3 = request.args.get("state", "").strip().upper()[:3]
    only_overdue = request.args.get("overdue") == "1"
    rows = [f for f in everything if (not iso3 or f.iso3 == iso3)
            and (f.overdue or not only_overdue)]
    states = sorted({(f.iso3, f.state) for f in everything}, key=lambda s: s[1])
    return render_template("cases/follow_up.html", rows=rows, states=states, state=iso3,
                           only_overdue=only_overdue, deadline=_deadline(),
                           overdue=sum(f.overdue for f in rows))


@bp.post("/follow-up/brief")
@access(EDITOR)
def follow_up_brief():
    """A new internal brief on one State, its talking points the letters overdue."""
    session = get_session()
    iso3 = request.form.get("state", "").strip().upper()[:3]
    state = session.get(State, iso3) if iso3 else None
    if state is None:
        flash(_("Choose a State for the brief."), "error")
        return redirect(url_for("case_links.follow_up"))
    user = current_user()
    points = overdue_points(session, {iso3}, _, deadline=_deadline())
    try:
        brief = create_brief(session, title=_("Follow-up of communications: %(state)s",
                                              state=state.name)[:200],
                             subject_kind="state", subject=iso3, period_start=None,
                             period_end=None, author=user, talking_points="\n".join(points),
                             audience="internal")
    except BriefError as exc:
        session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("case_links.follow_up"))
    log("brief-created", target=f"brief {brief.id}", detail="internal, from the follow-up")
    session.commit()
    return redirect(url_for("briefs.show", brief_id=brief.id))


# --- export -----------------------------------------------------------------------------

EXPORT_FORMATS = ("csv", "json")


def _export_choice() -> tuple[str, bool]:
    fmt = request.form.get("format", "csv")
    if fmt not in EXPORT_FORMATS:
        abort(400, description=_("Choose CSV or JSON."))
    return fmt, request.form.get("with_names") == "1" and may_read_identity()


@bp.get("/export")
@access(ADMIN)
def export_form():
    return render_template("cases/export.html", step="choose",
                           count=len(get_session().exec(select(Case.id)).all()))


@bp.post("/export")
@access(ADMIN)
def export_review():
    """Say what will leave the system before anything does."""
    session = get_session()
    fmt, with_names = _export_choice()
    count = len(session.exec(select(Case.id)).all())
    submissions = len(session.exec(select(CaseSubmission.id)).all())
    return render_template("cases/export.html", step="confirm", fmt=fmt,
                           with_names=with_names, count=count, submissions=submissions,
                           action=url_for(f"case_links.export_{fmt}"))


def _confirmed_names() -> bool:
    """Names leave only when asked for and the admin retyped their password just now."""
    _fmt, with_names = _export_choice()
    if not with_names:
        return False
    session = get_session()
    user = current_user()
    if not accounts.password_matches(user, request.form.get("password", "")[:1024]):
        accounts.record_failure(session, user)
        log("case-export-refused", detail="wrong password for an export with names")
        session.commit()
        abort(403, description=_("The password is not right: nothing was exported."))
    return True


def _export(fmt: str):
    session = get_session()
    with_names = _confirmed_names()
    rows = export_rows(session, current_keys(), with_names=with_names)
    log("case-export", target=f"{len(rows)} cases",
        detail=f"format={fmt} count={len(rows)} with_names={with_names}")
    session.commit()
    stem = f"cases-{dt.date.today().isoformat()}{'-with-names' if with_names else ''}"
    if fmt == "json":
        body = json.dumps({"exported_at": dt.datetime.now(dt.UTC).isoformat(),
                           "with_names": with_names, "cases": rows},
                          ensure_ascii=False, indent=1, default=str)
        response = Response(body, content_type="application/json; charset=utf-8",
                            headers=attachment(stem, fmt))
    else:  # as_csv neutralises formulas in every cell (CSV injection)
        response = as_csv([flat(r) for r in rows], csv_columns(with_names), stem)
    response.headers["Cache-Control"] = "no-store"  # no copy left in a browser's cache
    return response


@bp.post("/export.csv")
@access(ADMIN)
def export_csv():
    return _export("csv")


@bp.post("/export.json")
@access(ADMIN)
def export_json():
    return _export("json")
