"""The Council's membership by date against the States listed in each recorded vote.

Every disagreement is listed, never fixed: a State listed in a vote without a Council term
that day, and a State with a term that day not listed. Votes in a row that disagree in the
same way are one line. The export's known errors (shared/samples/membership/hrc_membership/
PROVENANCE.md) carry their explanation, so a person can tell them from a gap in the terms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, select

from tracker.models import HrcMembership, Vote, VoteCast

_2016 = ("the export's 2016 cycle: this record carries the 2017 roster (BRA, EGY, HRV, HUN, "
         "IRQ, JPN, RWA, TUN, USA in; DZA, FRA, MAR, MDV, MEX, MKD, NAM, RUS, VNM out)")
KNOWN = {
    "A/HRC/33/L.34": _2016,
    "A/HRC/33/L.35": _2016,
    "A/HRC/RES/16/31": "lists Slovenia and Eswatini where the other records of the day have "
                       "Slovakia and Switzerland (a coding error: Eswatini was never a member)",
    "A/HRC/50/L.48": "lists Algeria for Argentina (Algeria's term began in 2023)",
}


@dataclass
class Disagreement:
    """Votes in a row whose listed States differ from the Council's members in one way."""

    first: dt.date
    last: dt.date
    symbols: list[str]
    listed_not_member: list[str]  # ISO3 (or the printed code when it matched no State)
    member_not_listed: list[str]
    not_voting: list[str] = field(default_factory=list)  # of the first list, listed as X
    known: str | None = None  # the known error of the source this is, if it is one

    def describe(self) -> str:
        days = f"{self.first}" if self.first == self.last else f"{self.first} to {self.last}"
        votes = ", ".join(self.symbols)
        parts = []
        if self.listed_not_member:
            x = f" (listed as not voting: {', '.join(self.not_voting)})" if self.not_voting else ""
            parts.append(f"listed without a Council term: {', '.join(self.listed_not_member)}{x}")
        if self.member_not_listed:
            parts.append(f"on the Council but not listed: {', '.join(self.member_not_listed)}")
        known = f" [known error of the source: {self.known}]" if self.known else ""
        return f"{days}, {votes}: {'; '.join(parts)}{known}"


def membership_disagreements(session: Session, body: str = "HRC") -> list[Disagreement]:
    """Every recorded vote of `body` whose States differ from the Council's on its day
    (votes that list no State are left to the data-quality list's own line)."""
    terms = list(session.exec(select(HrcMembership.iso3, HrcMembership.term_start,
                                     HrcMembership.term_end)))
    listed: dict[int, dict[str, str]] = {}
    for vote_id, iso3, raw, value in session.exec(
            select(VoteCast.vote_id, VoteCast.iso3, VoteCast.raw_name, VoteCast.value)
            .join(Vote, Vote.id == VoteCast.vote_id).where(Vote.body == body)):
        listed.setdefault(vote_id, {})[iso3 or f"?{raw}"] = value
    out: list[Disagreement] = []
    last: Disagreement | None = None  # the line the previous vote made, if it disagreed
    for vote in session.exec(select(Vote).where(Vote.body == body, Vote.date.is_not(None))
                             .order_by(Vote.date, Vote.symbol)):
        states = listed.get(vote.id)
        if not states:
            continue
        members = {iso3 for iso3, start, end in terms if start <= vote.date <= end}
        extra, missing = sorted(set(states) - members), sorted(members - set(states))
        if not (extra or missing):
            last = None
            continue
        not_voting = [s for s in extra if states[s] == "X"]
        known = KNOWN.get(vote.symbol) or KNOWN.get(vote.symbol_as_printed or "")
        if last and (last.listed_not_member, last.member_not_listed, last.not_voting,
                     last.known) == (extra, missing, not_voting, known):
            last.last = vote.date
            last.symbols.append(vote.symbol)
        else:
            last = Disagreement(vote.date, vote.date, [vote.symbol], extra, missing,
                                not_voting, known)
            out.append(last)
    return out
