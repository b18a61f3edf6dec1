"""Search: one box, facets with counts, the whole query in the URL; JSON, CSV and Atom."""

from datetime import UTC, datetime

from flask import Blueprint, current_app, render_template, request, url_for

from scrapers.text import xml_safe
from tracker.auth import PUBLIC, access
from tracker.db import get_session
from tracker.labels import mandate_names, region_names, state_names
from tracker.search import FACETS, as_date, search
from tracker.states import schemes
from tracker.views.helpers import with_query
from tracker.views.output import respond, routes
from tracker.vocabulary import label

bp = Blueprint("search", __name__)

FILTER_NAMES = [f for f in FACETS if f not in ("doc_type", "body")]
COLUMNS = ["reference", "type", "date", "state", "addressee", "mandates", "reply",
           "women", "whrd", "summary", "url", "page"]


def current_filters() -> dict[str, list[str]]:
    return {name: request.args.getlist(name) for name in FILTER_NAMES
            if request.args.getlist(name)}


def run_search(per_page=None, sort=None):
    page = request.args.get("page", "1")
    return search(current_app.config["SEARCH_INDEX_DIR"], request.args.get("q", ""),
                  filters=current_filters(),
                  sort=sort or request.args.get("sort", "relevance"),
                  page=int(page) if page.isdecimal() else 1,  # "²".isdigit(), int fails
                  per_page=per_page or current_app.config["PAGE_SIZE"])


def hit_row(hit, names) -> dict:
    f = hit.fields
    return {"reference": f.get("reference"), "type": f.get("type"),
            "date": as_date(f.get("date")), "state": f.get("state"),
            "state_name": names.get(f.get("state", ""), ""), "addressee": f.get("addressee"),
            "mandates": [m for m in (f.get("mandate") or "").split(",") if m],
            "reply": f.get("reply"), "women": f.get("women"), "whrd": f.get("whrd"),
            "summary": f.get("summary"), "url": f.get("url"),
            "page": url_for("communications.show", comm_id=f["db_id"], _external=True)}


@routes(bp, "/")
@access(PUBLIC)
def index(fmt):
    session = get_session()
    result = run_search()
    names = state_names(session)
    rows = [hit_row(h, names) for h in result.hits]
    meta = {"query": result.query, "total": result.total, "page": result.page,
            "pages": result.pages, "notice": result.notice, "suggestion": result.suggestion,
            "facets": result.facets, "filters": current_filters()}
    def html():
        mandates = mandate_names(session)
        return render_template(
            "search/index.html", result=result, rows=rows, hits=result.hits,
            filters=current_filters(), state_names=names, mandates=mandates,
            mandate_labels={slug: label(m.site_label, "mandate") for slug, m in mandates.items()},
            region_labels={term: label(name, "region")
                           for term, (_, name) in region_names(session).items()},
            schemes=schemes(session), scheme=request.args.get("scheme", "un-groups"))

    return respond(fmt, rows=rows, columns=COLUMNS, filename="communications", meta=meta,
                   html=html)


@bp.get("/search.atom")
@access(PUBLIC)
def feed():
    """An Atom feed of any search, newest first, for feed readers."""
    session = get_session()
    result = run_search(per_page=50, sort="date")
    names = state_names(session)
    rows = [hit_row(h, names) for h in result.hits]
    args = request.args.to_dict(flat=False)
    body = render_template(
        "search/feed.xml", rows=rows, updated=datetime.now(UTC).isoformat(timespec="seconds"),
        self_url=with_query(url_for("search.feed", _external=True), args),
        html_url=with_query(url_for("search.index", _external=True), args),
        title=feed_title(request.args.get("q", ""), current_filters(), names))
    # One control character in a scraped summary would make the whole feed unreadable.
    return current_app.response_class(xml_safe(body), mimetype="application/atom+xml")


def feed_title(q: str, filters: dict, names: dict) -> str:
    parts = [f"“{q}”"] if q else []
    for name, values in filters.items():
        shown = [names.get(v, v) if name == "state" else v for v in values]
        parts.append(f"{name}: {', '.join(shown)}")
    return "Geneva Tracker: communications" + (" — " + "; ".join(parts) if parts else "")
