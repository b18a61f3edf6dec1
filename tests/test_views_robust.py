"""Robust public views: the security probe's findings, one test each."""

import re

import pytest

MAX_BODY = 5 * 1024 * 1024


@pytest.fixture(scope="module")
def web(loaded_app):
    return loaded_app.test_client()


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
