"""What an internal brief may say about the organisation's cases: figures in aggregate,
small ones suppressed, and talking points about unanswered letters by their public
reference. A public brief calls none of this. Pure of Flask.

Nothing here names a case: no pseudonym, no province, no date of an incident.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlmodel import Session, select

from tracker.briefs import _states_for
from tracker.case_links import mandate_slugs
from tracker.cases import STATUSES
from tracker.followup import follow_ups
from tracker.models import (
    Brief,
    Case,
    CaseSubmission,
    CommunicationMandate,
    Mandate,
)

# Talking points fill a text field with a limit (tracker.briefs.FIELD_LIMITS): the
# longest-waiting letters are the ones worth raising in a meeting.
MAX_POINTS = 60


@dataclass
class CaseFigures:
    """Counts for a brief's subject; None where a figure is suppressed."""

    below: int  # CASE_SUPPRESS_BELOW: smaller figures are not shown
    total: int | None
    overdue: int | None
    by_status: list[tuple[str, int | None]] = field(default_factory=list)


def suppressed(counts: dict[str, int], below: int) -> tuple[dict[str, int | None], bool]:
    """Hide each count from 1 to below-1; say whether any was hidden.

    A zero is shown: it names no one. When any part is hidden the caller hides the total
    too, else total minus the parts shown gives the hidden one back."""
    out = {k: (None if 0 < n < below else n) for k, n in counts.items()}
    return out, any(v is None for v in out.values())


def _small(n: int, below: int) -> int | None:
    return None if 0 < n < below else n


def subject_cases(session: Session, brief: Brief) -> list[Case] | None:
    """The cases a brief's subject covers; None for a subject cases have no place in."""
    if brief.subject_kind in ("state", "region"):
        states = _states_for(session, brief.subject_kind, brief.subject)
        return list(session.exec(select(Case).where(Case.iso3.in_(states))))
    if brief.subject_kind == "mandate":
        mandate = session.exec(select(Mandate).where(Mandate.slug == brief.subject)).first()
        if mandate is None:
            return []
        ids = {case_id for case_id, slugs in session.exec(select(
            CaseSubmission.case_id, CaseSubmission.mandates).where(
            CaseSubmission.mandates.contains(brief.subject)))
            if brief.subject in mandate_slugs(slugs)}
        linked = session.exec(select(CaseSubmission.case_id)
                              .join(CommunicationMandate, CommunicationMandate.communication_id
                                    == CaseSubmission.communication_id)
                              .where(CaseSubmission.link_status == "confirmed",
                                     CommunicationMandate.mandate_id == mandate.id)).all()
        ids.update(linked)
        return list(session.exec(select(Case).where(Case.id.in_(ids)))) if ids else []
    return None


def case_figures(session: Session, brief: Brief, *, below: int, deadline: int,
                 today: dt.date | None = None) -> CaseFigures | None:
    """The subject's cases counted: in all, by status, overdue; small figures hidden."""
    found = subject_cases(session, brief)
    if found is None:
        return None
    ids = {c.id for c in found}
    statuses = Counter(c.status for c in found)
    parts, hidden = suppressed({s: statuses.get(s, 0) for s in STATUSES}, below)
    late = {f.case_id for f in follow_ups(session, today, deadline=deadline)
            if f.overdue and f.case_id in ids}
    return CaseFigures(below=below, total=None if hidden else _small(len(found), below),
                       overdue=_small(len(late), below), by_status=list(parts.items()))


def overdue_points(session: Session, states: set[str] | None, gettext, *, deadline: int,
                   today: dt.date | None = None) -> list[str]:
    """One talking point per unanswered letter past the deadline: its public reference and
    the days waited, the longest first. Never a pseudonym, never how many cases."""
    seen, points = set(), []
    for f in follow_ups(session, today, deadline=deadline):
        if not f.overdue or f.communication_id in seen or (states and f.iso3 not in states):
            continue
        seen.add(f.communication_id)
        points.append(gettext("%(reference)s, sent on %(date)s: no reply from the State after "
                              "%(days)s days (the Special Procedures ask for one within "
                              "%(deadline)s).") % {
            "reference": f.reference, "date": f.letter_date.isoformat(), "days": f.days,
            "deadline": deadline})
    return points[:MAX_POINTS]
