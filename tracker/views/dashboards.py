"""Dashboards: the same filters as search, every number a link to the list behind it."""

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import gettext as _

from tracker.auth import PUBLIC, access
from tracker.charts import Bar, bar_chart
from tracker.dashboards import region_year_table, reply_rates, sponsorship_matrix
from tracker.db import get_session
from tracker.freshness import described
from tracker.labels import mandate_names, state_names
from tracker.search import matches
from tracker.states import schemes
from tracker.views.output import respond, routes
from tracker.views.search import current_filters
from tracker.vocabulary import label

bp = Blueprint("dashboards", __name__)


def list_url(q: str, filters: dict[str, list[str]], **narrow) -> str:
    """The search list behind one number: the dashboard's query and filters, narrowed.

    The number's own facet replaces that facet's values rather than joining them: values
    of one facet mean "any of" in a search URL, which would widen the list instead.
    """
    return url_for("search.index", **{**filters, **narrow}, q=q or None)


@routes(bp, "/dashboards/")
@access(PUBLIC)
def index(fmt):
    session = get_session()
    index_dir = current_app.config["SEARCH_INDEX_DIR"]
    scheme = request.args.get("scheme", "sr-hrd")
    q = request.args.get("q", "")
    filters = current_filters()
    found = matches(index_dir, q, filters=filters)
    total, notice = found.total, found.notice
    rows, years = region_year_table(found, session, scheme_slug=scheme)
    rates = reply_rates(found, state_names(session))
    data = [{"region": r.region, **{y: r.by_year.get(y, 0) for y in years}, "total": r.total,
             "percent": round(100 * r.share(total), 1),
             "women": r.women, "coded": r.coded} for r in rows]

    def html():
        chart = bar_chart([Bar(label(r.region, "region"), r.total,
                               href=list_url(q, filters, region=r.term))
                           for r in rows], title=_("Communications by region"))
        rate_chart = bar_chart(
            [Bar(name, round(100 * replied / n),
                 note=_("(%(replied)d of %(n)d)", replied=replied, n=n),
                 href=list_url(q, filters, state=iso3))
             for iso3, name, n, replied in rates[:20]], unit=" %",
            title=_("Share of communications with a reply, the 20 States that received most"))
        resolutions, groups = sponsorship_matrix(session)
        mandates = sorted(((m.slug, m.full_name) for m in mandate_names(session).values()),
                          key=lambda m: m[1].casefold())
        return render_template("dashboards/index.html", rows=rows, years=years, total=total,
                               mandates=mandates, fetched=described(session),
                               notice=notice, chart=chart, rate_chart=rate_chart,
                               schemes=schemes(session), scheme=scheme, q=q, filters=filters,
                               resolutions=resolutions, groups=groups,
                               list_url=lambda **narrow: list_url(q, filters, **narrow))

    return respond(fmt, rows=data, columns=["region", *years, "total", "percent", "women",
                                            "coded"],
                   filename=f"communications-by-region-{scheme}", html=html,
                   meta={"scheme": scheme, "total": total, "query": q, "filters": filters})
