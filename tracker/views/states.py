"""The states pages: every state grouped by region, in any scheme, and each State's profile."""

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select

from tracker.auth import PUBLIC, access
from tracker.db import get_session
from tracker.models import State
from tracker.profiles import state_profile
from tracker.states import scheme_by_slug, schemes, states_by_region
from tracker.views.output import respond, routes
from tracker.views.sorting import Sorting, natural_key, page_of, symbol_key, text_key
from tracker.votes import SUBJECTS, agreement_rate
from tracker.voting import state_record

bp = Blueprint("states", __name__)

# The rows are dicts, the same for the page, its JSON and its CSV.
STATES = Sorting({"name": lambda r: text_key(r["name"]), "iso3": lambda r: r["iso3"],
                  "region": lambda r: (r["region_order"], text_key(r["region"]),
                                       text_key(r["name"])),
                  "m49": lambda r: r["m49"], "status": lambda r: r["status"]},
                 default="region", anchor="states")
# A State's page has three tables: its letters awaiting a reply (the page's CSV rows), its
# sponsorships (paged: Germany has thousands) and its votes, each with its own parameter.
LETTERS = Sorting({"reference": lambda c: (c.year, c.number), "date": lambda c: c.date,
                   "type": lambda c: c.type}, default="-date", anchor="awaiting")
SPONSORSHIPS = Sorting({"resolution": lambda r: symbol_key(r.symbol),
                        "title": lambda r: text_key(r.title),
                        "date": lambda r: r.day, "status": lambda r: r.status,
                        "source": lambda r: natural_key(r.source)},
                       default="-date", param="sponsorships_sort", anchor="resolutions")
VOTES = Sorting({"symbol": lambda r: symbol_key(r.vote.symbol), "date": lambda r: r.vote.date,
                 "title": lambda r: text_key(r.title), "kind": lambda r: r.kind,
                 "outcome": lambda r: r.outcome, "vote": lambda r: r.value},
                default="-date", param="votes_sort", anchor="votes")
# The voting record's filters, read from the query: body, agenda item, subject, kind.
RECORD_FILTERS = ("body", "agenda", "subject", "kind")
RECORD_KINDS = ("resolution", "decision", "amendment")


@routes(bp, "/states")
@access(PUBLIC)
def index(fmt="html"):
    session = get_session()
    scheme = scheme_by_slug(session, request.args.get("scheme", "un-groups"))
    if scheme is None:
        abort(404, description=_("No region scheme by that name."))
    order = STATES.read()
    groups = states_by_region(session, scheme)
    rows = order.apply(
        {"iso3": state.iso3, "name": state.name, "region": g.region.name,
         "region_id": g.region.id, "region_order": g.region.sort_order, "role": m.role,
         "counted_here": m.counts, "status": state.status, "m49": state.m49,
         "page": url_for("states.show", iso3=state.iso3, _external=True)}
        for g in groups for state, m in g.members)
    return respond(fmt, rows=rows, filename=f"states-{scheme.slug}",
                   columns=["iso3", "name", "region", "role", "counted_here", "status", "m49",
                            "page"],
                   meta={"scheme": scheme.slug, "sort": order.value},
                   html=lambda: render_template("states/index.html", scheme=scheme,
                                                schemes=schemes(session), groups=groups,
                                                rows=rows, order=order))


@routes(bp, "/states/<iso3>")
@access(PUBLIC)
def show(iso3, fmt):
    letters, sponsorships, votes = LETTERS.read(), SPONSORSHIPS.read(), VOTES.read()
    profile = state_profile(get_session(), iso3.upper())
    if profile is None:
        abort(404, description=_("No State with that code."))
    awaiting = letters.apply(profile.awaiting)
    records = sponsorships.apply(profile.sponsorships)
    session = get_session()
    filters = {k: request.args.get(k, "").strip()[:40] for k in RECORD_FILTERS}
    asked = record_filters(filters)
    cast = votes.apply(state_record(session, profile.state.iso3, **asked)
                       if asked else profile.votes)
    other = request.args.get("with", "").strip().upper()[:3]
    other_state = session.get(State, other) if other and other != profile.state.iso3 else None
    # Over the same votes as the list: the filters, every body unless one is chosen.
    agreed = agreement_rate(session, profile.state.iso3, other_state.iso3,
                            **{"body": None, **asked}) if other_state else None
    # Thousands for some States: made only for the JSON and CSV, which list them all.
    rows = [{"reference": c.reference, "date": c.date, "type": c.type,
             "page": url_for("communications.show", comm_id=c.id, _external=True)}
            for c in awaiting] if fmt != "html" else []
    # Only the JSON and CSV give it: France's thousands of sponsorships listed again.
    meta = None
    if fmt != "html":
        meta = {"iso3": profile.state.iso3, "name": profile.state.name,
                "communications": profile.total, "replied": profile.replied,
                "by_year": dict(profile.by_year), "by_type": dict(profile.by_type),
                "by_mandate": {m.site_label: n for m, n in profile.by_mandate},
                "sponsorships": [{"family": r.family, "status": r.status,
                                  "resolution": r.resolution.symbol if r.resolution else None,
                                  "date": r.day, "source": r.source}
                                 for r in records],
                "votes": [{"symbol": r.vote.symbol, "date": r.vote.date, "body": r.vote.body,
                           "kind": r.kind, "title": r.title, "agenda_item": r.vote.agenda_item,
                           "outcome": r.outcome, "vote": r.value} for r in cast],
                "vote_filters": {k: v for k, v in filters.items() if v},
                "agreement": {"with": other_state.iso3, "same": agreed.same,
                              "both_cast": agreed.together, "rate": agreed.rate}
                if agreed else None,
                "regions": [{"scheme": s, "region": r, "role": role}
                            for s, r, role in profile.places],
                "rows_are": "communications awaiting a reply",
                "sort": {"rows": letters.value, "sponsorships": sponsorships.value,
                         "votes": votes.value}}

    def html():
        shown, page, pages = page_of(records, current_app.config["PAGE_SIZE"])
        cast_shown, votes_page, votes_pages = page_of(cast, current_app.config["PAGE_SIZE"],
                                                      "votes_page")
        # Paged like the sponsorships: Mexico awaits replies to thousands of letters.
        letters_shown, letters_page, letters_pages = page_of(
            awaiting, current_app.config["PAGE_SIZE"], "letters_page")
        return render_template("states/show.html", p=profile, awaiting=awaiting, cast=cast,
                               records=shown, page=page, pages=pages, letters=letters,
                               letters_shown=letters_shown, letters_page=letters_page,
                               letters_pages=letters_pages,
                               sponsorships=sponsorships, votes=votes,
                               cast_shown=cast_shown, votes_page=votes_page,
                               votes_pages=votes_pages, filters=filters,
                               choices=record_choices(profile.votes),
                               others=sorted(session.exec(select(State.iso3, State.name)
                                                          .where(State.iso3 != iso3.upper()))
                                             .all(), key=lambda s: text_key(s[1])),
                               other=other_state, agreed=agreed)

    return respond(fmt, rows=rows, columns=["reference", "date", "type", "page"],
                   filename=f"{profile.state.iso3}-awaiting-reply", meta=meta, html=html)


def record_filters(filters: dict[str, str]) -> dict:
    """The record's filters as tracker.votes takes them; a value it cannot use is dropped."""
    asked = {"body": filters["body"] if filters["body"] in ("HRC", "GA") else None,
             "kind": filters["kind"] if filters["kind"] in RECORD_KINDS else None,
             "agenda_item": int(filters["agenda"]) if filters["agenda"].isdecimal()
             and len(filters["agenda"]) < 4 else None,
             "subject": filters["subject"] if filters["subject"] in SUBJECTS else None}
    return {k: v for k, v in asked.items() if v is not None}


def record_choices(rows) -> dict[str, list[str]]:
    """The values each filter of a voting record offers: those its votes have."""
    return {"body": sorted({r.vote.body for r in rows}),
            "agenda": [str(n) for n in sorted({r.vote.agenda_item for r in rows
                                               if r.vote.agenda_item is not None})],
            "subject": list(SUBJECTS),
            "kind": [k for k in RECORD_KINDS if any(r.kind == k for r in rows)]}
