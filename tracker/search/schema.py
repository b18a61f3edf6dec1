"""What the index holds: its fields, and the documents built from the database for it.

A communication or a resolution becomes one document. The facets are ID and KEYWORD
fields read by the facet table (facets.py); the text fields are analysed by
tracker.query's ANALYZER (accents folded, English stemmed).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session, select
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema

from tracker.documents import document_texts
from tracker.models import (
    Communication,
    CommunicationMandate,
    Draft,
    Mandate,
    Region,
    RegionMembership,
    RegionScheme,
    Reply,
    Resolution,
    Sponsorship,
    State,
)
from tracker.query import ANALYZER
from tracker.store import chunks
from tracker.voting import vote_facets

FACETS = ("doc_type", "state", "group", "region", "mandate", "type", "year", "reply",
          "women", "whrd", "body", "vote")
# The coded facets: what a letter reports (coding_spec.md's slugs) and whether it is coded.
CODED_FACETS = ("attack", "perpetrator", "perpetrator_type", "risk", "coded")
FACETS += CODED_FACETS



def make_schema() -> Schema:
    return Schema(
        key=ID(unique=True, stored=True),
        doc_type=ID(stored=True, sortable=True),
        reference=ID(stored=True, sortable=True),
        refwords=TEXT(analyzer=ANALYZER),  # "HND 5/2013" as words, for the default field
        type=ID(stored=True, sortable=True),
        date=DATETIME(stored=True, sortable=True),
        year=ID(stored=True, sortable=True),
        state=ID(stored=True, sortable=True),
        state_name=ID(sortable=True),  # to sort by the name a reader sees, not the code
        addressee=TEXT(analyzer=ANALYZER, stored=True),
        group=ID(stored=True, sortable=True),
        region=KEYWORD(commas=True, stored=True, sortable=True),
        mandate=KEYWORD(commas=True, stored=True, sortable=True),
        reply=ID(stored=True, sortable=True),
        women=ID(stored=True, sortable=True),
        whrd=ID(stored=True, sortable=True),
        summary=TEXT(analyzer=ANALYZER, stored=True),
        # The text of the letter and of the replies (tracker.documents), not stored: a
        # result's passage is read from the database (`passage`), keeping the index small.
        letter=TEXT(analyzer=ANALYZER),
        replies=TEXT(analyzer=ANALYZER),
        **coded_fields(),

        title=TEXT(analyzer=ANALYZER, stored=True),
        symbol=ID(stored=True),
        drafts=KEYWORD(commas=True, stored=True),
        body=ID(stored=True, sortable=True),
        session=ID(stored=True),
        method=ID(stored=True),
        # How a resolution was adopted: tracker.voting.FACET_VALUES (without a vote…)
        vote=ID(stored=True, sortable=True),
        sponsors=KEYWORD(commas=True, stored=True),
        url=STORED(),
        db_id=STORED(),
    )


def coded_fields() -> dict:
    """The index fields of the coded facets: slugs, several to a letter."""
    return {"attack": KEYWORD(commas=True, stored=True),
            "perpetrator": KEYWORD(commas=True, stored=True),
            "perpetrator_type": KEYWORD(commas=True, stored=True),
            "risk": KEYWORD(commas=True, stored=True),
            "coded": ID(stored=True)}



# --- documents from the database ------------------------------------------------------


def _flag(value: bool | None) -> str:
    return "not coded" if value is None else ("yes" if value else "no")


def is_coded(c: Communication) -> bool:
    """Whether a person or the rules have coded a letter at all ("not yet coded" if not)."""
    return c.coding_status is not None or any(
        v is not None for v in (c.women, c.whrd, c.attack_types, c.perpetrators,
                                c.perpetrator_type, c.risk_factors))


# The value of a coded facet when a coded letter names no such thing ("no attack type
# found"), so that those letters too are a list a number can link to.
NONE_FOUND = "none"


def coded_doc(c: Communication) -> dict[str, str]:
    """The coded facets of one letter, as the index holds them."""
    coded = is_coded(c)

    def slugs(text: str | None) -> str:
        found = ",".join(sorted({s.strip() for s in (text or "").split(",") if s.strip()}))
        return found or (NONE_FOUND if coded else "")

    return {"attack": slugs(c.attack_types), "perpetrator": slugs(c.perpetrators),
            "perpetrator_type": slugs(c.perpetrator_type), "risk": slugs(c.risk_factors),
            "coded": "coded" if coded else "uncoded"}


def region_term(scheme_slug: str, region_name: str) -> str:
    """The index term of a region: "sr-hrd:europe-north-america-and-central-asia"."""
    return f"{scheme_slug}:" + re.sub(r"[^a-z0-9]+", "-", region_name.lower()).strip("-")


def _regions_by_state(session: Session) -> tuple[dict[str, list[str]], dict[str, str]]:
    regions: dict[str, list[str]] = defaultdict(list)
    groups: dict[str, str] = {}
    rows = session.exec(select(RegionMembership.iso3, RegionMembership.counts, Region.name,
                               RegionScheme.slug)
                        .join(Region, Region.id == RegionMembership.region_id)
                        .join(RegionScheme, RegionScheme.id == Region.scheme_id)).all()
    for iso3, counts, name, slug in rows:
        regions[iso3].append(region_term(slug, name))
        if slug == "un-groups" and counts:
            groups[iso3] = name
    return regions, groups


def communication_docs(session: Session, ids: Iterable[int] | None = None):
    """Yield index documents for communications (all, or those ids), in few queries."""
    regions, groups = _regions_by_state(session)
    names = dict(session.exec(select(State.iso3, State.name)).all())
    slugs = {m.id: m.slug for m in session.exec(select(Mandate))}
    # In chunks even for all of them: a chunk's letters are read together (memory).
    id_list = list(session.exec(select(Communication.id))) if ids is None else list(ids)
    chunks = [None] if id_list is None else [id_list[i:i + 500]
                                             for i in range(0, len(id_list), 500)]
    for chunk in chunks:
        stmt = select(Communication)
        links = select(CommunicationMandate)
        replies = select(Reply.communication_id)
        if chunk is not None:
            stmt = stmt.where(Communication.id.in_(chunk))
            links = links.where(CommunicationMandate.communication_id.in_(chunk))
            replies = replies.where(Reply.communication_id.in_(chunk))
        mandates: dict[int, list[str]] = defaultdict(list)
        for link in session.exec(links):
            mandates[link.communication_id].append(slugs[link.mandate_id])
        replied = set(session.exec(replies))
        texts = document_texts(session, chunk)
        for c in session.exec(stmt):
            when = datetime.combine(c.date, datetime.min.time()) if c.date else None
            doc = {
                "key": f"comm:{c.id}", "doc_type": "communication", "db_id": c.id,
                "reference": c.reference, "refwords": c.reference, "type": c.type,
                # The year it was sent, as `date:` reads it, not the reference's year:
                # a letter numbered 2025 may go out in January 2026.
                "year": str(c.date.year) if c.date else "undated",
                "state": c.state_iso3 or "OTH",
                "state_name": names.get(c.state_iso3 or "", c.addressee_name),
                "addressee": c.addressee_name, "group": groups.get(c.state_iso3 or "", "none"),
                "region": ",".join(regions.get(c.state_iso3 or "", [])),
                "mandate": ",".join(sorted(mandates.get(c.id, []))),
                "reply": "replied" if c.id in replied else "awaiting",
                "women": _flag(c.women), "whrd": _flag(c.whrd), "summary": c.summary or "",
                "letter": texts.get(c.id, {}).get("letter", ""),
                "replies": texts.get(c.id, {}).get("replies", ""),

                "url": c.letter_url or c.source_url,
            }
            doc.update(coded_doc(c))
            if when:
                doc["date"] = when
            yield doc


def resolution_docs(session: Session, symbols: Iterable[str] | None = None):
    stmt = select(Resolution)
    if symbols is not None:
        stmt = stmt.where(Resolution.symbol.in_(list(symbols)))
    resolutions = session.exec(stmt).all()
    # Drafts and sponsors for all of them in two queries, not two per resolution.
    drafts_of: dict[int, list[Draft]] = {}
    for chunk in chunks([r.id for r in resolutions]):
        for d in session.exec(select(Draft).where(Draft.resolution_id.in_(chunk))):
            drafts_of.setdefault(d.resolution_id, []).append(d)
    sponsors_of: dict[str, set[str]] = {}
    for chunk in chunks({d.family for ds in drafts_of.values() for d in ds}):
        for family, iso3 in session.exec(
                select(Sponsorship.family, Sponsorship.iso3).where(
                    Sponsorship.family.in_(chunk), Sponsorship.iso3.is_not(None),
                    Sponsorship.withdrawn.is_(False))):
            sponsors_of.setdefault(family, set()).add(iso3)
    adopted = vote_facets(session, resolutions)
    for r in resolutions:
        drafts = sorted(drafts_of.get(r.id, []), key=lambda d: d.id)
        sponsors = sorted({iso3 for d in drafts for iso3 in sponsors_of.get(d.family, ())})
        title = r.title or ""
        doc = {"key": f"res:{r.symbol}", "doc_type": "resolution", "db_id": r.id,
               "symbol": r.symbol, "reference": r.symbol, "refwords": r.symbol,
               "title": title, "summary": title, "body": r.body,
               "session": r.session or "",
               "method": r.adoption_method or "", "vote": adopted[r.symbol],
               "drafts": ",".join(d.symbol for d in drafts),
               "sponsors": ",".join(sponsors), "state": "", "type": "", "reply": "",
               "women": "", "whrd": "", "group": "", "region": "", "mandate": ""}
        when = r.adoption_date or next((d.date for d in drafts if d.date), None)
        if when:
            doc["date"] = datetime.combine(when, datetime.min.time())
            doc["year"] = str(when.year)
        yield doc


