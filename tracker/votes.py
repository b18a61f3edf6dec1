"""Recorded votes read back: a resolution's votes with its amendments', a State's voting
record, how often two States vote alike, and a vote by region in any scheme.

Values are Y (yes), N (no), A (abstain) and X (listed but not voting). Amendments are
Drafts of kind "amendment" whose `amends` names the draft family, else the resolution,
they amend (tracker.hrc_votes makes the link).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import case, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from tracker.hrc_votes import session_of
from tracker.models import (
    Draft,
    Region,
    RegionMembership,
    RegionScheme,
    Resolution,
    State,
    Vote,
    VoteCast,
)
from tracker.store import chunks

VALUES = ("Y", "N", "A", "X")
CAST = ("Y", "N", "A")  # a vote cast; X is a State listed that did not vote
# Subjects a State's record can be narrowed to: words looked for in the vote's title and
# its catalogued agenda entry (subjects such as "HUMAN RIGHTS DEFENDERS" are there).
SUBJECTS = {
    "defenders": ("defender",),
    "women": ("women", "woman", "girls", "gender"),
    "mandates": ("special rapporteur", "independent expert", "working group", "mandate"),
}


@dataclass
class VoteDetail:
    """One vote and every State listed in it."""

    vote: Vote
    casts: list[VoteCast]

    @property
    def by_state(self) -> dict[str, str]:
        return {c.iso3: c.value for c in self.casts if c.iso3}

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(c.value for c in self.casts)
        return {v: counted.get(v, 0) for v in VALUES}


@dataclass
class AmendmentVotes:
    draft: Draft  # kind "amendment"; status is its outcome, amends its target
    votes: list[VoteDetail]


@dataclass
class ResolutionVotes:
    """What `votes_for_resolution` found for a symbol."""

    symbol: str  # as asked
    resolution: Resolution | None
    target: str | None  # the family (else resolution symbol) its amendments amend
    votes: list[VoteDetail]  # on the resolution itself, or on its drafts
    amendments: list[AmendmentVotes] = field(default_factory=list)


@dataclass
class StateVote:
    """One line of a State's voting record."""

    vote: Vote
    value: str
    amends: str | None = None  # for an amendment: what it amends, when known


@dataclass
class Agreement:
    """How two States voted on the votes in which both cast a vote (Y, N or A)."""

    iso3_a: str
    iso3_b: str
    together: int  # votes both cast
    same: int  # of them, the same way
    opposed: int  # one yes, the other no

    @property
    def rate(self) -> float | None:
        return self.same / self.together if self.together else None


@dataclass
class RegionVotes:
    region: str
    states: list[tuple[State, str]]  # each State of the region listed in the vote, its value

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(v for _, v in self.states)
        return {v: counted.get(v, 0) for v in VALUES}


def vote_details(session: Session, votes: list[Vote]) -> list[VoteDetail]:
    casts: dict[int, list[VoteCast]] = {v.id: [] for v in votes}
    for part in chunks(list(casts)):
        for c in session.exec(select(VoteCast).where(VoteCast.vote_id.in_(part))
                              .order_by(VoteCast.raw_name)):
            casts[c.vote_id].append(c)
    return [VoteDetail(v, casts[v.id]) for v in votes]


def _votes_on(session: Session, symbols) -> list[Vote]:
    symbols = sorted(set(symbols))
    if not symbols:
        return []
    return list(session.exec(select(Vote).where(Vote.symbol.in_(symbols))
                             .order_by(Vote.date, Vote.symbol)))


def votes_for_resolution(session: Session, symbol: str) -> ResolutionVotes:
    """The votes on a resolution and on each amendment to it.

    `symbol` may be the resolution's (A/HRC/RES/31/32), one of its drafts' or a draft
    family, or an amendment's (A/HRC/31/L.41): each gives the same answer. An amendment
    not yet tied to what it amends comes with the amendments of its session that bear the
    same title (the library names only the amended text's title).
    """
    asked = session.exec(select(Draft).where(or_(Draft.symbol == symbol,
                                                 Draft.family == symbol))).first()
    key = asked.amends if asked is not None and asked.kind == "amendment" else symbol
    resolution = session.exec(select(Resolution).where(Resolution.symbol == key)).first()
    draft = None
    if resolution is None and key:
        draft = session.exec(select(Draft).where(
            or_(Draft.symbol == key, Draft.family == key), Draft.kind != "amendment")).first()
        if draft is not None and draft.resolution_id is not None:
            resolution = session.get(Resolution, draft.resolution_id)
    drafts = list(session.exec(select(Draft).where(Draft.resolution_id == resolution.id))) \
        if resolution is not None else []
    if draft is not None and draft not in drafts:
        drafts += list(session.exec(select(Draft).where(Draft.family == draft.family,
                                                        Draft.kind != "amendment")))
    families = sorted({d.family for d in drafts})
    targets = [*families, *([resolution.symbol] if resolution else [])]
    if asked is not None and asked.kind == "amendment" and asked.amends is None:
        target, amendments = None, _same_title(session, asked)
    else:
        target = targets[0] if targets else None
        amendments = list(session.exec(select(Draft).where(
            Draft.kind == "amendment", Draft.amends.in_(targets)))) if targets else []
    amendments.sort(key=lambda d: (d.date or dt.date.min, _number(d.symbol)))
    own = vote_details(session, _votes_on(session, [*(d.symbol for d in drafts),
                                                *([resolution.symbol] if resolution else [])]))
    by_symbol: dict[str, list[VoteDetail]] = {}
    for detail in vote_details(session, _votes_on(session, [a.symbol for a in amendments])):
        by_symbol.setdefault(detail.vote.symbol, []).append(detail)
    return ResolutionVotes(symbol, resolution, target, own,
                           [AmendmentVotes(a, by_symbol.get(a.symbol, [])) for a in amendments])


def _number(symbol: str) -> tuple:
    """A/HRC/31/L.41 sorts before L.100: by the numbers in it."""
    return tuple(int(n) for n in re.findall(r"\d+", symbol))


def _same_title(session: Session, amendment: Draft) -> list[Draft]:
    here = session_of(amendment.symbol)
    return [d for d in session.exec(select(Draft).where(
        Draft.kind == "amendment", Draft.amends.is_(None), Draft.title == amendment.title))
        if session_of(d.symbol) == here]


def narrowed(stmt, *, body=None, kind=None, agenda_item=None, subject=None, since=None,
             until=None):
    """`stmt` (over Vote) narrowed by a record's filters; `subject` as SUBJECTS reads it."""
    if body:
        stmt = stmt.where(Vote.body == body)
    if kind:
        stmt = stmt.where(Vote.kind == kind)
    if agenda_item is not None:
        stmt = stmt.where(Vote.agenda_item == agenda_item)
    if since:
        stmt = stmt.where(Vote.date >= since)
    if until:
        stmt = stmt.where(Vote.date <= until)
    if subject:
        words = SUBJECTS.get(subject, (subject,))
        stmt = stmt.where(or_(*(column.ilike(f"%{w}%") for w in words
                                for column in (Vote.title, Vote.agenda))))
    return stmt


def state_voting_record(session: Session, iso3: str, *, body: str | None = None,
                        kind: str | None = None, agenda_item: int | None = None,
                        subject: str | None = None, since: dt.date | None = None,
                        until: dt.date | None = None) -> list[StateVote]:
    """Every vote a State was listed in, newest first, narrowed by the filters.

    `kind`: resolution, decision or amendment; `subject`: a key of SUBJECTS (defenders,
    women, mandates) or any words, looked for in the vote's title and agenda entry.
    """
    stmt = narrowed(select(Vote, VoteCast.value).join(VoteCast, VoteCast.vote_id == Vote.id)
                     .where(VoteCast.iso3 == iso3), body=body, kind=kind,
                     agenda_item=agenda_item, subject=subject, since=since, until=until)
    rows = list(session.exec(stmt.order_by(Vote.date.desc(), Vote.symbol)))
    amended = {v.symbol for v, _ in rows if v.kind == "amendment"}
    amends = dict(session.exec(select(Draft.symbol, Draft.amends).where(
        Draft.symbol.in_(sorted(amended)))).all()) if amended else {}
    return [StateVote(v, value, amends.get(v.symbol)) for v, value in rows]


def agreement_rate(session: Session, iso3_a: str, iso3_b: str, *, body: str | None = "HRC",
                   kind: str | None = None, agenda_item: int | None = None,
                   subject: str | None = None, since: dt.date | None = None,
                   until: dt.date | None = None) -> Agreement:
    """How often two States voted the same way, over the votes both cast (yes, no or
    abstain: a State listed as not voting is left out of that vote)."""
    a, b = aliased(VoteCast), aliased(VoteCast)
    stmt = (select(func.count(),
                   func.coalesce(func.sum(case((a.value == b.value, 1), else_=0)), 0),
                   func.coalesce(func.sum(case(((a.value == "Y") & (b.value == "N"), 1),
                                               ((a.value == "N") & (b.value == "Y"), 1),
                                               else_=0)), 0))
            .select_from(Vote).join(a, a.vote_id == Vote.id).join(b, b.vote_id == Vote.id)
            .where(a.iso3 == iso3_a, b.iso3 == iso3_b, a.value.in_(CAST), b.value.in_(CAST)))
    stmt = narrowed(stmt, body=body, kind=kind, agenda_item=agenda_item, subject=subject,
                     since=since, until=until)
    together, same, opposed = session.exec(stmt).one()
    return Agreement(iso3_a, iso3_b, together, int(same), int(opposed))


def votes_by_region(session: Session, detail: VoteDetail,
                    scheme: str = "un-groups") -> list[RegionVotes]:
    """The States listed in a vote, by region of a scheme as it stood on the vote's day
    (a State in no region of the scheme that day is left out)."""
    day = detail.vote.date
    stmt = (select(Region.name, State)
            .join(RegionMembership, RegionMembership.region_id == Region.id)
            .join(RegionScheme, RegionScheme.id == Region.scheme_id)
            .join(State, State.iso3 == RegionMembership.iso3)
            .where(RegionScheme.slug == scheme, RegionMembership.counts,
                   RegionMembership.iso3.in_(sorted(detail.by_state)))
            .order_by(Region.sort_order, State.name))
    if day:
        stmt = stmt.where(or_(RegionMembership.valid_from.is_(None),
                              RegionMembership.valid_from <= day),
                          or_(RegionMembership.valid_to.is_(None),
                              RegionMembership.valid_to >= day))
    regions: dict[str, RegionVotes] = {}
    for region, state in session.exec(stmt):
        regions.setdefault(region, RegionVotes(region, [])).states.append(
            (state, detail.by_state[state.iso3]))
    return list(regions.values())
