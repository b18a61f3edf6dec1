"""The search page as issue 11's new user met it: language, suggestions, years, notices,
pages past the end, the sidebar, and sorting, in HTML, JSON and CSV."""

import csv
import io
import re
from html import unescape

import pytest


@pytest.fixture
def web(loaded_app):
    return loaded_app.test_client()  # one per test: a ?lang= choice stays in a cookie


def _page(web, url):
    response = web.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def _lang_form_args(page):
    form = re.search(r'<form class="lang".*?</form>', page, re.S).group(0)
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)


def test_language_form_keeps_the_page_query(web):
    page = _page(web, "/?q=surveillance&state=GBR&state=USA&sort=-date&lang=fr")
    assert _lang_form_args(page) == [("q", "surveillance"), ("state", "GBR"),
                                     ("state", "USA"), ("sort", "-date")]


def test_language_form_keeps_the_query_on_other_pages(web):
    page = _page(web, "/resolutions/A/HRC/RES/27/31?among=council")
    assert _lang_form_args(page) == [("among", "council")]


def test_search_suggestion_leaves_ranges_alone(web):
    assert web.get("/search.json?q=date:[2030 to 2031]").get_json()["suggestion"] is None
    data = web.get("/search.json?q=surveilance date:[2030 to 2031]").get_json()
    assert data["suggestion"] == "surveillance date:[2030 to 2031]"


def test_year_facet_counts_the_year_sent_as_date_filters(web):
    by_date = web.get("/search.json?q=date:2026").get_json()
    everything = dict(web.get("/search.json").get_json()["facets"]["year"])
    assert everything["2026"] == by_date["total"] == dict(by_date["facets"]["year"])["2026"]
    by_year = web.get("/search.json?year=2026").get_json()
    assert by_year["total"] == by_date["total"]
    assert "<h2>Year sent</h2>" in _page(web, "/")


def test_unreadable_query_says_so(web):
    data = web.get("/search.json?q=Information AND (").get_json()
    assert data["notice"] == ("Your query could not be read as written, so we searched for "
                              "its words: Information")
    assert data["total"] > 0
    page = _page(web, "/?q=Information AND (&lang=es")
    assert "No se pudo leer la consulta tal como está escrita" in page


def test_page_past_the_end_says_so(web):
    pages = web.get("/search.json").get_json()["pages"]
    page = unescape(_page(web, "/?page=99&sort=state"))
    assert f"Page 99 of {pages} is past the end." in page
    assert f'href="http://localhost/?sort=state&page={pages}">Go to the last page' in page
    assert "No communication matches" not in page
    data = web.get("/search.json?page=99").get_json()
    assert data["past_end"] == f"Page 99 of {pages} is past the end."
    assert data["last_page"] == f"http://localhost/search.json?page={pages}"
    assert web.get("/search.json").get_json()["past_end"] is None


def test_region_facet_does_not_repeat_the_un_groups(web):
    page = _page(web, "/")
    assert "/?group=WEOG" in page
    assert "region=un-groups:" not in page
    assert '<option value="un-groups"' not in page
    assert "region=m49:europe" in page


def test_mandates_have_proper_names_and_explained_abbreviations(web):
    page = _page(web, "/")
    assert "arbitrary Detention" not in page
    assert 'title="Working Group on Arbitrary Detention">Arbitrary Detention (WGAD)</a>' in page
    assert ('<abbr class="tag" title="Special Rapporteur on the rights to freedom of peaceful '
            'assembly and of association">SR FoAA</abbr>') in page


def test_facet_beyond_its_limit_opens_without_javascript(web):
    page = _page(web, "/")
    more = re.search(r'<details class="more">\s*<summary>(\d+) more</summary>(.*?)</details>',
                     page, re.S)
    assert more and int(more.group(1)) == more.group(2).count("<li")
    assert "narrow the search" not in page


def test_results_come_before_the_filters_in_the_page(web):
    page = _page(web, "/")
    assert page.index('<ol class="hits">') < page.index('<aside class="facets"')
    assert '<a class="to-filters" href="#filters">' in page


def _refs(web, url):
    return [r["reference"] for r in web.get(url).get_json()["rows"]]


def _natural(ref):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", ref)]


@pytest.mark.parametrize("sort", ["reference", "-reference"])
def test_search_sorts_by_reference(web, sort):
    refs = _refs(web, f"/search.json?sort={sort}")
    assert refs == sorted(refs, key=_natural, reverse=sort.startswith("-"))


def test_search_sorts_by_date_state_and_reply(web):
    rows = web.get("/search.json?sort=-date").get_json()["rows"]
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates, reverse=True)
    rows = web.get("/search.json?sort=date").get_json()["rows"]
    assert [r["date"] for r in rows] == sorted(dates)
    rows = web.get("/search.json?sort=state").get_json()["rows"]
    shown = [(r["state_name"] if r["state"] != "OTH" else r["addressee"]).casefold()
             for r in rows]
    assert shown == sorted(shown)
    replies = [r["reply"] for r in web.get("/search.json?sort=-reply").get_json()["rows"]]
    assert replies == sorted(replies, reverse=True) and "replied" in replies


def test_search_sort_is_the_same_in_csv_and_kept_by_links(web):
    refs = _refs(web, "/search.json?sort=-reference")
    body = web.get("/search.csv?sort=-reference").get_data().decode("utf-8-sig")
    assert [r["reference"] for r in csv.DictReader(io.StringIO(body))] == refs
    page = unescape(_page(web, "/?sort=-state"))
    assert '<option value="-state" selected>' in page
    assert "/?sort=-state&state=GBR" in page  # a facet link
    assert 'href="/search.json?sort=-state"' in page


def test_search_sort_is_kept_by_the_pager(loaded_app):
    loaded_app.config["PAGE_SIZE"] = 5
    try:
        page = unescape(_page(loaded_app.test_client(), "/?sort=reference&state=OTH"))
    finally:
        loaded_app.config["PAGE_SIZE"] = 50
    assert 'rel="next" href="/?sort=reference&state=OTH&page=2"' in page


def test_search_unknown_sort_is_relevance(web):
    assert web.get("/search.json?sort=nonsense").get_json()["sort"] == "relevance"
    assert web.get("/search.json?sort=date-asc").get_json()["sort"] == "date"
