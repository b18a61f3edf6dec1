"""Resolutions: their drafts, sponsorship timeline, final sponsors, votes and gaps."""

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import case, distinct
from sqlmodel import Session, func, select

from tracker.ingest import hrc_members_on
from tracker.models import (
    Draft,
    Resolution,
    Sponsorship,
    SponsorshipEvent,
    State,
)
from tracker.sponsorships import (
    GroupGap,
    family_date,
    family_withdrawn,
    members_on,
    regional_gaps,
    regional_gaps_of,
    via_group_codes,
)
from tracker.store import chunks
from tracker.voting import ResolutionSheets, resolution_votes


@dataclass
class ResolutionView:
    resolution: Resolution
    drafts: list[Draft]
    events: list[SponsorshipEvent]
    sponsorships: list[Sponsorship]
    votes: ResolutionSheets
    gaps: list[GroupGap]
    statuses: dict[str, str]  # ISO3 -> main | co | withdrew | never | not a member
    day: dt.date | None = None  # the day membership is counted on
    withdrawn_by_sponsors: bool = False  # the last draft was withdrawn: no final sponsors
    names: dict[str, str] = field(default_factory=dict)  # ISO3 -> UN short name
    council_only: bool = False  # gaps counted among the Council's members on the day

    @property
    def families(self) -> list[str]:
        return sorted({d.family for d in self.drafts})

    @property
    def final(self) -> list[Sponsorship]:
        if self.withdrawn_by_sponsors:
            return []
        return [s for s in self.sponsorships if not s.withdrawn and (s.iso3 or s.group_name)]

    @property
    def withdrawn(self) -> list[Sponsorship]:
        return [s for s in self.sponsorships if s.withdrawn]


@dataclass
class ResolutionRow:
    """One line of the resolutions list."""

    resolution: Resolution
    final: int  # distinct States that remained sponsors
    rows: int  # sponsorship rows recorded: 0 means no sponsorship data at all
    draft_date: dt.date | None = None  # the last draft's date

    @property
    def date(self) -> dt.date | None:
        """The day we know: the adoption, else the last draft's (see `date_is`)."""
        return self.resolution.adoption_date or self.draft_date

    @property
    def date_is(self) -> str:
        if self.resolution.adoption_date:
            return "adopted"
        return "draft" if self.draft_date else "unknown"


def list_resolutions(session: Session) -> list[ResolutionRow]:
    """Every resolution with its count of final sponsors, of recorded sponsorship rows, and
    its last draft's date (the adoption date is often not recorded)."""
    drafted: dict[int, dt.date] = {}
    for resolution_id, day in session.exec(
            select(Draft.resolution_id, Draft.date).where(Draft.resolution_id.is_not(None))):
        if day and (resolution_id not in drafted or day > drafted[resolution_id]):
            drafted[resolution_id] = day
    # Counted by the database: reading every sponsorship row (140,000 with the catalogue)
    # into Python was most of this list's time, on every request.
    pairs = (select(Draft.resolution_id, Draft.family)
             .where(Draft.resolution_id.is_not(None)).distinct().subquery())
    still = case((Sponsorship.withdrawn.is_(False), Sponsorship.iso3))
    counts = {rid: (final, n) for rid, final, n in session.exec(
        select(pairs.c.resolution_id, func.count(distinct(still)), func.count())
        .join(Sponsorship, Sponsorship.family == pairs.c.family)
        .group_by(pairs.c.resolution_id))}
    out = []
    for r in session.exec(select(Resolution).order_by(Resolution.adoption_date.desc(),
                                                      Resolution.symbol)):
        final, n = counts.get(r.id, (0, 0))
        out.append(ResolutionRow(r, final, n, drafted.get(r.id)))
    return out


def history_order(events: list[SponsorshipEvent],
                  drafts: list[Draft]) -> list[SponsorshipEvent]:
    """Order a sponsorship history by its documents, each after the dated one it follows.

    A document's day is its events' date, else its draft's date. An undated document (the
    committee's report listing later sponsors and withdrawals, a session report) comes
    after its family's last dated document, not before everything; documents keep the
    order they were read in, and within one, dated lines come first, then joins before
    withdrawals, as printed.
    """
    day_of_doc: dict[str, dt.date] = {d.symbol: d.date for d in drafts if d.date}
    for e in events:
        if e.date and (e.source_document not in day_of_doc
                       or e.date < day_of_doc[e.source_document]):
            day_of_doc[e.source_document] = e.date
    last_of_family: dict[str, dt.date] = {}
    for e in events:
        day = e.date or day_of_doc.get(e.source_document)
        if day and (e.family not in last_of_family or day > last_of_family[e.family]):
            last_of_family[e.family] = day
    first_seen: dict[str, int] = {}
    for e in sorted(events, key=lambda e: e.id or 0):
        first_seen.setdefault(e.source_document, e.id or 0)

    def key(e: SponsorshipEvent):
        own = e.date or day_of_doc.get(e.source_document)
        anchor = own or last_of_family.get(e.family)
        return (anchor is None, anchor or dt.date.min, own is None, first_seen[e.source_document],
                e.date is None, e.action != "join", e.id or 0)

    return sorted(events, key=key)


def status_of(row: Sponsorship | None, body: str, state: State, via_group: bool = False,
              member: bool | None = None) -> str:
    """A State's sponsorship; `member` says whether it was a UN member on the day (by
    default: whether it is one today)."""
    if not (state.status == "member" if member is None else member):
        return "not a member"
    if row is None:
        return "co" if via_group else "never"
    if row.withdrawn:
        return "withdrew"
    if row.role == "main" or (row.role == "cover" and body != "HRC"):
        return "main"
    return "co"


def _family_and_day(session: Session, r: Resolution, drafts: list[Draft]):
    """The resolution's draft families and the day its sponsors are counted on."""
    families = sorted({d.family for d in drafts})
    day = r.adoption_date or (family_date(session, families[0]) if families else None)
    return families, day


def resolution_gaps(session: Session, symbol: str, scheme: str = "un-groups") -> list:
    """Only the regional gaps of a resolution page: what a brief lists for each of a
    State's 1,000-odd sponsorships, without the page's history, votes and statuses."""
    r = session.exec(select(Resolution).where(Resolution.symbol == symbol)).first()
    if r is None:
        return []
    drafts = list(session.exec(select(Draft).where(Draft.resolution_id == r.id)))
    families, day = _family_and_day(session, r, drafts)
    return [g for family in families[:1] for g in regional_gaps(session, family, scheme, day)]


def resolutions_gaps(session: Session, symbols: list[str],
                     scheme: str = "un-groups") -> dict[str, list[GroupGap]]:
    """`resolution_gaps` of many resolutions, by symbol, in a few queries whatever their
    number: a State's brief asks for the gaps of every resolution it lists."""
    adopted: dict[int, tuple[str, dt.date | None]] = {}
    for chunk in chunks(sorted(set(symbols))):
        for rid, symbol, day in session.exec(select(Resolution.id, Resolution.symbol,
                                                    Resolution.adoption_date)
                                             .where(Resolution.symbol.in_(chunk))):
            adopted[rid] = (symbol, day)
    families: dict[int, set[str]] = {}
    for chunk in chunks(list(adopted)):
        for rid, family in session.exec(select(Draft.resolution_id, Draft.family)
                                        .where(Draft.resolution_id.in_(chunk))):
            families.setdefault(rid, set()).add(family)
    # The first family, counted on the adoption day (None: the family's day, as
    # _family_and_day finds it).
    first = {symbol: (min(families[rid]), day) for rid, (symbol, day) in adopted.items()
             if rid in families}
    gaps = regional_gaps_of(session, first.values(), scheme)
    return {symbol: gaps[first[symbol]] if symbol in first else [] for symbol in symbols}


def resolution_view(session: Session, symbol: str, scheme: str = "un-groups",
                    council_only: bool = False) -> ResolutionView | None:
    """Everything a resolution page shows; `council_only` counts the gaps among the
    Human Rights Council's members on the day instead of all UN members."""
    r = session.exec(select(Resolution).where(Resolution.symbol == symbol)).first()
    if r is None:
        return None
    drafts = list(session.exec(select(Draft).where(Draft.resolution_id == r.id)
                               .order_by(Draft.symbol)))
    families, day = _family_and_day(session, r, drafts)
    events = history_order(list(session.exec(select(SponsorshipEvent).where(
        SponsorshipEvent.family.in_(families)))), drafts) if families else []
    sponsorships = list(session.exec(select(Sponsorship)
                                     .where(Sponsorship.family.in_(families))
                                     .order_by(Sponsorship.raw_name))) if families else []
    votes = resolution_votes(session, r)
    among = hrc_members_on(session, day) if council_only and day else None
    gaps = [g for family in families[:1]
            for g in regional_gaps(session, family, scheme, day, among)]
    by_state = {s.iso3: s for s in sponsorships if s.iso3}
    via = {iso3 for family in families for iso3 in via_group_codes(session, family)}
    members = set(session.exec(select(State.iso3).where(members_on(day))))
    states = session.exec(select(State)).all()
    statuses = {st.iso3: status_of(by_state.get(st.iso3), r.body, st, st.iso3 in via,
                                   st.iso3 in members) for st in states}
    return ResolutionView(r, drafts, events, sponsorships, votes, gaps, statuses, day,
                          any(family_withdrawn(session, f) for f in families),
                          {st.iso3: st.name for st in states}, among is not None)
