"""Sortable lists: `?sort=column` or `?sort=-column`, checked against each list's columns.

A list declares its columns once, each with a key function on its rows:

    BY = Sorting({"symbol": lambda r: symbol_key(r["symbol"]), "date": lambda r: r["date"]},
                 default="symbol")
    order = BY.read()                 # 400 with the allowed names for an unknown column
    rows = order.apply(rows)          # the same order for HTML, JSON and CSV

and its template writes `{{ sort_th(order, 'symbol', _('Symbol')) }}` (templates/_sort.html)
for a header that links to the other direction and carries aria-sort. The sort stays in the
URL, so pager links (url_with keeps the query) keep it, and a filter form repeats it with
`sort_hidden(order)`. A page with several tables gives each its own parameter
(`Sorting(..., param="votes_sort")`); changing any sort goes back to the first page.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, request
from flask_babel import gettext as _

from tracker.views.helpers import url_with


def text_key(value: str | None) -> str | None:
    """Compare text as a reader would: without case or accents (Côte d'Ivoire under C)."""
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def natural_key(value: str | None) -> tuple | None:
    """Text with its numbers compared as numbers: "27/3" before "27/24".

    Splitting on digit runs always gives text, number, text…, so two keys compare text with
    text and numbers with numbers.
    """
    if value is None:
        return None
    parts = re.split(r"(\d+)", text_key(value))
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def symbol_key(symbol: str | None) -> tuple | None:
    """Order UN document symbols by body, session and number.

    The document type (RES, DEC, PRST) is compared last, so the Council's resolutions and
    decisions of one session sit together: A/HRC/RES/27/3, A/HRC/DEC/27/4, A/HRC/RES/27/24.
    The General Assembly ("A/") comes before its Council ("A/HRC/").
    """
    if symbol is None:
        return None
    return (natural_key(re.sub(r"/(?:RES|DEC|PRST)/", "/", symbol, flags=re.IGNORECASE)),
            natural_key(symbol))


@dataclass(frozen=True)
class Sorting:
    """The columns a list can be sorted by, with a key for each, and its default order."""

    columns: dict[str, Callable]  # name -> key(row); a None key sorts last either way
    default: str  # a column name, with "-" for descending
    param: str = "sort"
    anchor: str = ""  # the table's id, so a header link returns to it

    def read(self) -> "Order":
        """The order the request asks for; an unknown column answers 400 with the choices."""
        asked = request.args.get(self.param, "").strip() or self.default
        column = asked.removeprefix("-")
        if column not in self.columns:
            abort(400, description=_(
                "This list cannot be sorted by “%(column)s”. Sort by one of: %(columns)s "
                "(a “-” before the name reverses the order, as in %(param)s=-%(first)s).",
                column=column[:40], columns=", ".join(self.columns), param=self.param,
                first=next(iter(self.columns))))
        return Order(self, column, asked.startswith("-"))


@dataclass(frozen=True)
class Order:
    """One list's order in this request: what sorting applies and how headers link."""

    sorting: Sorting
    column: str
    descending: bool

    def apply(self, rows) -> list:
        """Sort rows by the column; ties keep the default order, empty values go last."""
        rows = list(rows)
        default = self.sorting.default.removeprefix("-")
        if default != self.column:
            rows = _sorted(rows, self.sorting.columns[default],
                           self.sorting.default.startswith("-"))
        return _sorted(rows, self.sorting.columns[self.column], self.descending)

    @property
    def value(self) -> str:
        return ("-" if self.descending else "") + self.column

    def aria(self, column: str) -> str | None:
        """The header's aria-sort: only the sorted column carries one."""
        if column != self.column:
            return None
        return "descending" if self.descending else "ascending"

    def href(self, column: str) -> str:
        """The link of a column's header: sort by it, or reverse it if it is the sorted one."""
        value = "-" + column if column == self.column and not self.descending else column
        anchor = f"#{self.sorting.anchor}" if self.sorting.anchor else ""
        return url_with(**{self.sorting.param: value}) + anchor


def _sorted(rows: list, key: Callable, descending: bool) -> list:
    # Each key once: a symbol's natural key costs a few regular expressions, and the list
    # of resolutions sorts thousands of them on every request.
    keyed = [(key(r), r) for r in rows]
    known = [(k, r) for k, r in keyed if k is not None]
    unknown = [r for k, r in keyed if k is None]
    known.sort(key=lambda kr: kr[0], reverse=descending)
    return [r for _, r in known] + unknown


def page_of(rows: list, size: int, param: str = "page") -> tuple[list, int, int]:
    """One page of rows from ?page= (or another parameter, for a second table on the
    page), with the page number and the count of pages.

    A page past the end shows the last; anything that is not a number shows the first.
    """
    pages = max(1, -(-len(rows) // size))
    asked = request.args.get(param, "1")
    page = min(max(int(asked), 1), pages) if asked.isdecimal() and len(asked) < 10 else 1
    return rows[(page - 1) * size:page * size], page, pages
