"""Human labels for the codes the index and database use (states, mandates, regions)."""

from flask_babel import gettext
from sqlmodel import Session, select

from tracker.models import Mandate, Region, RegionScheme, State
from tracker.search import region_term


def state_names(session: Session) -> dict[str, str]:
    names = {s.iso3: s.name for s in session.exec(select(State))}
    names["OTH"] = gettext("Companies and other non-State addressees")
    return names


def mandate_names(session: Session) -> dict[str, Mandate]:
    return {m.slug: m for m in session.exec(select(Mandate))}


def region_names(session: Session) -> dict[str, tuple[str, str]]:
    """Index term -> (scheme slug, region name)."""
    rows = session.exec(select(RegionScheme.slug, Region.name)
                        .join(Region, Region.scheme_id == RegionScheme.id)).all()
    return {region_term(slug, name): (slug, name) for slug, name in rows}
