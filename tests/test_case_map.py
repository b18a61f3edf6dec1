"""The case map: counts of cases by State and value, suppressed so no defender stands out."""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from tests.conftest import sign_in
from tracker import case_map
from tracker.case_map import NONE, Grid, grid, suppress
from tracker.casekey import current_keys
from tracker.cases import CaseInput, save_case
from tracker.codebook import Codebook
from tracker.db import get_engine
from tracker.models import Case, State

# --- the oracle: counting as the definition says, one case at a time ---------------------
#
# The register counts from SQL rows, a distinct text parsed once (case_map.count_rows);
# this plain definition is what it must always agree with.


@dataclass(frozen=True)
class CaseFacts:
    """What counting needs from one case, and nothing that names it."""

    iso3: str
    year: int | None
    gender: str
    whrd: bool
    perpetrators: tuple[str, ...] = ()
    attack_types: tuple[str, ...] = ()
    risk_factors: tuple[str, ...] = ()


def facts(case) -> CaseFacts:
    """The countable facts of a Case row (or anything with its columns)."""
    return CaseFacts(iso3=case.iso3, year=case_map._first_year(case.incident_dates),
                     gender=case.gender, whrd=bool(case.whrd),
                     perpetrators=case_map._split(case.perpetrators),
                     attack_types=case_map._split(case.attack_types),
                     risk_factors=case_map._split(case.risk_factors))


def values_of(case: CaseFacts, dimension: str, book: Codebook) -> tuple[str, ...]:
    """The case's values in the dimension; (NONE,) when it has none."""
    return case_map._values(getattr(case, case_map.DIMENSIONS[dimension]), dimension, book)


def count_cases(cases: Iterable[CaseFacts], dimension: str, *,
                years: Iterable[int] | None = None, states: Iterable[str] | None = None,
                whrd_only: bool = False, gender: str | None = None,
                book: Codebook | None = None) -> case_map.Tally:
    """Count the cases that pass the filters; `states` None means every State (a region's
    States otherwise), `years` None means every year, undated cases included."""
    if dimension not in case_map.DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    book = book or case_map.load_codebook()
    years = set(years) if years is not None else None
    states = set(states) if states is not None else None
    tally = case_map.Tally(dimension)
    for case in cases:
        if ((years is not None and case.year not in years)
                or (states is not None and case.iso3 not in states)
                or (whrd_only and not case.whrd) or (gender and case.gender != gender)):
            continue
        tally.cases[case.iso3, case.year] += 1
        for value in values_of(case, dimension, book):
            tally.cells[case.iso3, case.year, value] += 1
    return tally



# --- counting ---------------------------------------------------------------------------


def _case(iso3="HND", dates="", perpetrators="", attacks="", risks="", gender="woman",
          whrd=True):
    return facts(SimpleNamespace(iso3=iso3, incident_dates=dates, perpetrators=perpetrators,
                                 attack_types=attacks, risk_factors=risks, gender=gender,
                                 whrd=whrd))


def test_a_case_counts_once_in_the_year_of_its_first_incident():
    case = _case(dates="2021-03-01,2019-05-02", attacks="killing")
    assert case.year == 2019
    tally = count_cases([case], "attack")
    assert tally.cells == {("HND", 2019, "killing"): 1}
    assert count_cases([case], "attack", years=[2021]).cases == {}


def test_a_case_counts_under_each_of_its_values_and_once_in_its_state():
    cases = [_case(attacks="killing,judicial_harassment"), _case(attacks="killing"),
             _case(iso3="COL")]
    table = grid(count_cases(cases, "attack"), order=["killing", "judicial_harassment"])
    assert table.columns == ["killing", "judicial_harassment", NONE]
    assert table.rows == ["COL", "HND"]
    assert table.cells == [[0, 0, 1], [2, 1, 0]]
    assert table.row_totals == [1, 2]  # cases, not the sum of the cells
    assert table.column_totals == [2, 1, 1] and table.total == 3


def test_perpetrator_types_come_from_the_vocabularys_parents():
    cases = [_case(perpetrators="police,military"), _case(perpetrators="company")]
    tally = count_cases(cases, "perpetrator_type")
    assert dict(tally.cells) == {("HND", None, "state"): 1, ("HND", None, "non_state"): 1}


def test_filters_keep_only_the_cases_asked_for():
    cases = [_case(dates="2020-01-01", gender="man", whrd=False, risks="indigenous"),
             _case(iso3="COL", dates="2020-02-02", risks="indigenous"),
             _case(dates="2018-01-01")]
    assert count_cases(cases, "risk", whrd_only=True).cases == {("COL", 2020): 1,
                                                                ("HND", 2018): 1}
    assert count_cases(cases, "risk", gender="man").cases == {("HND", 2020): 1}
    assert count_cases(cases, "risk", states={"HND"}, years={2020}).cases == {("HND", 2020): 1}


def test_an_unknown_dimension_is_refused():
    with pytest.raises(ValueError, match="mood"):
        case_map.count_rows([], "mood")


# --- suppression ------------------------------------------------------------------------

T = 5


def _grid(cells: list[list[int]]) -> Grid:
    """A table whose totals are the sums of its cells: the hardest case to protect."""
    rows = [f"S{i}" for i in range(len(cells))]
    columns = [f"v{j}" for j in range(len(cells[0]))]
    return Grid(rows, columns, cells, [sum(r) for r in cells],
                [sum(c) for c in zip(*cells, strict=True)], sum(map(sum, cells)))


def _matrix(g: Grid) -> list[list]:
    return [[*g.cells[i], g.row_totals[i]] for i in range(len(g.rows))] + [
        [*g.column_totals, g.total]]


def _recoverable(original: Grid, shown: Grid) -> list[tuple[int, int]]:
    """Hidden figures that linear algebra on the shown lines pins down: each line says
    "cells minus total = 0"; a hidden figure is known if its unit vector lies in the span."""
    full, seen = _matrix(original), _matrix(shown)
    unknown = [(i, j) for i, row in enumerate(seen) for j, v in enumerate(row) if v is None]
    if not unknown:
        return []
    index = {e: k for k, e in enumerate(unknown)}
    n, m = len(full) - 1, len(full[0]) - 1
    lines = [[(i, j) for j in range(m + 1)] for i in range(n + 1)]
    lines += [[(i, j) for i in range(n + 1)] for j in range(m + 1)]
    equations = []
    for line in lines:
        row = np.zeros(len(unknown))
        for e in line:
            if e in index:
                row[index[e]] = -1 if e == line[-1] else 1
        if row.any():
            equations.append(row)
    a = np.array(equations)
    rank = np.linalg.matrix_rank(a)
    found = []
    for e, k in index.items():
        unit = np.zeros(len(unknown))
        unit[k] = 1
        if np.linalg.matrix_rank(np.vstack([a, unit])) == rank:
            found.append(e)
    return found


counts = st.one_of(st.integers(0, 6), st.integers(0, 40))
tables = st.integers(1, 6).flatmap(lambda m: st.lists(
    st.lists(counts, min_size=m, max_size=m), min_size=1, max_size=7))


@settings(max_examples=300, deadline=None)
@given(tables)
def test_every_shown_figure_is_zero_or_at_least_the_threshold(cells):
    shown = suppress(_grid(cells), T)
    assert all(v is None or v == 0 or v >= T for row in _matrix(shown) for v in row)


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_hidden_figure_can_be_worked_out_from_the_shown_ones(cells):
    original = _grid(cells)
    shown = suppress(original, T)
    assert _recoverable(original, shown) == []
    # nor narrowed below the threshold: where a line's total is shown, its hidden cells
    # add up to at least the threshold
    full, seen = _matrix(original), _matrix(shown)
    for lines_full, lines_seen in ((full, seen), (list(zip(*full, strict=True)),
                                                  list(zip(*seen, strict=True)))):
        for whole, part in zip(lines_full, lines_seen, strict=True):
            if part[-1] is not None and None in part[:-1]:
                assert sum(w for w, p in zip(whole[:-1], part[:-1], strict=True)
                           if p is None) >= T


@settings(max_examples=100, deadline=None)
@given(tables, st.integers(0, 6))
def test_a_state_below_the_threshold_shows_no_figure_at_all(cells, small):
    cells = [[small] + [0] * (len(cells[0]) - 1), *cells]  # State S0 has `small` cases
    shown = suppress(_grid(cells), T)
    if 0 < small < T:
        assert shown.cells[0] == [None] * len(cells[0]) and shown.row_totals[0] is None


def test_a_state_total_is_hidden_or_shown_whatever_the_dimension():
    # The same States, counted by two dimensions: their totals must agree, or a reader
    # would subtract one table's totals from the other's.
    by_attack = _grid([[3, 9, 1], [8, 0, 6], [2, 2, 20]])
    by_risk = Grid(by_attack.rows, ["a", "b"], [[1, 12], [14, 0], [12, 12]],
                   by_attack.row_totals, [27, 24], by_attack.total)
    assert suppress(by_attack, T).row_totals == suppress(by_risk, T).row_totals


def test_one_small_state_hides_the_grand_total():
    shown = suppress(_grid([[3], [10], [12]]), T)
    assert shown.row_totals == [None, 10, 12]
    assert shown.total is None  # else 25 - 10 - 12 gives the 3 away


# --- the page ---------------------------------------------------------------------------


def _add_cases(app, iso3: str, count: int, *, attacks=("threats",), year=2020):
    with app.app_context(), Session(get_engine()) as s:
        for k in range(count):
            save_case(s, current_keys(), CaseInput(
                pseudonym=f"T {iso3} {k}", iso3=iso3, attack_types=attacks,
                perpetrators=("police",), incident_dates=(dt.date(year, 1, 1 + k % 28),)),
                "tester")
        s.commit()


def _row(html: str, iso3: str) -> str:
    found = re.search(rf'<tr data-state="{iso3}">(.*?)</tr>', html, re.S)
    return found.group(1) if found else ""


def _map_note(app, html: str, iso3: str) -> str:
    with app.app_context(), Session(get_engine()) as s:
        name = s.get(State, iso3).name
    found = re.search(rf"<title>{re.escape(name)}[^<]*</title>", html)
    return found.group(0) if found else ""


def test_a_state_with_three_cases_shows_no_figure_anywhere(app):
    _add_cases(app, "HND", 3)
    _add_cases(app, "COL", 12)
    _add_cases(app, "GTM", 7)
    page = sign_in(app, "vera", "viewer").get("/cases/map/?dimension=attack")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    honduras = _row(html, "HND")
    assert "hidden" in honduras and not re.search(r"\d", honduras)
    assert _row(html, "COL").count(">12<") == 2  # threats, and cases
    assert not re.search(r"\d", _map_note(app, html, "HND").removeprefix("<title>"))
    assert "Colombia: 12 cases" in html
    # 3 + 12 + 7 = 22 would give Honduras away as 22 - 12 - 7: the total is hidden too
    assert ">22<" not in html


def test_anonymous_visitors_get_no_figure(app):
    _add_cases(app, "COL", 12)
    client = app.test_client()
    page = client.get("/cases/map/")
    assert page.status_code == 302 and "/login" in page.location
    assert "Colombia" not in client.get("/cases/map/", follow_redirects=True).get_data(
        as_text=True)


def test_the_register_has_no_csv_or_json_of_its_figures(app):
    viewer = sign_in(app, "vera", "viewer")
    assert viewer.get("/cases/map.csv").status_code == 404
    assert viewer.get("/cases/map/.json").status_code == 404


@pytest.mark.parametrize(("lang", "heading", "hidden"), [
    ("es", "Mapa de casos", "oculto"), ("fr", "Carte des cas", "masqué")])
def test_the_page_speaks_spanish_and_french(app, lang, heading, hidden):
    _add_cases(app, "HND", 2)
    _add_cases(app, "COL", 12)
    _add_cases(app, "PER", 9)
    html = sign_in(app, "vera", "viewer").get(f"/cases/map/?lang={lang}").get_data(as_text=True)
    assert f"<h1>{heading}</h1>" in html and hidden in html


def test_the_dashboard_links_to_the_case_map_for_viewers_only(loaded_app):
    loaded_app.config["PUBLIC_READ"] = True
    assert "/cases/map/" not in loaded_app.test_client().get("/dashboards/").get_data(
        as_text=True)
    assert "/cases/map/" in sign_in(loaded_app, "vic", "viewer").get(
        "/dashboards/").get_data(as_text=True)


def test_demo_cases_are_counted_and_set_beside_the_communications(loaded_app):
    from collections import Counter

    from tracker.case_demo import make_demo_cases
    from tracker.codebook import load_codebook

    book = load_codebook()
    with loaded_app.app_context(), Session(get_engine()) as s:
        make_demo_cases(s, current_keys(), 300, seed=5)
        rows = s.exec(select(Case)).all()
    by_state = Counter(r.iso3 for r in rows)
    state_actors = sum("state" in book.parents(r.perpetrators.split(",")) for r in rows)
    viewer = sign_in(loaded_app, "vicky", "viewer")
    html = viewer.get("/cases/map/?dimension=perpetrator_type").get_data(as_text=True)
    shown = 0
    for iso3, n in by_state.items():  # each State's figure is the register's count, or hidden
        row = _row(html, iso3)
        figure = re.findall(r'<td class="num total">(\d+)</td>', row)
        assert figure == [str(n)] or (not figure and "hidden" in row)
        shown += bool(figure)
    assert shown  # 300 cases: some States pass the threshold
    label = book.label("perpetrator_type", "state")
    beside = re.search(rf'<th scope="row">{re.escape(label)}</th><td class="num">(\d+)</td>'
                       r'<td class="num">(\d+)</td>', html)
    assert beside and int(beside.group(1)) == state_actors
    assert int(beside.group(2)) > 0  # the coded sample letters name State actors too
    risk = viewer.get("/cases/map/?dimension=risk&from=2015&to=2018&whrd=1").get_data(
        as_text=True)
    assert "Cases by State and risk factor" in risk


def test_counts_from_the_database_match_the_cases_saved(app):
    _add_cases(app, "COL", 6, attacks=("threats", "killing"))
    _add_cases(app, "COL", 5, attacks=("killing",), year=2021)
    with app.app_context(), Session(get_engine()) as s:
        tally = count_cases([facts(c) for c in s.exec(select(Case))], "attack")
    assert tally.cells[("COL", 2020, "threats")] == 6
    assert tally.cells[("COL", 2020, "killing")] == 6
    assert tally.cells[("COL", 2021, "killing")] == 5
    assert sum(tally.cases.values()) == 11
    assert case_map.DIMENSIONS["attack"] == "attack_types"


# --- counting from SQL rows ---------------------------------------------------------------

slugs = st.sampled_from(["police", "military", "company", "killing", "threats", "indigenous",
                         "nowhere"])
texts = st.lists(st.sampled_from(["", " ", ","]) | slugs, max_size=4).map(",".join)
dates = st.lists(st.sampled_from(["2019-05-02", "2021-03-01", " 2018-12-31", ""]),
                 max_size=3).map(",".join)
rows = st.lists(st.tuples(st.sampled_from(["HND", "COL"]), dates, texts, texts, texts),
                max_size=30)


@settings(max_examples=200, deadline=None)
@given(rows, st.sampled_from(sorted(case_map.DIMENSIONS)),
       st.none() | st.sets(st.sampled_from([2018, 2019, 2021])))
def test_counting_sql_rows_gives_the_same_tally_as_counting_cases(found, dimension, years):
    cases = [_case(iso3=iso3, dates=d, perpetrators=p, attacks=a, risks=r)
             for iso3, d, p, a, r in found]
    column = {"perpetrators": 2, "attack_types": 3, "risk_factors": 4}[
        case_map.DIMENSIONS[dimension]]
    tally = case_map.count_rows([(r[0], r[1], r[column]) for r in found], dimension,
                                years=years)
    assert tally == count_cases(cases, dimension, years=years)


def test_the_register_is_counted_in_sql_as_its_cases_are(app):
    _add_cases(app, "COL", 6, attacks=("threats", "killing"))
    _add_cases(app, "HND", 5, attacks=("killing",), year=2021)
    with app.app_context(), Session(get_engine()) as s:
        s.add(Case(pseudonym="T man", iso3="COL", gender="man", whrd=False,
                   incident_dates="2021-02-02,2019-01-01", attack_types="raid"))
        s.commit()
        every = [facts(c) for c in s.exec(select(Case))]
        for dimension in case_map.DIMENSIONS:
            for filters in ({}, {"years": [2019, 2020]}, {"states": ["HND"]},
                            {"whrd_only": True}, {"gender": "man"}):
                assert case_map.count_register(s, dimension, **filters) == count_cases(
                    every, dimension, **filters), (dimension, filters)


def test_a_term_an_admin_added_is_counted_and_named_by_its_label(app):
    from tracker.vocabulary_edits import add_term

    with app.app_context(), Session(get_engine()) as s:
        add_term(s, scheme="attack", slug="drone_watch",
                 labels={"en": "Watched by drones", "es": "Vigilada con drones",
                         "fr": "Surveillée par drones"}, username="admin")
        s.commit()
    _add_cases(app, "COL", 6, attacks=("drone_watch",))
    viewer = sign_in(app, "vera", "viewer")
    html = viewer.get("/cases/map/?dimension=attack").get_data(as_text=True)
    assert "Watched by drones" in html and ">drone_watch<" not in html
    assert ">6<" in _row(html, "COL")
    assert "Vigilada con drones" in viewer.get("/cases/map/?dimension=attack&lang=es").text
