"""Resolutions: their drafts, sponsorship timeline, final sponsors, votes and gaps."""

from dataclasses import dataclass

from sqlmodel import Session, select

from tracker.models import (
    Draft,
    Resolution,
    Sponsorship,
    SponsorshipEvent,
    State,
    Vote,
    VoteCast,
)
from tracker.sponsorships import GroupGap, regional_gaps, via_group_codes


@dataclass
class ResolutionView:
    resolution: Resolution
    drafts: list[Draft]
    events: list[SponsorshipEvent]
    sponsorships: list[Sponsorship]
    votes: list[tuple[Vote, list[VoteCast]]]
    gaps: list[GroupGap]
    statuses: dict[str, str]  # ISO3 -> main | co | withdrew | never | not a member

    @property
    def families(self) -> list[str]:
        return sorted({d.family for d in self.drafts})

    @property
    def final(self) -> list[Sponsorship]:
        return [s for s in self.sponsorships if not s.withdrawn and (s.iso3 or s.group_name)]

    @property
    def withdrawn(self) -> list[Sponsorship]:
        return [s for s in self.sponsorships if s.withdrawn]


def list_resolutions(session: Session) -> list[tuple[Resolution, int, int]]:
    """Every resolution with its count of final sponsors and of recorded sponsorship rows."""
    out = []
    for r in session.exec(select(Resolution).order_by(Resolution.adoption_date.desc(),
                                                      Resolution.symbol)):
        families = {d.family for d in session.exec(select(Draft)
                                                   .where(Draft.resolution_id == r.id))}
        rows = list(session.exec(select(Sponsorship).where(Sponsorship.family.in_(families)))) \
            if families else []
        final = len({s.iso3 for s in rows if s.iso3 and not s.withdrawn})
        out.append((r, final, len(rows)))
    return out


def status_of(row: Sponsorship | None, body: str, state: State, via_group: bool = False
              ) -> str:
    if state.status != "member":
        return "not a member"
    if row is None:
        return "co" if via_group else "never"
    if row.withdrawn:
        return "withdrew"
    if row.role == "main" or (row.role == "cover" and body != "HRC"):
        return "main"
    return "co"


def resolution_view(session: Session, symbol: str, scheme: str = "un-groups"
                    ) -> ResolutionView | None:
    r = session.exec(select(Resolution).where(Resolution.symbol == symbol)).first()
    if r is None:
        return None
    drafts = list(session.exec(select(Draft).where(Draft.resolution_id == r.id)
                               .order_by(Draft.symbol)))
    families = sorted({d.family for d in drafts})
    events = list(session.exec(select(SponsorshipEvent)
                               .where(SponsorshipEvent.family.in_(families))
                               .order_by(SponsorshipEvent.date, SponsorshipEvent.action,
                                         SponsorshipEvent.id))) if families else []
    sponsorships = list(session.exec(select(Sponsorship)
                                     .where(Sponsorship.family.in_(families))
                                     .order_by(Sponsorship.raw_name))) if families else []
    symbols = [r.symbol, *(d.symbol for d in drafts)]
    votes = [(v, list(session.exec(select(VoteCast).where(VoteCast.vote_id == v.id)
                                   .order_by(VoteCast.raw_name))))
             for v in session.exec(select(Vote).where(Vote.symbol.in_(symbols)))]
    gaps = [g for family in families[:1] for g in regional_gaps(session, family, scheme)]
    by_state = {s.iso3: s for s in sponsorships if s.iso3}
    via = {iso3 for family in families for iso3 in via_group_codes(session, family)}
    statuses = {st.iso3: status_of(by_state.get(st.iso3), r.body, st, st.iso3 in via)
                for st in session.exec(select(State))}
    return ResolutionView(r, drafts, events, sponsorships, votes, gaps, statuses)
