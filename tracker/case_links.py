"""A case's submissions to the UN and the communications they led to.

The tracker suggests which communication a submission became, by the reference the UN
gave (exact first) or by the State and the dates, and says why in words; only a person
confirms a match. Every change writes a case version (tracker.cases.record_change).
Pure of Flask.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlmodel import Session, select

from scrapers.communications import parse_reference
from tracker.cases import CaseError, record_change
from tracker.models import (
    Case,
    CaseLinkRejection,
    CaseSubmission,
    Communication,
    CommunicationMandate,
    Mandate,
)
from tracker.vocabulary import N_

# A letter usually follows a submission within weeks; past a year it is unlikely to be
# the same matter, and a wider window floods a busy State's list with noise.
WINDOW_DAYS = 365
_NUMBER_RE = re.compile(r"(\d{1,4})\s*/\s*(\d{4})")


class LinkError(CaseError):
    """A submission or link cannot be saved as asked; the message says why."""


@dataclass
class Suggestion:
    """A communication that may be the one a submission led to, with the reason in words."""

    communication: Communication
    reason: str  # an N_() message; `params` fill it
    params: dict = field(default_factory=dict)
    exact: bool = False  # matched by the reference the person typed
    days: int | None = None  # from the submission to the letter
    shared_mandates: int = 0

    def render(self, gettext) -> str:
        text = gettext(self.reason)
        return text % self.params if self.params else text


def submissions(session: Session, case_id: int) -> list[CaseSubmission]:
    return list(session.exec(select(CaseSubmission).where(CaseSubmission.case_id == case_id)
                             .order_by(CaseSubmission.submitted_on, CaseSubmission.id)))


def mandate_slugs(raw: str) -> list[str]:
    return [s for s in (raw or "").split(",") if s]


def canonical_reference(text: str) -> str:
    """"ua  hnd 5 / 2013" as the UN writes it, "UA HND 5/2013"; other text kept, trimmed."""
    text = " ".join((text or "").split())
    try:
        kind, code, number, year = parse_reference(text)
    except ValueError:
        return text
    return f"{kind + ' ' if kind else ''}{code} {number}/{year}"


def add_submission(session: Session, case: Case, submitted_on: dt.date, mandates,
                   reference: str, username: str) -> CaseSubmission:
    """Record that the case went to these mandates on this day; the caller commits."""
    if not isinstance(submitted_on, dt.date):
        raise LinkError(N_("Give the day the case was submitted (YYYY-MM-DD)."), "submitted_on")
    if submitted_on > dt.date.today():
        raise LinkError(N_("The day of submission is in the future."), "submitted_on")
    slugs = list(dict.fromkeys(s.strip() for s in mandates or () if s and s.strip()))
    if not slugs:
        raise LinkError(N_("Choose at least one mandate the case was sent to."), "mandates")
    known = set(session.exec(select(Mandate.slug).where(Mandate.slug.in_(slugs))).all())
    unknown = [s for s in slugs if s not in known]
    if unknown:
        raise LinkError(N_("No mandate %(value)s."), "mandates", value=unknown[0][:60])
    reference = canonical_reference(reference)
    if len(reference) > 40:
        raise LinkError(N_("Too long: at most %(limit)s characters."), "reference", limit=40)
    submission = CaseSubmission(case_id=case.id, submitted_on=submitted_on,
                                mandates=",".join(slugs), reference=reference)
    session.add(submission)
    session.flush()
    record_change(session, case, ["submissions"], username)
    return submission


def _mandates_of(session: Session, comm_ids: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {i: set() for i in comm_ids}
    if comm_ids:
        rows = session.exec(select(CommunicationMandate.communication_id, Mandate.slug)
                            .join(Mandate, Mandate.id == CommunicationMandate.mandate_id)
                            .where(CommunicationMandate.communication_id.in_(comm_ids)))
        for comm_id, slug in rows:
            out[comm_id].add(slug)
    return out


def _by_reference(session: Session, submission: CaseSubmission,
                  case: Case) -> list[Suggestion]:
    text = submission.reference.strip()
    if not text:
        return []
    try:
        kind, code, number, year = parse_reference(text)
    except ValueError:
        # Only a number was typed ("5/2013"): read it as a letter to the case's State.
        m = _NUMBER_RE.search(text)
        if not m:
            return []
        kind, code, number, year = None, case.iso3, int(m.group(1)), int(m.group(2))
        found = session.exec(select(Communication).where(
            Communication.addressee_code == code, Communication.number == number,
            Communication.year == year)).first()
        return [Suggestion(found, N_("Number %(number)s to the case's State, as the "
                                     "submission's reference says"),
                           {"number": f"{number}/{year}"}, exact=True)] if found else []
    found = session.exec(select(Communication).where(
        Communication.addressee_code == code, Communication.number == number,
        Communication.year == year)).first()
    if found is None:
        return []
    if kind and kind != found.type:
        return [Suggestion(found, N_("Same number as the reference typed (%(typed)s), but "
                                     "the letter is of type %(type)s"),
                           {"typed": text, "type": found.type}, exact=True)]
    return [Suggestion(found, N_("Same reference as the submission: %(reference)s"),
                       {"reference": found.reference}, exact=True)]


def _rejected(session: Session, submission_id: int) -> set[int]:
    return set(session.exec(select(CaseLinkRejection.communication_id)
                            .where(CaseLinkRejection.submission_id == submission_id)).all())


def suggest(session: Session, submission: CaseSubmission, limit: int = 5) -> list[Suggestion]:
    """Communications that may be the one this submission led to, best first.

    First an exact match of the reference typed; then letters to the case's State sent 0
    to WINDOW_DAYS days after the submission, those sharing more mandates with it first,
    then the nearest in time. Communications a person rejected for it are left out."""
    case = session.get(Case, submission.case_id)
    rejected = _rejected(session, submission.id)
    if submission.link_status == "confirmed" and submission.communication_id:
        rejected.add(submission.communication_id)
    out = [s for s in _by_reference(session, submission, case)
           if s.communication.id not in rejected]
    seen = rejected | {s.communication.id for s in out}
    end = submission.submitted_on + dt.timedelta(days=WINDOW_DAYS)
    comms = [c for c in session.exec(select(Communication).where(
        Communication.state_iso3 == case.iso3, Communication.date >= submission.submitted_on,
        Communication.date <= end)) if c.id not in seen]
    wanted = set(mandate_slugs(submission.mandates))
    mandates = _mandates_of(session, [c.id for c in comms])
    ranked = []
    for c in comms:
        days = (c.date - submission.submitted_on).days
        shared = len(wanted & mandates[c.id])
        ranked.append(Suggestion(
            c, N_("Sent to the case's State %(days)s days after the submission, by "
                  "%(shared)s of the %(wanted)s mandates it went to"),
            {"days": days, "shared": shared, "wanted": len(wanted)},
            days=days, shared_mandates=shared))
    ranked.sort(key=lambda s: (-s.shared_mandates, s.days, s.communication.id))
    return (out + ranked)[:limit]


def _communication(session: Session, communication_id) -> Communication:
    comm = session.get(Communication, communication_id) if communication_id else None
    if comm is None:
        raise LinkError(N_("No such communication."), "communication_id")
    return comm


def link(session: Session, submission: CaseSubmission, communication_id: int,
         username: str) -> CaseSubmission:
    """A person confirms that the submission led to this communication; the caller commits."""
    comm = _communication(session, communication_id)
    found = session.get(CaseLinkRejection, (submission.id, comm.id))  # a "yes" beats a "no"
    if found is not None:
        session.delete(found)
    submission.communication_id = comm.id
    submission.link_status = "confirmed"
    submission.linked_by = username
    submission.linked_at = dt.datetime.now(dt.UTC)
    session.add(submission)
    record_change(session, session.get(Case, submission.case_id), ["submissions"], username)
    return submission


def reject(session: Session, submission: CaseSubmission, communication_id: int,
           username: str) -> CaseSubmission:
    """A person says the submission did not lead to this communication; it is not suggested
    again. A confirmed link to another communication stays as it is."""
    comm = _communication(session, communication_id)
    if session.get(CaseLinkRejection, (submission.id, comm.id)) is None:
        session.add(CaseLinkRejection(submission_id=submission.id, communication_id=comm.id,
                                      rejected_by=username))
    if submission.link_status != "confirmed" or submission.communication_id == comm.id:
        submission.communication_id = comm.id
        submission.link_status = "rejected"
        submission.linked_by = username
        submission.linked_at = dt.datetime.now(dt.UTC)
        session.add(submission)
    session.flush()
    record_change(session, session.get(Case, submission.case_id), ["submissions"], username)
    return submission


def unlink(session: Session, submission: CaseSubmission, username: str) -> CaseSubmission:
    """Undo a confirmation (or a rejection): the submission has no communication again,
    and a rejected communication may be suggested again."""
    if submission.link_status == "rejected" and submission.communication_id:
        found = session.get(CaseLinkRejection, (submission.id, submission.communication_id))
        if found is not None:
            session.delete(found)
    submission.communication_id = None
    submission.link_status = "none"
    submission.linked_by = username
    submission.linked_at = dt.datetime.now(dt.UTC)
    session.add(submission)
    record_change(session, session.get(Case, submission.case_id), ["submissions"], username)
    return submission
