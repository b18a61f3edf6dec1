"""Follow-up of the communications cases led to: has the State replied, and how long ago
was the letter sent? A letter unanswered past the deadline is overdue.

One row per confirmed link (a case submitted twice can have two letters). Pure of Flask.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from tracker.models import Case, CaseSubmission, Communication, Reply, State

DEFAULT_DEADLINE = 60


@dataclass
class FollowUp:
    case_id: int
    pseudonym: str
    iso3: str
    state: str
    status: str  # the case's status
    submission_id: int
    communication_id: int
    reference: str  # the communication's public reference
    letter_date: dt.date | None
    replied: bool
    reply_date: dt.date | None  # the first dated reply
    reply_kind: str | None  # substantive | acknowledgement | None when not known
    days: int | None  # from the letter to the first reply, or to today when none
    overdue: bool


def _replies(session: Session, comm_ids: list[int]) -> dict[int, list[Reply]]:
    out: dict[int, list[Reply]] = {}
    for start in range(0, len(comm_ids), 500):  # keep IN lists short for SQLite
        for reply in session.exec(select(Reply).where(
                Reply.communication_id.in_(comm_ids[start:start + 500]))):
            out.setdefault(reply.communication_id, []).append(reply)
    return out


def _kind(replies: list[Reply]) -> str | None:
    kinds = {r.kind for r in replies}
    for kind in ("substantive", "acknowledgement"):
        if kind in kinds:
            return kind
    return None


def follow_ups(session: Session, today: dt.date | None = None, *,
               deadline: int = DEFAULT_DEADLINE, iso3: str | None = None,
               case_id: int | None = None) -> list[FollowUp]:
    """Every confirmed link with its reply status; overdue ones first, oldest letter first."""
    today = today or dt.date.today()
    stmt = (select(CaseSubmission, Case, Communication, State.name)
            .join(Case, Case.id == CaseSubmission.case_id)
            .join(Communication, Communication.id == CaseSubmission.communication_id)
            .join(State, State.iso3 == Case.iso3)
            .where(CaseSubmission.link_status == "confirmed"))
    if iso3:
        stmt = stmt.where(Case.iso3 == iso3)
    if case_id is not None:
        stmt = stmt.where(Case.id == case_id)
    rows = session.exec(stmt).all()
    replies = _replies(session, sorted({comm.id for _s, _c, comm, _n in rows}))
    out = []
    for sub, case, comm, state in rows:
        got = replies.get(comm.id, [])
        dated = sorted(r.date for r in got if r.date)
        first = dated[0] if dated else None
        end = first if got else today
        days = (end - comm.date).days if comm.date and end else None
        out.append(FollowUp(
            case_id=case.id, pseudonym=case.pseudonym, iso3=case.iso3, state=state,
            status=case.status, submission_id=sub.id, communication_id=comm.id,
            reference=comm.reference, letter_date=comm.date, replied=bool(got),
            reply_date=first, reply_kind=_kind(got), days=days,
            overdue=not got and days is not None and days > deadline))
    out.sort(key=lambda f: (not f.overdue, f.letter_date or dt.date.max, f.case_id))
    return out


def overdue(session: Session, today: dt.date | None = None, *,
            deadline: int = DEFAULT_DEADLINE, iso3: str | None = None) -> list[FollowUp]:
    """Cases awaiting a reply past the deadline, the longest waiting first."""
    return [f for f in follow_ups(session, today, deadline=deadline, iso3=iso3) if f.overdue]


def by_submission(items: list[FollowUp]) -> dict[int, FollowUp]:
    return {f.submission_id: f for f in items}
