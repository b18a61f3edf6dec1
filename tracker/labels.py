"""Human labels for the codes the index and database use (states, mandates, regions)."""

from flask_babel import gettext
from sqlmodel import Session, select

from tracker.models import Mandate, Region, RegionScheme, State
from tracker.search import NONE_FOUND, region_term
from tracker.vocabulary import N_, label


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


# The kinds of perpetrator (coding_spec.md: each perpetrator's parent), in case the coding
# vocabulary names only the perpetrators themselves.
PERPETRATOR_TYPES = {"state": N_("State actors"), "non_state": N_("Non-State actors"),
                     "unknown": N_("Unknown perpetrator")}


# Until the coding vocabulary (tracker/data/coding/vocabulary.toml) names a slug, the
# issue's English words for it; other slugs read as words ("travel_ban": "Travel ban").
UNTIL_VOCABULARY = {
    "torture": "Torture or ill-treatment", "sgbv": "Sexual or gender-based violence",
    "stigmatisation": "Stigmatisation and smear campaigns", "raid": "Raids",
    "reprisal_un": "Reprisals for cooperation with the UN",
    "restrictions_organisations": "Restrictions on organisations",
    "leaders": "Community or religious leaders", "land_environment": "Land and environment",
    "indigenous": "Indigenous peoples", "sogi": "Sexual orientation and gender identity",
    "srhr": "Sexual and reproductive rights"}


def code_label(slug: str, kind: str) -> str:
    """A coded value (an attack type, a perpetrator, a risk) in the reader's language.

    The coding vocabulary names them (label(slug, kind)); a slug it does not know yet is
    shown readably ("judicial_harassment": "Judicial harassment"), never as a code.
    """
    shown = label(slug, kind)
    if shown != slug:
        return shown
    if slug == NONE_FOUND:
        return gettext("none found")
    if kind == "perpetrator_type" and slug in PERPETRATOR_TYPES:
        return gettext(PERPETRATOR_TYPES[slug])
    return UNTIL_VOCABULARY.get(slug) or slug.replace("_", " ").capitalize()
