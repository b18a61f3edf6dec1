"""The states pages: every state grouped by region, in any scheme."""

from flask import Blueprint, abort, render_template, request, url_for
from flask_babel import gettext as _

from tracker.auth import PUBLIC, access
from tracker.db import get_session
from tracker.profiles import state_profile
from tracker.states import scheme_by_slug, schemes, states_by_region
from tracker.views.output import respond, routes

bp = Blueprint("states", __name__)


@routes(bp, "/states")
@access(PUBLIC)
def index(fmt="html"):
    session = get_session()
    scheme = scheme_by_slug(session, request.args.get("scheme", "un-groups"))
    if scheme is None:
        abort(404, description=_("No region scheme by that name."))
    groups = states_by_region(session, scheme)
    rows = [{"iso3": state.iso3, "name": state.name, "region": g.region.name,
             "role": m.role, "counted_here": m.counts, "status": state.status,
             "m49": state.m49, "page": url_for("states.show", iso3=state.iso3, _external=True)}
            for g in groups for state, m in g.members]
    return respond(fmt, rows=rows, filename=f"states-{scheme.slug}",
                   columns=["iso3", "name", "region", "role", "counted_here", "status", "m49",
                            "page"],
                   meta={"scheme": scheme.slug},
                   html=lambda: render_template("states/index.html", scheme=scheme,
                                                schemes=schemes(session), groups=groups))


@routes(bp, "/states/<iso3>")
@access(PUBLIC)
def show(iso3, fmt):
    profile = state_profile(get_session(), iso3.upper())
    if profile is None:
        abort(404, description=_("No State with that code."))
    rows = [{"reference": c.reference, "date": c.date, "type": c.type,
             "page": url_for("communications.show", comm_id=c.id, _external=True)}
            for c in profile.awaiting]
    meta = {"iso3": profile.state.iso3, "name": profile.state.name,
            "communications": profile.total, "replied": profile.replied,
            "by_year": dict(profile.by_year), "by_type": dict(profile.by_type),
            "by_mandate": {m.site_label: n for m, n in profile.by_mandate},
            "sponsorships": [{"family": r.family, "status": r.status,
                              "resolution": r.resolution.symbol if r.resolution else None}
                             for r in profile.sponsorships],
            "votes": [{"symbol": v.symbol, "date": v.date, "vote": c.value}
                      for v, c in profile.votes],
            "regions": [{"scheme": s, "region": r, "role": role}
                        for s, r, role in profile.places],
            "rows_are": "communications awaiting a reply"}
    return respond(fmt, rows=rows, columns=["reference", "date", "type", "page"],
                   filename=f"{profile.state.iso3}-awaiting-reply", meta=meta,
                   html=lambda: render_template("states/show.html", p=profile))

