"""Robust public views: the security probe's findings, one test each."""

import re

import pytest


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
