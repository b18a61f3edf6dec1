"""Human labels for the codes the index and database use (states, mandates, regions)."""

from flask_babel import get_locale, gettext
from sqlmodel import Session, select

from tracker.models import Mandate, Region, RegionScheme, State
from tracker.page_cache import cached
from tracker.search import NONE_FOUND, region_term
from tracker.vocabulary import label


def state_names(session: Session) -> dict[str, str]:
    """Every State's name by code; read once per process until a State changes
    (tracker.page_cache): the search page and dashboards ask on every request."""
    def read():
        # Two columns, not ~200 State rows built as ORM objects.
        names = dict(session.exec(select(State.iso3, State.name)).all())
        names["OTH"] = gettext("Companies and other non-State addressees")
        return names

    return dict(cached(session, "state_names", str(get_locale()), read))


def mandate_names(session: Session) -> dict[str, Mandate]:
    return {m.slug: m for m in session.exec(select(Mandate))}


def region_names(session: Session) -> dict[str, tuple[str, str]]:
    """Index term -> (scheme slug, region name)."""
    rows = session.exec(select(RegionScheme.slug, Region.name)
                        .join(Region, Region.scheme_id == RegionScheme.id)).all()
    return {region_term(slug, name): (slug, name) for slug, name in rows}


def code_label(slug: str, kind: str) -> str:
    """A coded value (an attack type, a perpetrator, a risk) in the reader's language.

    The coding vocabulary names them (label(slug, kind)); a slug it does not know (a rules
    file newer than the vocabulary) is shown readably ("travel_ban": "Travel ban").
    """
    if slug == NONE_FOUND:
        return gettext("none found")
    shown = label(slug, kind)
    return shown if shown != slug else slug.replace("_", " ").capitalize()
