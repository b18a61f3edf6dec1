"""One way out for every list: HTML, JSON or CSV from the same rows and filters.

Views register their rule once with `routes(bp, "/thing")`, which also answers
"/thing.json" and "/thing.csv"; the authorisation check in tracker.auth runs before any
of them, so a format can never bypass it.
"""

import csv
import io
import re
import unicodedata
from datetime import date, datetime
from urllib.parse import quote

from flask import Response, jsonify
from werkzeug.http import dump_options_header

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


def attachment(stem: str, ext: str) -> dict[str, str]:
    """The Content-Disposition header for a download named after data (a symbol, a title).

    Only letters, digits, ".", "_" and "-" are kept, so no quote or ";" in a symbol can add
    a parameter (a second filename=); filename* (RFC 5987) keeps accented letters.
    """
    name = _safe_stem(stem)
    plain = _safe_stem(unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode())
    return {"Content-Disposition": dump_options_header("attachment", {
        "filename": f"{plain or 'download'}.{ext}",
        "filename*": "UTF-8''" + quote(f"{name or 'download'}.{ext}", safe="")})}


def _safe_stem(text: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in text)
    return re.sub(r"-{2,}", "-", kept).strip(".-")[:100]


def as_csv(rows: list[dict], columns: list[str], filename: str) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_safe(row.get(c)) for c in columns])
    return Response(buffer.getvalue(), mimetype="text/csv; charset=utf-8",
                    headers=attachment(filename, "csv"))


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
