"""The case map's figures: cases counted by State and value, suppressed. No Flask.

What is counted. A case counts once in its State and once under each value it has in the
chosen dimension (perpetrator type, perpetrator, attack type, risk factor); a case with no
value there counts under NONE. So a State's cells can add up to more than its cases, and the
State's total is its number of cases, never the sum of its cells.

Which year. A case counts in the year of its *first* incident, once: a case with incidents
in 2019 and 2021 is one case of 2019. Counting it in every incident year would count one
person several times in a period, and a reader could not tell five cases from one case with
five incidents. A case with no incident date has no year: it counts only when no period is
chosen.

Suppression. `suppress` hides every figure from 1 to threshold - 1, then hides more
(complementary suppression) until no hidden figure can be worked out from what is shown:
see its docstring. A zero is shown as 0: it says that nobody in the register fits, which
points at no one. A State with fewer cases than the threshold has its whole row hidden,
zeros included, since "its 3 cases all involve the police" is about those 3 people.

What it does not protect against: a reader comparing two selections (all years, then all
years but one) can subtract them. The page is for signed-in viewers only for that reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from sqlmodel import Session, select

from tracker.codebook import Codebook, load_codebook
from tracker.models import Case

# The dimensions a reader can choose, with the Case column each comes from.
DIMENSIONS = {"perpetrator_type": "perpetrators", "perpetrator": "perpetrators",
              "attack": "attack_types", "risk": "risk_factors"}
NONE = "none"  # the column of cases with no value in the dimension


def _split(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in (text or "").split(",") if v.strip()))


@lru_cache(maxsize=65536)
def _first_year(incident_dates: str) -> int | None:
    dates = sorted(_split(incident_dates))
    return int(dates[0][:4]) if dates else None


def _values(found: tuple[str, ...], dimension: str, book: Codebook) -> tuple[str, ...]:
    if dimension == "perpetrator_type":
        found = tuple(book.parents(found))
    return tuple(found) or (NONE,)


@dataclass
class Tally:
    """Cases per (State, year, value), and cases per (State, year) counted once each."""

    dimension: str
    cells: Counter = field(default_factory=Counter)
    cases: Counter = field(default_factory=Counter)


def count_rows(rows: Iterable[tuple[str, str, str]], dimension: str, *,
               years: Iterable[int] | None = None, book: Codebook | None = None) -> Tally:
    """Count cases from one (iso3, incident dates, the dimension's column) row per case
    that already passed the other filters: per (State, year) once, and per (State, year,
    value) once for each of its values. `years` None means every year, undated included.

    The rows come from SQL (`count_register`); the texts repeat, so each distinct one is
    parsed once (at 10,000 cases a record per case cost most of the page)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    book = book or load_codebook()
    years = set(years) if years is not None else None
    # Plain dicts, not Counters: a Counter's missing key costs a Python call, per key.
    by_text: dict[tuple, int] = {}  # (iso3, year, column text) -> cases
    for (iso3, dates, text), n in Counter(rows).items():
        year = _first_year(dates)
        if years is None or year in years:
            key = iso3, year, text
            by_text[key] = by_text.get(key, 0) + n
    cases: dict[tuple, int] = {}
    cells: dict[tuple, int] = {}
    values: dict[str, tuple[str, ...]] = {}
    for (iso3, year, text), n in by_text.items():
        found = values.get(text)
        if found is None:
            found = values[text] = _values(_split(text), dimension, book)
        key = iso3, year
        cases[key] = cases.get(key, 0) + n
        for value in found:
            key = iso3, year, value
            cells[key] = cells.get(key, 0) + n
    return Tally(dimension, Counter(cells), Counter(cases))


def count_register(session: Session, dimension: str, *, years: Iterable[int] | None = None,
                   states: Iterable[str] | None = None, whrd_only: bool = False,
                   gender: str | None = None, book: Codebook | None = None) -> Tally:
    """The register's cases counted (`count_rows`), filtered in SQL: `states` None means
    every State (a region's States otherwise). Only the columns counting needs are read,
    never the encrypted identity or notes."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    query = select(Case.iso3, Case.incident_dates, getattr(Case, DIMENSIONS[dimension]))
    if states is not None:
        query = query.where(Case.iso3.in_(sorted(set(states))))
    if whrd_only:
        query = query.where(Case.whrd)
    if gender:
        query = query.where(Case.gender == gender)
    # Plain tuples through the connection: the ORM's row objects cost more than counting.
    rows = session.connection().execute(query)
    return count_rows(((iso3, dates, text) for iso3, dates, text in rows), dimension,
                      years=years, book=book)


@dataclass
class Grid:
    """A table of counts with its totals; in a suppressed grid None means hidden."""

    rows: list[str]  # the States' ISO3 codes
    columns: list[str]  # the values
    cells: list[list[int | None]]
    row_totals: list[int | None]  # cases per State
    column_totals: list[int | None]  # cases per value
    total: int | None  # cases

    def hidden(self) -> int:
        entries = [*self.row_totals, *self.column_totals, self.total]
        return sum(v is None for row in self.cells for v in row) + entries.count(None)


def grid(tally: Tally, order: Iterable[str] = ()) -> Grid:
    """The States × values table of a tally, over all its years. Columns follow `order`
    (the vocabulary's), then values the vocabulary lacks, then NONE; empty ones left out."""
    by_value = Counter()
    by_state: Counter = Counter()
    cells: dict[tuple[str, str], int] = Counter()
    for (iso3, _year, value), n in tally.cells.items():
        by_value[value] += n
        cells[iso3, value] += n
    for (iso3, _year), n in tally.cases.items():
        by_state[iso3] += n
    order = [v for v in dict.fromkeys(order) if v != NONE]
    columns = [v for v in order if by_value[v]]
    columns += sorted(v for v in by_value if v not in order and v != NONE)
    columns += [NONE] if by_value[NONE] else []
    rows = sorted(by_state)
    return Grid(rows, columns, [[cells[r, c] for c in columns] for r in rows],
                [by_state[r] for r in rows], [by_value[c] for c in columns],
                sum(by_state.values()))


def suppress(table: Grid, threshold: int) -> Grid:
    """The table with every figure that could single out a defender hidden (None).

    Think of the table with its totals as one matrix whose last row and column hold the
    totals; each of its rows and columns is a "line" whose cells add up to its total.
    1. Hide every figure from 1 to threshold - 1, and every figure of a State with fewer
       cases than the threshold.
    2. The States' totals and the grand total do not depend on the dimension, so they are
       settled first and alone: if one State total is hidden, or the hidden ones add up to
       less than the threshold, hide the grand total (else the total minus the States shown
       gives them away). Later steps never hide a State's total, so the same State is
       hidden or shown whatever dimension a reader picks.
    3. Until nothing changes: a line with exactly one hidden figure, or whose hidden cells
       add up (total minus what is shown) to less than the threshold, gets its smallest
       shown figure hidden too; then a hidden figure that lies on no cycle of hidden
       figures (a bridge: it could be solved for through a chain of lines) gets a partner
       that closes a cycle through it.
    Shown figures are therefore 0 or at least the threshold, and no hidden figure can be
    worked out from the shown ones by adding and subtracting lines.
    """
    n, m = len(table.rows), len(table.columns)
    full = [[*table.cells[i], table.row_totals[i]] for i in range(n)]
    full.append([*table.column_totals, table.total])
    hidden: set[tuple[int, int]] = set()
    for i in range(n + 1):
        for j in range(m + 1):
            if 0 < full[i][j] < threshold:
                hidden.add((i, j))
    for i in range(n):
        if full[i][m] < threshold:
            hidden.update((i, j) for j in range(m + 1))
    states = [(i, m) for i in range(n)]
    shown_sum = sum(full[i][m] for i, _ in states if (i, m) not in hidden)
    hidden_states = [s for s in states if s in hidden]
    if hidden_states and (len(hidden_states) == 1 or full[n][m] - shown_sum < threshold):
        hidden.add((n, m))
    fixed = {*states, (n, m)}  # settled in step 2, whatever the dimension

    lines = [[(i, j) for j in range(m + 1)] for i in range(n + 1)]
    lines += [[(i, j) for i in range(n + 1)] for j in range(m + 1)]

    def smallest(candidates) -> tuple[int, int] | None:
        free = [e for e in candidates if e not in hidden and e not in fixed]
        if not free:  # only when the table is tiny: then a settled figure goes too
            free = [e for e in candidates if e not in hidden]
        # a zero hides nothing: the complement is the smallest figure above zero
        return min(free, key=lambda e: (full[e[0]][e[1]] == 0, full[e[0]][e[1]], e),
                   default=None)

    changed = True
    while changed:
        changed = False
        for line in lines:
            *cells, total = line
            secret = [e for e in cells if e in hidden]
            count = len(secret) + (total in hidden)
            if not count:
                continue
            short = (total not in hidden and secret
                     and sum(full[i][j] for i, j in secret) < threshold)
            if count == 1 or short:
                pick = smallest(line)
                if pick is not None:
                    hidden.add(pick)
                    changed = True
        if not changed:
            pick = _bridge_partner(hidden, n, m, full, smallest)
            if pick is not None:
                hidden.add(pick)
                changed = True

    def shown(i: int, j: int) -> int | None:
        return None if (i, j) in hidden else full[i][j]

    return Grid(table.rows, table.columns, [[shown(i, j) for j in range(m)] for i in range(n)],
                [shown(i, m) for i in range(n)], [shown(n, j) for j in range(m)], shown(n, m))


def _bridge_partner(hidden: set[tuple[int, int]], n: int, m: int, full, smallest):
    """A figure to hide so that a bridge among the hidden figures lies on a cycle, or None
    when there is no bridge. Nodes are the matrix's rows and columns, each hidden figure
    an edge between its row and its column."""
    adjacent: dict[tuple[str, int], set[tuple[str, int]]] = {}
    for i, j in hidden:
        adjacent.setdefault(("r", i), set()).add(("c", j))
        adjacent.setdefault(("c", j), set()).add(("r", i))
    for (_kind, i), (_other, j) in _bridges(adjacent):
        start, goal = ("r", i), ("c", j)
        side_a = _reach(adjacent, start, (start, goal))
        side_b = _reach(adjacent, goal, (start, goal))
        rows_a = [k for kind, k in side_a if kind == "r"]
        cols_a = [k for kind, k in side_a if kind == "c"]
        rows_b = [k for kind, k in side_b if kind == "r"]
        cols_b = [k for kind, k in side_b if kind == "c"]
        across = [(r, c) for r in rows_a for c in cols_b] + [(r, c) for r in rows_b
                                                             for c in cols_a]
        pick = smallest([e for e in across if e != (i, j)])
        if pick is not None:
            return pick
    return None


def _bridges(adjacent) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """The bridges of the graph as (row node, column node), found in one pass (Tarjan's
    low links, iteratively: a table has too many nodes for Python's recursion)."""
    order: dict = {}
    low: dict = {}
    found = []
    for root in sorted(adjacent):
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, None, iter(sorted(adjacent[root])))]
        while stack:
            node, parent, children = stack[-1]
            for child in children:
                if child == parent:
                    continue
                if child in order:
                    low[node] = min(low[node], order[child])
                else:
                    order[child] = low[child] = len(order)
                    stack.append((child, node, iter(sorted(adjacent[child]))))
                    break
            else:
                stack.pop()
                if parent is not None:
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.append((parent, node) if parent[0] == "r" else (node, parent))
    return sorted(found)


def _reach(adjacent, start, skip) -> set:
    """The nodes `start` reaches without crossing the edge `skip`."""
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        for nxt in adjacent[node]:
            if {node, nxt} == set(skip) or nxt in seen:
                continue
            seen.add(nxt)
            todo.append(nxt)
    return seen
