"""CSV and JSON downloads: names from the filters, Excel-readable UTF-8, source dates."""

import csv
import io

import pytest

from .conftest import SAMPLES

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")


def test_csv_has_one_charset_and_a_byte_order_mark(loaded_app):
    response = loaded_app.test_client().get("/search.csv?state=GBR")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.data.startswith(b"\xef\xbb\xbf")  # Excel reads ’ “ ó as UTF-8
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["reference", "type", "date"] and len(rows) > 1


def test_csv_is_named_after_its_filters(loaded_app):
    client = loaded_app.test_client()
    response = client.get("/search.csv?state=HND&year=2012&year=2013&year=2014")
    assert 'filename=communications-HND-2012-2014.csv' in response.headers[
        "Content-Disposition"]
    response = client.get("/search.csv?year=2014&year=2012&mandate=human-rights-defenders")
    assert "filename=communications-human-rights-defenders-2012_2014.csv" in (
        response.headers["Content-Disposition"].replace('"', ""))
    # a quote or ";" in a value cannot add a parameter
    response = client.get('/search.csv?state=X";filename=evil.exe')
    disposition = response.headers["Content-Disposition"]
    assert disposition.count("filename=") == 1 and "evil.exe" not in disposition.split(
        "filename*")[0].replace("evil.exe.csv", "")
    assert client.get("/search.csv").headers["Content-Disposition"].startswith(
        "attachment; filename=communications.csv")


def test_exports_and_footer_say_when_each_source_was_fetched(loaded_app):
    client = loaded_app.test_client()
    meta = client.get("/search.json?state=GBR").get_json()["sources"]
    fetched = {s["source"]: s["fetched_at"][:10] for s in meta}
    assert fetched["unbisnet"] == "2015-08-28"  # the sample's capture, not the import
    assert set(fetched) == {"communications", "undl", "unbisnet"}
    response = client.get("/search.csv?state=GBR")
    assert "unbisnet=2015-08-28T00:00:00+00:00" in response.headers["X-Sources-Fetched"]
    for path in ("/", "/dashboards/", "/states/GBR"):
        footer = client.get(path).get_data(as_text=True).split('<footer class="site">')[1]
        assert "UNBISnet catalogue of draft resolutions 2015-08-28" in footer, path
    dashboard = client.get("/dashboards/").get_data(as_text=True).split("<footer")[0]
    assert "UNBISnet catalogue of draft resolutions 2015-08-28" in dashboard
