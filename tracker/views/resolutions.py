"""Resolutions: the list, and each one's sponsorship history, vote and co-sponsor gaps."""

from collections import Counter
from dataclasses import dataclass, field

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select

from tracker.auth import PUBLIC, access
from tracker.charts import Bar, bar_chart, mapped_m49, vote_map, world_map
from tracker.db import get_session
from tracker.models import State
from tracker.page_cache import cached
from tracker.resolutions import list_resolutions, resolution_view
from tracker.states import schemes
from tracker.views.helpers import with_query
from tracker.views.output import respond, routes
from tracker.views.sorting import Sorting, page_of, symbol_key, text_key
from tracker.vocabulary import label
from tracker.vote_words import vote_anchor
from tracker.votes import votes_by_region
from tracker.voting import FACET_VALUES, region_of, stance_lines, target_of, vote_facets

bp = Blueprint("resolutions", __name__)

RESOLUTIONS = Sorting({"symbol": lambda r: symbol_key(r["symbol"]),
                       "body": lambda r: r["body"], "title": lambda r: text_key(r["title"]),
                       "date": lambda r: r["date"],
                       # No sponsorship data at all is not "0 sponsors": it sorts last.
                       "final_sponsors": lambda r: r["final_sponsors"] if r["sponsorship_rows"]
                       else None},
                      default="symbol")
# A resolution's rows (JSON and CSV) are every State's status; the page's table is the gaps.
STATUSES = Sorting({"state": lambda r: text_key(r["state"]), "iso3": lambda r: r["iso3"],
                    "status": lambda r: r["status"], "group": lambda r: text_key(r["group"])},
                   default="state")
# Gaps are (position in the scheme, GroupGap) pairs: "region" keeps the scheme's order.
GAPS = Sorting({"region": lambda ig: ig[0], "final_sponsors": lambda ig: len(ig[1].sponsors),
                "members": lambda ig: len(ig[1].members), "share": lambda ig: ig[1].share,
                "missing": lambda ig: len(ig[1].missing)},
               default="region", param="gaps_sort", anchor="gap")


@dataclass
class Listed:
    """The resolutions list as every reader gets it, kept by tracker.page_cache: its rows
    (without their links, which name the host asked) and the rows in each order asked so
    far. Shared between requests: nothing here is changed after."""

    rows: list[dict]
    orders: dict[str, list[dict]] = field(default_factory=dict)

    def ordered(self, order) -> list[dict]:
        # Sorting costs a symbol's natural key per row (1,255 with the catalogue); two
        # threads may both sort, harmlessly.
        if order.value not in self.orders:
            self.orders[order.value] = order.apply(self.rows)
        return self.orders[order.value]


def listed(session) -> Listed:
    items = list_resolutions(session)
    # How each was adopted (without a vote, recorded vote…), as the search index has it.
    adopted = vote_facets(session, [item.resolution for item in items])
    rows = [{"symbol": item.resolution.symbol, "body": item.resolution.body,
             "title": item.resolution.title, "adopted": item.resolution.adoption_date,
             "method": item.resolution.adoption_method, "vote": adopted[item.resolution.symbol],
             "date": item.date, "date_is": item.date_is,
             "final_sponsors": item.final, "sponsorship_rows": item.rows}
            for item in items]
    return Listed(rows)


@routes(bp, "/resolutions/")
@access(PUBLIC)
def index(fmt):
    order = RESOLUTIONS.read()
    session = get_session()
    # Resolutions, drafts, sponsorships and votes only: the same for every reader and
    # language until one of them changes (the change log says when).
    kept = cached(session, "resolutions_list", None, lambda: listed(session))
    every = kept.ordered(order)
    asked = [v for v in request.args.getlist("vote") if v in FACET_VALUES]
    rows = [r for r in every if r["vote"] in asked] if asked else every
    counts = Counter(r["vote"] for r in every)

    def html():
        shown, page, pages = page_of(rows, current_app.config["PAGE_SIZE"])
        return render_template("resolutions/index.html", rows=shown, total=len(rows),
                               page=page, pages=pages, order=order, asked=asked,
                               vote_counts=[(v, counts[v]) for v in FACET_VALUES if counts[v]])

    # The JSON and CSV link each row, from the host asked: new dicts, the kept ones as
    # they are.
    linked = [{**r, "page": url_for("resolutions.show", symbol=r["symbol"], _external=True)}
              for r in rows] if fmt != "html" else rows
    return respond(fmt, rows=linked, filename="resolutions",
                   columns=["symbol", "body", "title", "adopted", "method", "vote", "date",
                            "date_is", "final_sponsors", "sponsorship_rows", "page"],
                   meta={"sort": order.value, "filters": {"vote": asked} if asked else {},
                         "facets": {"vote": dict(counts)}}, html=html)


@routes(bp, "/resolutions/<path:symbol>")
@access(PUBLIC)
def show(symbol, fmt):
    order, gap_order = STATUSES.read(), GAPS.read()
    session = get_session()
    scheme = request.args.get("scheme", "un-groups")
    view = resolution_view(session, symbol, scheme,
                           council_only=request.args.get("among") == "council")
    if view is None:
        # A draft's or an amendment's symbol leads to the resolution, at the amendment.
        target = target_of(session, symbol)
        if target is None:
            abort(404, description=_("No resolution with that symbol in the database."))
        return redirect(with_query(url_for(request.endpoint, symbol=target.symbol),
                                   request.args.to_dict(flat=False)) + "#" + vote_anchor(symbol))
    states = {s.iso3: s for s in session.exec(select(State))}
    # By code: comparing State rows is a pydantic comparison of every field, 193 × 193.
    group_of: dict[str, str] = {}
    for g in view.gaps:
        for member in g.members:
            group_of.setdefault(member.iso3, g.region)
    rows = order.apply(
        {"iso3": iso3, "state": states[iso3].name, "status": status,
         "group": group_of.get(iso3, "")}
        for iso3, status in view.statuses.items())
    gaps = [g for _, g in gap_order.apply(enumerate(view.gaps))]
    meta = {"symbol": view.resolution.symbol, "title": view.resolution.title,
            "drafts": [d.symbol for d in view.drafts],
            "final_sponsors": sorted(s.iso3 or s.group_name for s in view.final),
            "gaps": [{"region": g.region, "members": len(g.members),
                      "sponsors": len(g.sponsors), "missing": [m.iso3 for m in g.missing]}
                     for g in gaps],
            "sort": {"rows": order.value, "gaps": gap_order.value},
            "votes": [vote_meta(sheet) for sheet in view.votes.own],
            "amendments": [vote_meta(sheet) for sheet in view.votes.amendments]}

    def html():
        m49 = {s.iso3: s.m49 for s in states.values()}
        names = {s.m49: s.name for s in states.values()}
        chart = bar_chart([Bar(label(g.region, "region"), len(g.sponsors),
                               note=f"of {len(g.members)}") for g in view.gaps],
                          title="Final sponsors by regional group")
        world = world_map({m49[i]: st for i, st in view.statuses.items()}, names,
                          title=f"Sponsorship of {view.resolution.symbol} by State",
                          links={m49[i]: url_for("states.show", iso3=i) for i in states})
        # Small States that were members that day; former members have no map shape.
        off_map = sorted((states[i] for i, status in view.statuses.items()
                          if m49[i] not in mapped_m49() and status != "not a member"),
                         key=lambda s: s.name)
        return render_template("resolutions/show.html", v=view, chart=chart, world=world,
                               off_map=off_map, schemes=schemes(session), scheme=scheme,
                               gaps=gaps, gap_order=gap_order,
                               **vote_parts(session, view, scheme, states, m49, names))

    return respond(fmt, rows=rows, columns=["iso3", "state", "status", "group"],
                   filename=view.resolution.symbol.replace("/", "-"), meta=meta, html=html)


def vote_meta(sheet) -> dict:
    """A vote as the page's JSON gives it: totals, outcome and each State's vote."""
    return {"symbol": sheet.vote.symbol, "date": sheet.vote.date, "kind": sheet.kind,
            "method": sheet.vote.method, "outcome": sheet.outcome, "totals": sheet.totals,
            "states": dict(sorted(sheet.by_state.items()))}


def vote_parts(session, view, scheme, states, m49, names) -> dict:
    """What the page shows of the votes: the vote by region and on the map, each State's
    line beside its sponsorship, and the amendments."""
    main = view.votes.main
    # Without a recorded vote on the text itself, the amendments' votes still set the
    # sponsors beside their votes.
    lines = (stance_lines(view.statuses, view.votes, view.names)
             if any(s.by_state for s in [*view.votes.own, *view.votes.amendments]) else [])
    if main is None or not main.by_state:
        return {"main": main, "regions": [], "vote_world": None, "lines": lines,
                "region_names": region_of(session, scheme) if lines else {},
                "vote_off_map": []}
    labels = {v: label(v, "vote") for v in ("Y", "N", "A", "X")}
    labels[""] = _("not voting (not a member)")
    world = vote_map({m49[i]: main.by_state.get(i, "") for i in states}, names, labels,
                     title=_("The vote on %(symbol)s by State", symbol=view.resolution.symbol),
                     links={m49[i]: url_for("states.show", iso3=i) for i in states})
    return {"main": main, "regions": votes_by_region(session, main, scheme),
            "vote_world": world, "lines": lines,
            "region_names": region_of(session, scheme),
            "vote_off_map": sorted((states[i] for i in main.by_state
                                    if m49[i] not in mapped_m49()), key=lambda s: s.name)}
