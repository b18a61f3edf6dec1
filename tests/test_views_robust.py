"""Robust public views: the security probe's findings by name, then a fuzz of every route.

The fuzz draws every route's path and query parameters (and a form for POST routes):
never a 500, never a huge answer. Routes come from app.url_map, so a new route is fuzzed
without editing this file. The cases are derandomised (the same ones every run, so CI
cannot flake); set TRACKER_FUZZ_EXAMPLES for a deeper run. On PostgreSQL the module
shares one database (see loaded_app), so the fuzz, which posts forms, runs last.
"""

import os
import re
from collections import Counter
from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from tracker.search import FACETS

from .conftest import SAMPLES, sign_in

MAX_BODY = 5 * 1024 * 1024
EXAMPLES = int(os.environ.get("TRACKER_FUZZ_EXAMPLES", "50"))
RUN = Counter()  # requests per route and method, quoted by the summary line
LARGEST = [0]  # the largest answer seen, in bytes

# The views' own parameters, then names that collide with url_for's keywords and path parts.
PARAMS = [*FACETS, "q", "page", "sort", "scheme", "lang", "among", "fmt", "endpoint",
          "_external", "_anchor", "_scheme", "_method", "values", "iso3", "symbol", "comm_id",
          "brief_id", "version", "filename"]
KNOWN_VALUES = ["GBR", "HND", "2025", "yes", "no", "un-groups", "sr-hrd", "council", "date",
                "date-asc", "relevance", "fr", "JAL", "human-rights-defenders",
                "un-groups:weog", "A/HRC/RES/27/1"]
SYNTAX = ['"', "(", ")", "*", "?", "AND", "OR NOT", "state:GBR", "date:[2020 TO]", "~2",
          "^3", "\\", "%", "&", "=", "#", "{", "[", "/", "..", "../../etc/passwd", "\x00",
          "\r\n", "<script>", "'; --", "\u202e", "\ufeff", "𝔘𝔑"]
NUMBERS = (st.integers(min_value=-5, max_value=5).map(str)
           | st.integers(min_value=2**31 - 2, max_value=10**30).map(str)
           | st.sampled_from(["99999999999999999999999", "1e999", "NaN", "-0", "²", "٣",
                              "0x10", "00000000000000000001"]))
TEXT = st.one_of(st.text(max_size=40), NUMBERS, st.sampled_from(KNOWN_VALUES + SYNTAX),
                 st.lists(st.sampled_from(SYNTAX) | st.text(max_size=5), max_size=6)
                 .map("".join))


def _encode(text: str, safe: str = "") -> str:
    return quote(text, safe=safe)


# Percent-encoded raw bytes reach the app as invalid UTF-8.
RAW = st.binary(min_size=1, max_size=12).map(lambda b: quote_from_bytes(b, safe=""))
VALUE = TEXT.map(_encode) | RAW
NAME = st.sampled_from(PARAMS).map(_encode) | st.text(min_size=1, max_size=8).map(_encode)
PAIRS = st.lists(st.tuples(NAME, VALUE), max_size=8)
# One parameter repeated up to past the per-parameter cap.
REPEATED = st.tuples(NAME, VALUE, st.integers(min_value=1, max_value=80)).map(
    lambda t: [(t[0], t[1])] * t[2])
QUERY = st.tuples(PAIRS, REPEATED | st.just([])).map(
    lambda t: "&".join(f"{k}={v}" for k, v in t[0] + t[1]))

@pytest.fixture(scope="module")
def web(loaded_app):
    """An administrator, so that the fuzz reaches every route past the sign-in check; its
    wrong passwords and codes must not lock it out half-way."""
    loaded_app.config["LOGIN_LOCKOUT_ATTEMPTS"] = 10**9
    return sign_in(loaded_app, "fuzzer", "admin")


@pytest.mark.parametrize("url", [
    "/communications/99999999999999999999999", "/communications/99999999999999999999999.json",
    f"/communications/{2**31}", "/briefs/99999999999999999999999",
    "/briefs/99999999999999999999999.pdf", "/briefs/1/versions/99999999999999999999999.json",
    f"/briefs/{2**63}.docx"])
def test_ids_past_the_integer_columns_answer_404(web, url):
    assert web.get(url).status_code == 404


@pytest.mark.parametrize("query", ["region=un-groups:weog", "state=GBR", "year=2025",
                                   "women=yes", "region=un-groups:weog&state=GBR&year=2025"])
def test_dashboard_filters_keep_every_link(web, query):
    response = web.get(f"/dashboards/?{query}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    name, _, value = query.partition("&")[0].partition("=")
    # The list behind the total keeps the filter, once.
    total = re.search(r'<tfoot>.*?<a href="([^"]+)"', page, re.S).group(1)
    assert total.count(f"{name}=") == 1 and f"{name}={value}" in total


@pytest.mark.parametrize("path", ["/", "/search.json", "/search.csv", "/dashboards/",
                                  "/dashboards.json", "/search.atom"])
def test_filter_values_past_the_cap_answer_400(web, path):
    many = "&".join(f"state=S{i:02d}" for i in range(51))
    response = web.get(f"{path}?{many}")
    assert response.status_code == 400
    assert "at most 50" in response.get_data(as_text=True)
    assert web.get(f"{path}?{many.rsplit('&', 1)[0]}").status_code == 200


def test_filter_value_cap_error_in_the_asked_format(web):
    many = "&".join(["mandate=x"] * 51)
    assert web.get(f"/search.json?{many}").get_json()["message"].startswith(
        "Too many values for “mandate” (51)")
    response = web.get(f"/search.csv?{many}")
    assert response.mimetype == "text/plain"
    assert "Too many values" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/states/%00", "/resolutions/A%00.json", "/?scheme=%00",
                                 "/states?scheme=un%00", "/?q%00=x", "/?q=a&q=%00"])
def test_nul_characters_answer_400_on_every_database(web, url):
    response = web.get(url)
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True)


def test_query_string_past_the_cap_answers_414(web):
    assert web.get("/?q=" + "a" * 8200).status_code == 414
    assert web.get("/?q=" + "a" * 8000).status_code == 200

def test_longest_query_the_cap_allows_stays_under_the_size_bound(web):
    """Every facet link repeats the query: the query cap is what bounds a page's size."""
    query = "&".join([f"state={'x' * 40}"] * 50 + [f"q={'é' * 300}"])[:8192]
    for path in ("/", "/dashboards/", "/search.atom"):
        response = web.get(f"{path}?{query}")
        assert response.status_code == 200
        assert len(response.data) < MAX_BODY


@pytest.mark.parametrize("url", ["/?fmt=json", "/?endpoint=x&_external=1", "/dashboards/?fmt=csv",
                                 "/search.atom?fmt=x&endpoint=y", "/resolutions/?_anchor=x",
                                 "/states/GBR?fmt=json&iso3=FRA"])
def test_query_names_like_url_for_keywords_are_plain_arguments(web, url):
    """Found by the fuzz: links passed the query to url_for, where these names collide."""
    assert web.get(url).status_code == 200


@pytest.mark.parametrize("page", ["%C2%B2", "%D9%A3", "99999999999999999999999", "-1"])
def test_search_page_of_any_digits_answers(web, page):
    """"²" passes str.isdigit but not int(): a 500 before."""
    assert web.get(f"/?page={page}").status_code == 200
    assert web.get(f"/search.json?page={page}").status_code == 200


ARGUMENT = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")


def _segment(converter: str):
    """Path values: ids that exist, huge numbers, and anything else."""
    if converter == "int":
        return st.integers(min_value=0, max_value=3).map(str) | NUMBERS | TEXT.map(_encode)
    return TEXT.map(lambda t: _encode(t, safe="/" if converter == "path" else "")) | RAW


def _paths(rule: str):
    parts = ARGUMENT.split(rule)
    # split gives literal, converter, name, literal, ...
    pieces = [st.just(parts[0])]
    for i in range(1, len(parts), 3):
        pieces += [_segment(parts[i] or "default"), st.just(parts[i + 2])]
    return st.tuples(*pieces).map("".join)


# Form fields of the POST routes, beside the query's names.
FORM = st.lists(st.tuples(st.sampled_from(["title", "subject", "start", "end", "context",
                                           "talking_points", "asks", "note", "name",
                                           "status", *PARAMS]), TEXT), max_size=6)


@pytest.fixture(scope="module")
def fuzzed(loaded_app, web):
    if SAMPLES.is_dir():  # a brief to export, so /briefs/1.pdf is more than a 404
        web.post("/briefs/", data={"title": "Fuzz", "subject": "mandate|human-rights-defenders"})
        web.post("/briefs/1", data={"context": "Context\n" * 20, "asks": "Ask ü ✓"})
    # Signing out would leave the rest of the fuzz at the sign-in page.
    return sorted({(method, r.rule) for r in loaded_app.url_map.iter_rules()
                   for method in ("GET", "POST") if method in r.methods} - {("POST", "/logout")})


def _probe(client, method, rule):
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(path=_paths(rule), query=QUERY, form=FORM)
    def probe(path, query, form):
        RUN[method, rule] += 1
        url = f"{path}?{query}" if query else path
        response = (client.get(url) if method == "GET" else
                    client.post(url, data=MultiDict(form)))
        LARGEST[0] = max(LARGEST[0], len(response.data))
        assert response.status_code < 500, (method, url, form, response.status_code)
        assert len(response.data) <= MAX_BODY, (method, url, form, len(response.data))
    return probe


def test_fuzz_every_route_answers_without_error_or_excess(fuzzed, web, capsys):
    """Last in the module: the POST routes change the database the tests above read."""
    failures = []
    for method, rule in fuzzed:
        try:
            _probe(web, method, rule)()
        except Exception as exc:  # noqa: BLE001 - every route is probed, failures listed
            found = getattr(exc, "exceptions", [exc])  # several distinct bugs in one route
            failures += [f"{method} {rule}: {type(e).__name__}: {str(e)[:1000]}" for e in found]
    with capsys.disabled():
        print(f"\nfuzz: {sum(RUN.values())} requests over {len(fuzzed)} routes and methods, "
              f"largest answer {LARGEST[0] / 1024:.0f} KiB")
    assert not failures, "\n\n".join(failures)

