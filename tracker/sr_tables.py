"""The Special Rapporteur's tables from data: letters by region, attack type and perpetrator.

The Special Rapporteur on human rights defenders reports each year how many communications
went to each region and what share expressly involved women. These tables give that
layout for any selection of letters and any region scheme, from the coded facets:

- on the dashboard, from the search index (`tracker.search.Matches`), so the list behind
  each number is the search list with the same query and filters;
- in a brief, from the brief's own letters (`DocCounts`), read as the index reads them.

A letter is counted in each region, attack type or perpetrator it carries: attack types and
perpetrators add up to more than the letters, and their percentages to more than 100.
Shares are of the letters coded: a letter not yet coded is counted, never taken for a "no".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from flask_babel import gettext
from sqlmodel import Session, select

from tracker.codebook import load_codebook
from tracker.labels import code_label
from tracker.models import Region
from tracker.search import CODED_FACETS, NONE_FOUND, communication_docs, region_term
from tracker.states import scheme_by_slug
from tracker.vocabulary import N_, label

# The vocabulary's slugs, in its order (the order the tables list them).
_CODEBOOK = load_codebook()
ATTACKS = _CODEBOOK.slugs("attack")
RISKS = _CODEBOOK.slugs("risk")
PERPETRATORS = {kind: tuple(slug for slug in _CODEBOOK.slugs("perpetrator")
                            if _CODEBOOK.term("perpetrator", slug).parent == kind
                            and slug != kind)  # "unknown" is its own type
                for kind in _CODEBOOK.slugs("perpetrator_type")}

# Rows that are not a value from the data, named in the interface's language.
ROW_NAMES = {"all": N_("All communications"),
             "outside_states": N_("States in no region of this scheme"),
             "outside_others": N_("Companies and other non-State addressees"),
             "none": N_("Coded, none found"),
             "coded": N_("Coded communications"),
             "uncoded": N_("Not yet coded")}


class Counts(Protocol):
    """A set of letters to count by facet: search Matches, or a brief's DocCounts."""

    total: int

    def narrowed(self, **values: str) -> Counts: ...
    def excluding(self, name: str, values) -> Counts: ...
    def values(self, name: str) -> dict[str, int]: ...


class DocCounts:
    """Letters as index documents held in memory, counted as the index counts them."""

    SPLIT = ("region", "mandate", *CODED_FACETS)  # the fields that hold several values

    def __init__(self, docs: Iterable[dict]):
        self.docs = [self._facets(d) for d in docs]
        self.total = len(self.docs)

    @classmethod
    def _facets(cls, doc: dict) -> dict[str, set[str]]:
        return {name: ({v for v in str(value).split(",") if v} if name in cls.SPLIT
                       else {str(value)})
                for name, value in doc.items() if isinstance(value, str)}

    @classmethod
    def _of(cls, docs: list[dict[str, set[str]]]) -> DocCounts:
        counts = cls([])
        counts.docs, counts.total = docs, len(docs)
        return counts

    def narrowed(self, **values: str) -> DocCounts:
        return self._of([d for d in self.docs
                         if all(v in d.get(name, ()) for name, v in values.items())])

    def excluding(self, name: str, values) -> DocCounts:
        values = set(values)
        return self._of([d for d in self.docs if not d.get(name, set()) & values])

    def values(self, name: str) -> dict[str, int]:
        return dict(Counter(v for d in self.docs for v in d.get(name, ()) if v))


@dataclass
class Row:
    kind: str  # region, outside_states, outside_others, all, attack, perpetrator_type, …
    key: str  # the facet value (a region's index term, a slug); "" for derived rows
    name: str  # the region's name from the data, or the slug
    count: int
    women: int  # of its letters coded for women, those that involve women
    women_coded: int
    coded: int  # its letters coded at all
    narrow: dict[str, str | list[str]]  # the facet values of the list behind it
    level: int = 0  # 1: a perpetrator under its kind
    by_region: dict[str, int] = field(default_factory=dict)  # region term -> letters

    @property
    def uncoded(self) -> int:
        return self.count - self.coded

    @property
    def women_share(self) -> float | None:
        """Percent of its letters coded for women that involve women; None if none coded."""
        return 100 * self.women / self.women_coded if self.women_coded else None

    def share(self, of: int) -> float | None:
        return 100 * self.count / of if of else None


@dataclass
class Table:
    kind: str  # regions | attacks | perpetrators
    scheme: str  # the region scheme of the rows or columns
    regions: list[tuple[str, str]]  # (index term, name) of the scheme's regions
    rows: list[Row]
    total: Row  # every letter of the selection
    outside: list[Row] = field(default_factory=list)  # regions: letters in no region
    overlap: int = 0  # regions: letters counted in two regions of the scheme
    none: Row | None = None  # attacks, perpetrators: coded letters that name none
    coded_row: Row | None = None  # attacks, perpetrators: the letters percentages are of
    uncoded_row: Row | None = None  # attacks, perpetrators: the letters left out of them

    @property
    def coded(self) -> int:
        return self.total.coded

    @property
    def uncoded(self) -> int:
        return self.total.uncoded

    def percent(self, row: Row) -> float | None:
        """The SR's percentage: of all letters for regions, of the coded ones otherwise."""
        if self.kind == "regions":
            return row.share(self.total.count)
        return row.share(self.coded) if row.kind not in ("all", "uncoded") else None


def _row(found: Counts, kind: str, key: str, name: str, narrow: dict, level: int = 0,
         regions: list[tuple[str, str]] = ()) -> Row:
    women = found.values("women")
    yes = women.get("yes", 0)
    by_region = {term: found.narrowed(region=term).total for term, _ in regions} \
        if found.total else {}
    return Row(kind, key, name, found.total, yes, yes + women.get("no", 0),
               found.values("coded").get("coded", 0), narrow, level, by_region)


def scheme_regions(session: Session, scheme_slug: str) -> list[tuple[str, str]]:
    """The regions of a scheme in its order, as (index term, name); [] if no such scheme."""
    scheme = scheme_by_slug(session, scheme_slug)
    if scheme is None:
        return []
    names = session.exec(select(Region.name).where(Region.scheme_id == scheme.id)
                         .order_by(Region.sort_order, Region.name)).all()
    return [(region_term(scheme.slug, name), name) for name in names]


def region_table(found: Counts, scheme: str, regions: list[tuple[str, str]]) -> Table:
    """Letters per region with their share of all, and the share involving women.

    Letters that reach no region of the scheme get rows of their own (States outside the
    scheme, then companies and other non-State addressees), so the rows add up to the total.
    """
    rows = [_row(found.narrowed(region=term), "region", term, name, {"region": term})
            for term, name in regions]
    elsewhere = found.excluding("region", [term for term, _ in regions])
    outside = []
    states = sorted(iso3 for iso3 in elsewhere.values("state") if iso3 != "OTH")
    if states:
        outside.append(_row(elsewhere.excluding("state", ["OTH"]), "outside_states", "",
                            ROW_NAMES["outside_states"], {"state": states}))
    others = elsewhere.narrowed(state="OTH")
    if others.total:
        outside.append(_row(others, "outside_others", "OTH", ROW_NAMES["outside_others"],
                            {"state": "OTH"}))
    total = _row(found, "all", "", ROW_NAMES["all"], {})
    overlap = sum(r.count for r in rows + outside) - total.count
    return Table("regions", scheme, regions, rows, total, outside=outside, overlap=overlap)


def _code_table(kind: str, found: Counts, scheme: str, regions, rows: list[Row],
                none_facet: str) -> Table:
    def whole(counts: Counts, key: str, narrow: dict) -> Row:
        return _row(counts, key, narrow.get(none_facet, ""), ROW_NAMES[key], narrow,
                    regions=regions)

    return Table(kind, scheme, regions, rows, whole(found, "all", {}),
                 none=whole(found.narrowed(**{none_facet: NONE_FOUND}), "none",
                            {none_facet: NONE_FOUND}),
                 coded_row=whole(found.narrowed(coded="coded"), "coded", {"coded": "coded"}),
                 uncoded_row=whole(found.narrowed(coded="uncoded"), "uncoded",
                                   {"coded": "uncoded"}))


def _code_rows(found: Counts, facet: str, slugs: Iterable[str], regions, level: int = 0):
    return [_row(found.narrowed(**{facet: s}), facet, s, s, {facet: s}, level, regions)
            for s in slugs]


def _extra(found: Counts, facet: str, known: Iterable[str]) -> list[str]:
    """Values in the data that the fixed list does not hold (a slug added to the rules)."""
    return sorted(set(found.values(facet)) - set(known) - {NONE_FOUND})


def attack_table(found: Counts, scheme: str, regions: list[tuple[str, str]]) -> Table:
    """Letters per attack type, with its share of the coded letters, by region."""
    slugs = [*ATTACKS, *_extra(found, "attack", ATTACKS)]
    return _code_table("attacks", found, scheme, regions,
                       _code_rows(found, "attack", slugs, regions), "attack")


def perpetrator_table(found: Counts, scheme: str, regions: list[tuple[str, str]]) -> Table:
    """Letters per kind of perpetrator (State, non-State, unknown), each followed by its
    perpetrators, with the share of the coded letters, by region."""
    rows = []
    for kind, perpetrators in PERPETRATORS.items():
        rows += _code_rows(found, "perpetrator_type", [kind], regions)
        rows += _code_rows(found, "perpetrator", perpetrators, regions, level=1)
    known = [p for ps in PERPETRATORS.values() for p in ps] + list(PERPETRATORS)
    rows += _code_rows(found, "perpetrator", _extra(found, "perpetrator", known), regions)
    return _code_table("perpetrators", found, scheme, regions, rows, "perpetrator_type")


def risk_table(found: Counts, scheme: str, regions: list[tuple[str, str]]) -> Table:
    """Letters per risk factor, with its share of the coded letters, by region (not one of
    the Special Rapporteur's tables: the case map sets cases beside it)."""
    slugs = [*RISKS, *_extra(found, "risk", RISKS)]
    return _code_table("risks", found, scheme, regions,
                       _code_rows(found, "risk", slugs, regions), "risk")


TABLES = {"regions": region_table, "attacks": attack_table, "perpetrators": perpetrator_table}


def sr_tables(found: Counts, session: Session, scheme: str) -> dict[str, Table]:
    """The three tables for one selection of letters and one region scheme."""
    regions = scheme_regions(session, scheme)
    return {kind: build(found, scheme, regions) for kind, build in TABLES.items()}


def letters_of(session: Session, ids: Iterable[int]) -> DocCounts:
    """Some letters from the database, with the facets the index would give them."""
    return DocCounts(communication_docs(session, list(ids)))


def row_label(row: Row) -> str:
    """A row's name in the reader's language."""
    if row.kind == "region":
        return label(row.name, "region")
    if row.kind in ROW_NAMES:
        return gettext(row.name)
    return code_label(row.key, row.kind)


def lines(table: Table) -> list[Row]:
    """The rows in the order a page, a CSV or a brief shows them, the total last."""
    extra = [r for r in (table.none, table.coded_row, table.uncoded_row) if r is not None]
    return table.rows + table.outside + extra + [table.total]


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def csv_rows(table: Table) -> tuple[list[dict], list[str]]:
    """The table as the CSV and JSON give it: one row per line of the page, total last."""
    names = dict(table.regions)
    region_columns = [names[t] for t, _ in table.regions] if table.kind != "regions" else []
    columns = ["row", "key", "label", "communications",
               "percent_of_all" if table.kind == "regions" else "percent_of_coded",
               "involving_women", "coded_for_women", "percent_women", "coded",
               "not_yet_coded", *region_columns]
    out = []
    for row in lines(table):
        percent = table.percent(row)
        women = row.women_share
        out.append({"row": row.kind, "key": row.key, "label": row_label(row),
                    columns[4]: None if percent is None else round(percent, 1),
                    "communications": row.count, "involving_women": row.women,
                    "coded_for_women": row.women_coded,
                    "percent_women": None if women is None else round(women, 1),
                    "coded": row.coded, "not_yet_coded": row.uncoded,
                    **{names[t]: row.by_region.get(t, 0) for t, _ in table.regions
                       if region_columns}})
    return out, columns
