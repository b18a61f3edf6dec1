"""Dashboard tables: communications by region and year, reply rates, co-sponsorship."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from tracker.models import (
    Draft,
    Region,
    RegionMembership,
    RegionScheme,
    Resolution,
    Sponsorship,
    State,
)
from tracker.resolutions import status_of
from tracker.search import Matches
from tracker.sponsorships import members_on, via_groups
from tracker.states import scheme_by_slug, states_by_region


@dataclass
class RegionRow:
    region: str
    term: str
    by_year: dict[str, int]
    total: int
    women: int
    coded: int

    def share(self, grand_total: int) -> float:
        return self.total / grand_total if grand_total else 0.0

    @property
    def women_share(self) -> float | None:
        return self.women / self.coded if self.coded else None


def region_year_table(found: Matches, session: Session, *, scheme_slug: str
                      ) -> tuple[list[RegionRow], list[str]]:
    """The shape of the Special Rapporteur's table: per region, letters by year, share
    of all letters, and the share concerning women among those coded."""
    from tracker.search import region_term

    scheme = scheme_by_slug(session, scheme_slug)
    table = found.crosstab("region", "year")
    women = found.crosstab("region", "women")
    years = sorted({y for counts in table.values() for y in counts})
    rows = []
    for name in _regions_with_states(session, scheme) if scheme else []:
        term = region_term(scheme.slug, name)
        by_year = table.get(term, {})
        coding = women.get(term, {})
        rows.append(RegionRow(name, term, by_year, sum(by_year.values()),
                              coding.get("yes", 0), coding.get("yes", 0) + coding.get("no", 0)))
    return rows, years


def _regions_with_states(session: Session, scheme: RegionScheme) -> list[str]:
    """The names of the scheme's regions that hold a State, in `states_by_region`'s order
    (the region's order, name, then its first State's name): only the names, not every
    member built as ORM rows."""
    return list(session.exec(
        select(Region.name)
        .join(RegionMembership, RegionMembership.region_id == Region.id)
        .join(State, State.iso3 == RegionMembership.iso3)
        .where(Region.scheme_id == scheme.id, State.status != "former")
        .group_by(Region.id, Region.name, Region.sort_order)
        .order_by(Region.sort_order, Region.name, func.min(State.name))))


def reply_rates(found: Matches, names: dict[str, str]):
    table = found.crosstab("state", "reply")
    out = []
    for iso3, counts in table.items():
        if iso3 == "OTH":
            continue  # companies and organisations are not asked to reply as States are
        total = counts.get("replied", 0) + counts.get("awaiting", 0)
        out.append((iso3, names.get(iso3, iso3), total, counts.get("replied", 0)))
    out.sort(key=lambda r: (-r[2], r[1]))
    return out


def sponsorship_matrix(session: Session, symbols: list[str] | None = None, limit: int = 12):
    """States (grouped by UN regional group) x resolutions: each cell a status.

    The chosen resolutions, else the `limit` most recent ones: a table with every
    resolution of the catalogue would have a thousand columns.
    """
    day = func.coalesce(Resolution.adoption_date, func.max(Draft.date))
    stmt = (select(Resolution, day).join(Draft, Draft.resolution_id == Resolution.id)
            .group_by(Resolution.id).order_by(day.desc(), Resolution.symbol))
    stmt = stmt.where(Resolution.symbol.in_(symbols)) if symbols else stmt.limit(limit)
    dated = session.exec(stmt).all()
    chosen = [r for r, _ in dated]
    # Membership is counted on each resolution's day, as in its gap table.
    members = {d: set(session.exec(select(State.iso3).where(members_on(d))))
               for d in {d for _, d in dated}}
    day_of = {r.id: d for r, d in dated}
    families: dict[int, set[str]] = {}
    for resolution_id, family in session.exec(select(Draft.resolution_id, Draft.family).where(
            Draft.resolution_id.in_([r.id for r in chosen]))):
        families.setdefault(resolution_id, set()).add(family)
    all_families = {f for fs in families.values() for f in fs}
    by_family: dict[str, list[Sponsorship]] = {}
    for s in session.exec(select(Sponsorship).where(Sponsorship.family.in_(all_families))):
        by_family.setdefault(s.family, []).append(s)
    via_by_family = via_groups(session, all_families)
    resolutions = []
    for r in chosen:
        fams = families.get(r.id, set())
        all_rows = [s for f in fams for s in by_family.get(f, [])]
        if all_rows:
            rows = {s.iso3: s for s in all_rows if s.iso3}
            via = set().union(*(via_by_family.get(f, set()) for f in fams))
            resolutions.append((r, rows, via, members[day_of[r.id]]))
    resolutions.sort(key=lambda item: item[0].symbol)
    scheme = scheme_by_slug(session, "un-groups")
    groups = []
    for group in states_by_region(session, scheme):
        current = [state for state, m in group.members if m.counts]
        groups.append((group.region.name, [
            (state, [status_of(rows.get(state.iso3), r.body, state, state.iso3 in via,
                               state.iso3 in then)
                     for r, rows, via, then in resolutions])
            for state in current]))
    return [r for r, *_ in resolutions], groups
