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
from werkzeug.http import dump_options_header, http_date

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


def filtered_name(stem: str, filters: dict[str, list[str]] | None, query: str = "") -> str:
    """A download's name from what it holds: communications-HND-2012-2014.

    Values of each filter in turn; years that follow one another become a range, so three
    ticked years read as a period (2012 and 2014 alone: 2012_2014). The name is made safe
    later, by attachment().
    """
    parts = [stem]
    for name, values in (filters or {}).items():
        if name == "year" and all(v.isdecimal() for v in values):
            runs: list[list[int]] = []
            for y in sorted({int(v) for v in values}):
                if runs and y == runs[-1][-1] + 1:
                    runs[-1].append(y)
                else:
                    runs.append([y])
            parts.append("_".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}"
                                  for r in runs))
        else:
            parts += [v.rsplit(":", 1)[-1] for v in values]  # "un-groups:weog": weog
    if query.strip():
        parts.append(query.strip()[:40])
    return "-".join(parts)


def as_csv(rows: list[dict], columns: list[str], filename: str,
           sources: list[dict[str, str]] | None = None) -> Response:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # the byte-order mark tells Excel the file is UTF-8
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_safe(row.get(c)) for c in columns])
    headers = attachment(filename, "csv")
    if sources:
        # A CSV has no room for notes that a spreadsheet would not read as data; when each
        # source was fetched travels with it in headers (and in the JSON's meta).
        headers["X-Sources-Fetched"] = "; ".join(f"{s['source']}={s['fetched_at']}"
                                                 for s in sources)
        headers["Last-Modified"] = http_date(max(
            datetime.fromisoformat(s["fetched_at"]) for s in sources))
    # content_type, not mimetype: Flask appends "; charset=utf-8" to a mimetype again.
    return Response(buffer.getvalue(), content_type="text/csv; charset=utf-8",
                    headers=headers)


def as_json(payload) -> Response:
    def convert(obj):
        if isinstance(obj, dict):
            return {k: convert(v) for k, v in obj.items()}
        if isinstance(obj, list | tuple | set):
            return [convert(v) for v in obj]
        return obj.isoformat() if isinstance(obj, datetime | date) else obj
    return jsonify(convert(payload))


def _sources() -> list[dict[str, str]]:
    from tracker.db import get_session
    from tracker.freshness import as_meta

    return as_meta(get_session())


def respond(fmt: str, *, html, rows: list[dict], columns: list[str], filename: str,
            meta: dict | None = None):
    """Answer in the asked format; `html` is a callable so other formats skip rendering.

    A CSV is named after the filters in `meta`; JSON and CSV both say when each source
    was last fetched.
    """
    if fmt == "json":
        return as_json({**(meta or {}), "sources": _sources(), "rows": rows})
    if fmt == "csv":
        meta = meta or {}
        return as_csv(rows, columns, filtered_name(filename, meta.get("filters"),
                                                   str(meta.get("query") or "")),
                      sources=_sources())
    return html()


def sources_fetched() -> list[tuple[str, str]]:
    """For the footer: each source and the day it was last fetched.

    An error page has a footer too, and may be shown because the database failed: the
    footer then goes without the dates rather than turning one error into two.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from tracker.db import get_session
    from tracker.freshness import described

    try:
        return described(get_session())
    except SQLAlchemyError:
        return []


def init_app(app):
    app.jinja_env.globals.update(sources_fetched=sources_fetched)
