"""Resolutions: the list, and each one's sponsorship history, vote and co-sponsor gaps."""

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select

from tracker.auth import PUBLIC, access
from tracker.charts import Bar, bar_chart, mapped_m49, world_map
from tracker.db import get_session
from tracker.models import State
from tracker.resolutions import list_resolutions, resolution_view
from tracker.states import schemes
from tracker.views.output import respond, routes
from tracker.vocabulary import label

bp = Blueprint("resolutions", __name__)


@routes(bp, "/resolutions/")
@access(PUBLIC)
def index(fmt):
    session = get_session()
    items = list_resolutions(session)
    rows = [{"symbol": r.symbol, "body": r.body, "title": r.title, "adopted": r.adoption_date,
             "method": r.adoption_method, "final_sponsors": final,
             "page": url_for("resolutions.show", symbol=r.symbol, _external=True)}
            for r, final, _ in items]
    return respond(fmt, rows=rows, filename="resolutions",
                   columns=["symbol", "body", "title", "adopted", "method", "final_sponsors",
                            "page"],
                   html=lambda: render_template("resolutions/index.html", items=items))


@routes(bp, "/resolutions/<path:symbol>")
@access(PUBLIC)
def show(symbol, fmt):
    session = get_session()
    scheme = request.args.get("scheme", "un-groups")
    view = resolution_view(session, symbol, scheme,
                           council_only=request.args.get("among") == "council")
    if view is None:
        abort(404, description=_("No resolution with that symbol in the database."))
    states = {s.iso3: s for s in session.exec(select(State))}
    rows = [{"iso3": iso3, "state": states[iso3].name, "status": status,
             "group": next((g.region for g in view.gaps if states[iso3] in g.members), "")}
            for iso3, status in sorted(view.statuses.items(), key=lambda kv: states[kv[0]].name)]
    meta = {"symbol": view.resolution.symbol, "title": view.resolution.title,
            "drafts": [d.symbol for d in view.drafts],
            "final_sponsors": sorted(s.iso3 or s.group_name for s in view.final),
            "gaps": [{"region": g.region, "members": len(g.members),
                      "sponsors": len(g.sponsors), "missing": [m.iso3 for m in g.missing]}
                     for g in view.gaps]}

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
                               off_map=off_map, schemes=schemes(session), scheme=scheme)

    return respond(fmt, rows=rows, columns=["iso3", "state", "status", "group"],
                   filename=view.resolution.symbol.replace("/", "-"), meta=meta, html=html)
