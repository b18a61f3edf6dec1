"""Dashboard tables: communications by region and year, reply rates, co-sponsorship."""

from dataclasses import dataclass

from sqlmodel import Session, select

from tracker.models import Draft, Resolution, Sponsorship
from tracker.resolutions import status_of
from tracker.search import Matches
from tracker.sponsorships import via_group_codes
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
    for group in states_by_region(session, scheme) if scheme else []:
        term = region_term(scheme.slug, group.region.name)
        by_year = table.get(term, {})
        coding = women.get(term, {})
        rows.append(RegionRow(group.region.name, term, by_year, sum(by_year.values()),
                              coding.get("yes", 0), coding.get("yes", 0) + coding.get("no", 0)))
    return rows, years


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


def sponsorship_matrix(session: Session, symbols: list[str] | None = None):
    """States (grouped by UN regional group) x resolutions: each cell a status."""
    resolutions = []
    for r in session.exec(select(Resolution).order_by(Resolution.symbol)):
        families = {d.family for d in session.exec(select(Draft)
                                                   .where(Draft.resolution_id == r.id))}
        if not families or (symbols and r.symbol not in symbols):
            continue
        all_rows = list(session.exec(select(Sponsorship)
                                     .where(Sponsorship.family.in_(families))))
        rows = {s.iso3: s for s in all_rows if s.iso3}
        via = {i for f in families for i in via_group_codes(session, f)}
        if all_rows:
            resolutions.append((r, rows, via))
    scheme = scheme_by_slug(session, "un-groups")
    groups = []
    for group in states_by_region(session, scheme):
        members = [state for state, m in group.members if m.counts]
        groups.append((group.region.name, [
            (state, [status_of(rows.get(state.iso3), r.body, state, state.iso3 in via)
                     for r, rows, via in resolutions])
            for state in members]))
    return [r for r, _, _ in resolutions], groups
