"""The search page as issue 11's new user met it: language, suggestions, years, notices,
pages past the end, the sidebar, and sorting, in HTML, JSON and CSV."""

import re

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
