"""One way out for every list: HTML, JSON or CSV from the same rows and filters.

Views register their rule once with `routes(bp, "/thing")`, which also answers
"/thing.json" and "/thing.csv"; the authorisation check in tracker.auth runs before any
of them, so a format can never bypass it.
"""

import csv
import io
from datetime import date, datetime

from flask import Response, jsonify

FORMATS = ("html", "json", "csv")


def routes(bp, rule: str, **options):
    """Register a view for rule, rule.json and rule.csv, passing fmt to it."""
    def register(view):
        for fmt in FORMATS:
            path = rule if fmt == "html" else (rule.rstrip("/") or "/search") + f".{fmt}"
            bp.add_url_rule(path, view.__name__ if fmt == "html" else f"{view.__name__}_{fmt}",
                            view, defaults={"fmt": fmt}, **options)
        return view
    return register


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return "; ".join(str(_plain(v)) for v in value)
    return value


def csv_safe(value) -> str:
    """Neutralise spreadsheet formulas: scraped text is untrusted (CSV injection)."""
    text = "" if value is None else str(_plain(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def as_csv(rows: list[dict], columns: list[str], filename: str) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_safe(row.get(c)) for c in columns])
    return Response(buffer.getvalue(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})


def as_json(payload) -> Response:
    def convert(obj):
        if isinstance(obj, dict):
            return {k: convert(v) for k, v in obj.items()}
        if isinstance(obj, list | tuple | set):
            return [convert(v) for v in obj]
        return obj.isoformat() if isinstance(obj, datetime | date) else obj
    return jsonify(convert(payload))


def respond(fmt: str, *, html, rows: list[dict], columns: list[str], filename: str,
            meta: dict | None = None):
    """Answer in the asked format; `html` is a callable so other formats skip rendering."""
    if fmt == "json":
        return as_json({**(meta or {}), "rows": rows})
    if fmt == "csv":
        return as_csv(rows, columns, filename)
    return html()
