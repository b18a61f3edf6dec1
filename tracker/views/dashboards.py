"""Dashboards: the same filters as search, every number a link to the list behind it."""

from dataclasses import dataclass

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from markupsafe import Markup
from sqlmodel import func, select

from tracker.auth import PUBLIC, access
from tracker.charts import Bar, bar_chart, count_map, mapped_m49
from tracker.dashboards import region_year_table, reply_rates, sponsorship_matrix
from tracker.db import get_session
from tracker.freshness import described
from tracker.labels import code_label, mandate_names, state_names
from tracker.models import Communication, State
from tracker.page_cache import cached
from tracker.search import Matches, matches
from tracker.sr_tables import Table, csv_rows, percent_text, row_label, sr_tables
from tracker.states import schemes
from tracker.views.output import respond, routes
from tracker.views.search import current_filters
from tracker.vocabulary import label

bp = Blueprint("dashboards", __name__)
# The Special Rapporteur's tables appear on the dashboard and in briefs.
bp.add_app_template_global(row_label)
bp.add_app_template_global(percent_text)


def list_url(q: str, filters: dict[str, list[str]], **narrow) -> str:
    """The search list behind one number: the dashboard's query and filters, narrowed.

    The number's own facet replaces that facet's values rather than joining them: values
    of one facet mean "any of" in a search URL, which would widen the list instead.
    """
    return url_for("search.index", **{**filters, **narrow}, q=q or None)


@dataclass
class Selection:
    """What the dashboard counts: the query, the filters with the period, the scheme."""

    q: str
    filters: dict[str, list[str]]
    scheme: str
    period: tuple[int | None, int | None]  # the years asked for, from and to
    years: list[int]  # the years letters were sent, for the form
    notice: str | None
    found: Matches

    def list_url(self, **narrow) -> str:
        return list_url(self.q, self.filters, **narrow)


def _year(value: str | None) -> int | None:
    return int(value) if value and value.isdecimal() and len(value) == 4 else None


def selection() -> Selection:
    """Read the dashboard's query, filters, period (?from=2013&to=2014) and region scheme."""
    session = get_session()
    filters = current_filters()
    first, last = session.exec(select(func.min(Communication.date),
                                      func.max(Communication.date))).one()
    years = list(range(first.year, last.year + 1)) if first else []
    start, end = _year(request.args.get("from")), _year(request.args.get("to"))
    notice = None
    if (request.args.get("from") and start is None) or (request.args.get("to") and end is None):
        notice = _("A period is given in years, such as 2013; the year that could not be "
                   "read was left out.")
    if start and end and start > end:
        start, end = end, start
        notice = _("The period ended before it started, so its years were swapped.")
    if start or end:  # the period becomes the search's year filter, one value per year
        # Within the years letters were sent: a year with none adds nothing to the list.
        low = max(start or 0, years[0] if years else 0)
        high = min(end or 9999, years[-1] if years else 0)
        filters["year"] = [str(y) for y in range(low, high + 1)] or [str(start or end)]
    elif filters.get("year") and all(y.isdecimal() for y in filters["year"]):
        start, end = min(map(int, filters["year"])), max(map(int, filters["year"]))
    q = request.args.get("q", "")
    found = matches(current_app.config["SEARCH_INDEX_DIR"], q, filters=filters)
    return Selection(q, filters, request.args.get("scheme", "sr-hrd"), (start, end), years,
                     notice or found.notice, found)


def _form_context(session, sel: Selection) -> dict:
    mandates = sorted(((m.slug, m.full_name) for m in mandate_names(session).values()),
                      key=lambda m: m[1].casefold())
    period = request.args.get("from") or request.args.get("to")
    return {"q": sel.q, "filters": sel.filters, "scheme": sel.scheme, "notice": sel.notice,
            "mandates": mandates, "schemes": schemes(session), "period_years": sel.years,
            "period": sel.period,
            # the chips undo what the URL holds: a period is one chip, not one per year
            "chips": {k: v for k, v in current_filters().items()
                      if not (period and k == "year")},
            "period_chip": bool(period), "list_url": sel.list_url,
            "fetched": described(session)}


@routes(bp, "/dashboards/")
@access(PUBLIC)
def index(fmt):
    session = get_session()
    sel = selection()
    q, filters, found, scheme = sel.q, sel.filters, sel.found, sel.scheme
    total = found.total
    rows, years = region_year_table(found, session, scheme_slug=scheme)
    data = [{"region": r.region, **{y: r.by_year.get(y, 0) for y in years}, "total": r.total,
             "percent": round(100 * r.share(total), 1),
             "women": r.women, "coded": r.coded} for r in rows]

    def html():
        rates = reply_rates(found, state_names(session))
        chart = bar_chart([Bar(label(r.region, "region"), r.total,
                               href=list_url(q, filters, region=r.term))
                           for r in rows], title=_("Communications by region"))
        rate_chart = bar_chart(
            [Bar(name, round(100 * replied / n),
                 note=_("(%(replied)d of %(n)d)", replied=replied, n=n),
                 href=list_url(q, filters, state=iso3))
             for iso3, name, n, replied in rates[:20]], unit=" %",
            title=_("Share of communications with a reply, the 20 States that received most"))
        tables = sr_tables(found, session, scheme)
        return render_template("dashboards/index.html", rows=rows, years=years, total=total,
                               chart=chart, rate_chart=rate_chart, tables=tables,
                               world=world_of(session, sel, tables),
                               sponsor_matrix=sponsor_matrix(session),
                               **_form_context(session, sel))

    return respond(fmt, rows=data, columns=["region", *years, "total", "percent", "women",
                                            "coded"],
                   filename=f"communications-by-region-{scheme}", html=html,
                   meta={"scheme": scheme, "total": total, "query": q, "filters": filters})


def sponsor_matrix(session) -> Markup:
    """The co-sponsorship matrix as HTML: the same whatever the dashboard's filters, so
    each process renders it once per language until a sponsorship or resolution changes."""
    def render():
        resolutions, groups = sponsorship_matrix(session)
        # A template rendered with autoescape, as every page: its values are escaped.
        return Markup(render_template(  # noqa: S704
            "dashboards/_sponsor_matrix.html", resolutions=resolutions, groups=groups))

    return cached(session, "sponsor_matrix", str(get_locale()), render)


# --- the Special Rapporteur's tables, each on its own page and as CSV and JSON ----------

TABLE_FILES = {"regions": "communications-by-region-and-women",
               "attacks": "communications-by-attack-type",
               "perpetrators": "communications-by-perpetrator"}


def _table_page(kind: str, fmt: str):
    session = get_session()
    sel = selection()
    table = sr_tables(sel.found, session, sel.scheme)[kind]
    rows, columns = csv_rows(table)
    meta = {"table": kind, "scheme": sel.scheme, "query": sel.q, "filters": sel.filters,
            "total": table.total.count, "coded": table.coded, "not_yet_coded": table.uncoded,
            "percentages_add_to_100": kind == "regions" and table.overlap == 0}

    def html():
        return render_template("dashboards/table.html", table=table, kind=kind,
                               **_form_context(session, sel))

    return respond(fmt, rows=rows, columns=columns, filename=f"{TABLE_FILES[kind]}-{sel.scheme}",
                   meta=meta, html=html)


@routes(bp, "/dashboards/regions")
@access(PUBLIC)
def regions(fmt):
    return _table_page("regions", fmt)


@routes(bp, "/dashboards/attacks")
@access(PUBLIC)
def attacks(fmt):
    return _table_page("attacks", fmt)


@routes(bp, "/dashboards/perpetrators")
@access(PUBLIC)
def perpetrators(fmt):
    return _table_page("perpetrators", fmt)


# --- the world map of one attack type or perpetrator -------------------------------------

MAP_FACETS = ("attack", "perpetrator_type", "perpetrator")


def map_choices(tables: dict[str, Table]) -> list[tuple[str, str]]:
    """What the map can show: every letter, or those of one attack type or perpetrator."""
    choices = [("all", _("All communications"))]
    choices += [(f"attack:{r.key}", code_label(r.key, "attack"))
                for r in tables["attacks"].rows]
    choices += [(f"{r.kind}:{r.key}", ("– " if r.level else "") + code_label(r.key, r.kind))
                for r in tables["perpetrators"].rows]
    return choices


def _chosen(tables: dict[str, Table]) -> str:
    asked = request.args.get("map", "")
    facet, _sep, value = asked.partition(":")
    if asked == "all" or (facet in MAP_FACETS and value):
        return asked
    counted = [r for r in tables["attacks"].rows if r.count]
    return f"attack:{max(counted, key=lambda r: r.count).key}" if counted else "all"


def world_of(session, sel: Selection, tables: dict[str, Table]) -> dict:
    """The map of the chosen letters by State, with what it cannot show said below it."""
    chosen = _chosen(tables)
    facet, _sep, value = chosen.partition(":")
    narrow = {facet: value} if chosen != "all" else {}
    by_state = sel.found.narrowed(**narrow).values("state")
    # Three columns, not ~200 State rows built as ORM objects.
    states = {s.iso3: s for s in session.exec(select(State.iso3, State.m49, State.name))}
    on_map = mapped_m49()
    counts = {states[i].m49: n for i, n in by_state.items() if i in states}
    what = code_label(value, facet) if narrow else _("All communications")
    notes = {states[i].m49: ngettext("%(name)s: %(num)d communication",
                                     "%(name)s: %(num)d communications", n,
                                     name=states[i].name)
             for i, n in by_state.items() if i in states}
    svg = count_map(counts, notes, title=_("Communications by State: %(what)s", what=what),
                    links={states[i].m49: sel.list_url(state=i, **narrow) for i in by_state
                           if i in states})
    off_map = sorted(((states[i].name, n, sel.list_url(state=i, **narrow))
                      for i, n in by_state.items() if i in states
                      and states[i].m49 not in on_map), key=lambda x: x[0])
    others = by_state.get("OTH", 0)
    return {"svg": svg, "chosen": chosen, "choices": map_choices(tables), "what": what,
            "off_map": off_map, "others": others,
            "others_url": sel.list_url(state="OTH", **narrow), "total": sum(by_state.values())}

