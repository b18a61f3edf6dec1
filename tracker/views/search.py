"""Search: one box, facets with counts, the whole query in the URL; JSON, CSV and Atom."""

import re
from datetime import UTC, datetime

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import gettext

from scrapers.text import xml_safe
from tracker.auth import PUBLIC, access
from tracker.db import get_session
from tracker.labels import code_label, mandate_names, region_names, state_names
from tracker.letters import passages
from tracker.search import FACETS, NONE_FOUND, as_date, read_sort, search
from tracker.states import schemes
from tracker.views.helpers import url_with, with_query
from tracker.views.output import respond, routes
from tracker.vocabulary import label

bp = Blueprint("search", __name__)

FILTER_NAMES = [f for f in FACETS if f not in ("doc_type", "body", "vote")]
CODED_COLUMNS = ["coded", "attack", "perpetrator_type", "perpetrator", "risk"]
COLUMNS = ["reference", "type", "date", "state", "addressee", "mandates", "reply",
           "women", "whrd", *CODED_COLUMNS, "summary", "url", "page"]


def current_filters() -> dict[str, list[str]]:
    return {name: request.args.getlist(name) for name in FILTER_NAMES
            if request.args.getlist(name)}


def run_search(per_page=None, sort=None):
    page = request.args.get("page", "1")
    return search(current_app.config["SEARCH_INDEX_DIR"], request.args.get("q", ""),
                  filters=current_filters(),
                  sort=sort or read_sort(request.args.get("sort")),
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
            "page": url_for("communications.show", comm_id=f["db_id"], _external=True),
            **coded_row(f)}


def coded_row(fields: dict) -> dict:
    """A hit's coded facets: slugs, several to a letter; empty when none were found."""
    row = {name: [v for v in (fields.get(name) or "").split(",") if v and v != NONE_FOUND]
           for name in CODED_COLUMNS if name != "coded"}
    row["coded"] = fields.get("coded") or "uncoded"  # an index built before coding existed
    return row


def coded_labels(facets: dict[str, list[tuple[str, int]]],
                 filters: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """The facet entries and filter chips of the coded values, in the reader's language.

    A filter's value may have no facet entry (a search that finds nothing), and its chip
    still needs a name rather than the slug.
    """
    labels = {name: {value: code_label(value, name)
                     for value in [v for v, _ in facets.get(name, [])] + filters.get(name, [])}
              for name in ("attack", "perpetrator_type", "perpetrator", "risk")}
    labels["coded"] = {"coded": gettext("coded"), "uncoded": gettext("not yet coded")}
    return labels


@routes(bp, "/")
@access(PUBLIC)
def index(fmt):
    session = get_session()
    result = run_search()
    names = state_names(session)
    rows = [hit_row(h, names) for h in result.hits]
    notice = notice_text(result.notice)
    past_end = gettext("Page %(page)d of %(pages)d is past the end.", page=result.page,
                       pages=result.pages) if result.past_end else None
    meta = {"query": result.query, "total": result.total, "page": result.page,
            "pages": result.pages, "sort": result.sort, "notice": notice,
            "suggestion": result.suggestion, "past_end": past_end,
            "last_page": last_page_url(result.pages) if past_end else None,
            "facets": result.facets, "filters": current_filters()}

    def html():
        mandates = mandate_names(session)
        region_schemes, scheme = region_choice(session)
        return render_template(
            "search/index.html", result=result, rows=rows, hits=result.hits, notice=notice,
            past_end=past_end, last_page=last_page_url(result.pages),
            filters=current_filters(), state_names=names, mandates=mandates,
            mandate_labels=mandate_labels(mandates),
            mandate_titles={slug: label(m.full_name, "mandate") for slug, m in mandates.items()},
            region_labels={term: label(name, "region")
                           for term, (_, name) in region_names(session).items()},
            schemes=region_schemes, scheme=scheme,
            coded_labels=coded_labels(result.facets, current_filters()),
            passages=passages(session, result.hits, result.document_terms),
            clear_url=url_with(**dict.fromkeys(FILTER_NAMES)))

    return respond(fmt, rows=rows, columns=COLUMNS, filename="communications", meta=meta,
                   html=html)


def last_page_url(pages: int) -> str:
    """This search's last page, in the format asked for."""
    args = {k: v for k, v in request.args.to_dict(flat=False).items() if k != "page"}
    args["page"] = [str(pages)]
    return with_query(url_for(request.endpoint, _external=True), args)


def notice_text(notice) -> str | None:
    """Say how the query was read in the reader's language."""
    if notice is None:
        return None
    if notice.key == "cut":
        return gettext("The query was cut to its first %(n)d characters.", n=notice.args["n"])
    if notice.key == "no-words":
        return gettext("The query had no words to search for, so everything is shown.")
    return gettext("Your query could not be read as written, so we searched for its words: "
                   "%(words)s", words=notice.args["words"])


def mandate_labels(mandates) -> dict[str, str]:
    """A short name for each mandate's facet entry, with the abbreviation the results show.

    The site's labels are short but carry odd capitals ("arbitrary Detention"); each word
    takes the capitals it has in the mandate's full name ("Arbitrary Detention (WGAD)").
    """
    labels = {}
    for slug, m in mandates.items():
        translated = label(m.site_label, "mandate")
        # In Spanish or French the catalogue's name is already written properly.
        name = translated if translated != m.site_label else _cased_like(m.site_label,
                                                                         m.full_name)
        short = label(m.short_name, "mandate") if m.short_name else ""
        labels[slug] = f"{name} ({short})" if short else name
    return labels


def _cased_like(label: str, name: str) -> str:
    cased = {w.casefold(): w for w in re.findall(r"\w+", name)}
    label = re.sub(r"\w+", lambda w: cased.get(w[0].casefold(), w[0]), label)
    return label[:1].upper() + label[1:]


def region_choice(session):
    """The region schemes to offer and the one shown: the UN regional groups have their
    own facet, so the region facet never repeats them."""
    offered = [s for s in schemes(session) if s.slug != "un-groups"]
    asked = request.args.get("scheme")
    slugs = [s.slug for s in offered]
    return offered, asked if asked in slugs else (slugs[0] if slugs else "")


@bp.get("/search.atom")
@access(PUBLIC)
def feed():
    """An Atom feed of any search, newest first, for feed readers."""
    session = get_session()
    result = run_search(per_page=50, sort="-date")
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
