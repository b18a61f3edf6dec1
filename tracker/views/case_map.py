"""The case map: cases counted by State, year, perpetrator, attack and risk, suppressed.

Viewers may see it because it shows only suppressed counts (tracker.case_map), never a case.
HTML only: a CSV or JSON of the register's figures would travel further than the page and
invite the differencing of selections that suppression cannot stop.
"""

from dataclasses import dataclass

from flask import Blueprint, current_app, render_template, request
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from sqlmodel import select

from tracker.auth import VIEWER, access
from tracker.case_map import NONE, count_register, grid, suppress
from tracker.cases import GENDERS
from tracker.charts import count_map
from tracker.db import get_session
from tracker.labels import code_label
from tracker.models import State
from tracker.search import matches
from tracker.sr_tables import attack_table, perpetrator_table, risk_table, scheme_regions
from tracker.states import region_members, schemes
from tracker.vocabulary import N_
from tracker.vocabulary_edits import merged_codebook

bp = Blueprint("case_map", __name__, url_prefix="/cases/map")

DIMENSIONS = {"perpetrator_type": N_("Perpetrator type"), "perpetrator": N_("Perpetrator"),
              "attack": N_("Attack type"), "risk": N_("Risk factor")}
# The public communications' table for each dimension (tracker.sr_tables).
COMMUNICATION_TABLES = {"perpetrator_type": perpetrator_table, "perpetrator": perpetrator_table,
                        "attack": attack_table, "risk": risk_table}


@dataclass
class Asked:
    dimension: str
    start: int | None
    end: int | None
    region: str  # a region's index term, or ""
    whrd: bool
    gender: str  # a GENDERS key, or ""
    value: str  # the value the map shows, or "" for all cases

    @property
    def years(self) -> list[int] | None:
        if not (self.start or self.end):
            return None
        return list(range(self.start or 1900, (self.end or 2100) + 1))


def _year(name: str) -> int | None:
    value = request.args.get(name, "").strip()
    return int(value) if value.isdecimal() and len(value) == 4 else None


def asked() -> Asked:
    """The reader's choices from the URL; anything unreadable falls back to "all"."""
    dimension = request.args.get("dimension", "perpetrator_type")
    start, end = _year("from"), _year("to")
    if start and end and start > end:
        start, end = end, start
    gender = request.args.get("gender", "")
    return Asked(dimension if dimension in DIMENSIONS else "perpetrator_type", start, end,
                 request.args.get("region", ""), request.args.get("whrd") == "1",
                 gender if gender in GENDERS else "", request.args.get("map", ""))


def _communications(ask: Asked, shown, codes: list[str]) -> dict:
    """The public coded communications, broken down the same way, for the same selection
    as far as the letters allow (period, region, defenders, women), beside the cases:
    one line per value, [(value, cases shown or None, the letters' Row or None)]."""
    filters: dict[str, list[str]] = {}
    if ask.years:
        filters["year"] = [str(y) for y in ask.years]
    if ask.region:
        filters["region"] = [ask.region]
    if ask.whrd:
        filters["whrd"] = ["yes"]
    if ask.gender == "woman":
        filters["women"] = ["yes"]
    found = matches(current_app.config["SEARCH_INDEX_DIR"], "", filters=filters)
    table = COMMUNICATION_TABLES[ask.dimension](found, "", [])
    # "unknown" is a perpetrator of the cases and a kind of perpetrator of the letters
    kinds = {ask.dimension, "perpetrator_type"} if ask.dimension == "perpetrator" else {
        ask.dimension}
    rows = {r.key: r for r in table.rows if r.kind in kinds and r.count}
    cases = dict(zip(shown.columns, shown.column_totals, strict=True))
    values = [v for v in dict.fromkeys([*codes, *shown.columns, *sorted(rows)])
              if v != NONE and (v in cases or v in rows)]
    lines = [(v, cases.get(v, 0), rows.get(v)) for v in values]
    if NONE in cases or table.none.count:
        lines.append((NONE, cases.get(NONE, 0), table.none))
    return {"table": table, "lines": lines,
            "gender_ignored": ask.gender not in ("", "woman")}


def _world(session, shown, ask: Asked, threshold: int, value_label) -> dict:
    """The map of cases per State (or of one value): only the figures the table shows."""
    states = {s.iso3: s for s in session.exec(select(State))}
    if ask.value in shown.columns:
        j = shown.columns.index(ask.value)
        figures = [row[j] for row in shown.cells]
        what = value_label(ask.value, ask.dimension)
    else:
        figures, what = shown.row_totals, _("All cases")
    counts, notes = {}, {}
    for iso3, n in zip(shown.rows, figures, strict=True):
        state = states.get(iso3)
        if state is None or not state.m49:
            continue
        if n is None:
            notes[state.m49] = _("%(name)s: hidden", name=state.name)
        elif n:
            counts[state.m49] = n
            notes[state.m49] = ngettext("%(name)s: %(num)d case", "%(name)s: %(num)d cases", n,
                                        name=state.name)
    svg = count_map(counts, notes, title=_("Cases by State: %(what)s", what=what), links={},
                    lowest=threshold,
                    empty_label=_("none, or hidden (fewer than %(n)d or withheld)", n=threshold))
    choices = [("", _("All cases"))] + [(v, value_label(v, ask.dimension))
                                        for v in shown.columns]
    return {"svg": svg, "what": what, "choices": choices,
            "chosen": ask.value if ask.value in shown.columns else ""}


def labeller(book):
    """Names of the values in the reader's language, from the vocabulary as the admins
    edited it (a term they added is named by its label, not its slug)."""
    lang = str(get_locale() or "en")[:2]

    def value_label(value: str, dimension: str) -> str:
        if value == NONE:
            return _("None recorded")
        term = book.term(dimension, value)
        return term.label(lang) if term else code_label(value, dimension)
    return value_label


@bp.route("/")
@access(VIEWER)
def index():
    session = get_session()
    ask = asked()
    threshold = int(current_app.config["CASE_SUPPRESS_BELOW"])
    book = merged_codebook(session)
    value_label = labeller(book)
    states = region_members(session, ask.region) if ask.region else None
    tally = count_register(session, ask.dimension, years=ask.years, states=states,
                           whrd_only=ask.whrd, gender=ask.gender or None, book=book)
    codes = list(book.slugs(ask.dimension))
    shown = suppress(grid(tally, order=codes), threshold)
    names = dict(session.exec(select(State.iso3, State.name)).all())
    order = sorted(range(len(shown.rows)), key=lambda i: names.get(shown.rows[i], "").casefold())
    regions = [(s, scheme_regions(session, s.slug)) for s in schemes(session)]
    return render_template(
        "case_map/index.html", ask=ask, shown=shown, order=order, names=names,
        threshold=threshold, dimensions=DIMENSIONS, genders=GENDERS, regions=regions,
        value_label=value_label, world=_world(session, shown, ask, threshold, value_label),
        letters=_communications(ask, shown, codes))
