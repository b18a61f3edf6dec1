import json
from datetime import date

import pytest

from scrapers import BadInput, LayoutChanged
from scrapers.communications import (
    parse_export_csv,
    parse_last_page,
    parse_listing,
    parse_reference,
    parse_sample_json,
    split_summary,
)

from .conftest import FIXTURES, SAMPLES

SAMPLE_JSON = SAMPLES / "ohchr" / "trunorth_latestreports_2026-07-12.json"
needs_samples = pytest.mark.skipif(not SAMPLE_JSON.exists(), reason="shared samples not present")


def _page(name):
    return (FIXTURES / "ohchr" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("text, expected", [
    ("UA HND 5/2013", ("UA", "HND", 5, 2013)),
    ("AL MEX 3/2014", ("AL", "MEX", 3, 2014)),
    ("OTH 155/2025", (None, "OTH", 155, 2025)),
    ("jal  aus 2 / 2026", ("JAL", "AUS", 2, 2026)),
])
def test_parse_reference_forms(text, expected):
    assert parse_reference(text) == expected


@pytest.mark.parametrize("text", ["HND-5-2013", "UA HND", "XYZ HND 5/2013", ""])
def test_parse_reference_rejects_other_text(text):
    with pytest.raises(ValueError):
        parse_reference(text)


def test_split_summary_trailer():
    assert split_summary("Text here. Alleged victims: 208") == ("Text here.", 208)
    assert split_summary("Text here. Alleged victims: -") == ("Text here.", None)
    assert split_summary("No trailer") == ("No trailer", None)


def test_parse_listing_reconstructed_page_fields():
    records = parse_listing(_page("communicationsent_page1_reconstructed.html"),
                            "https://spcommreports.ohchr.org/LatestReports/CommunicationSent?page=1")
    assert [r.reference for r in records] == [
        "JAL AUS 2/2026", "JAL OTH 157/2025", "JAL GBR 3/2026", "JAL PER 1/2026"]
    aus, aylo, gbr, per = records
    assert aus.date == date(2026, 2, 27)
    assert aus.addressee_name == "Australia"
    assert aus.site_id == 30774
    assert aus.letter_url == ("https://spcommreports.ohchr.org/TMResultsBase/"
                              "DownLoadPublicCommunicationFile?gId=30774")
    assert aus.mandates[3] == "human rights defenders"
    assert len(aus.mandates) == 5
    assert aus.summary.endswith("rights under the ICCPR.")
    assert "More details" not in aus.summary
    assert aus.alleged_victims is None
    assert [(r.date, r.url.rsplit("=", 1)[1]) for r in aus.replies] == [(date(2026, 4, 28),
                                                                          "41001")]
    assert aylo.addressee_code == "OTH" and aylo.addressee_name == "Aylo Holdings S.A.R.L."
    assert aylo.alleged_victims == 2 and aylo.replies == []
    # the first cell's lists come in another order and grouping here
    assert (gbr.date, gbr.addressee_name) == (
        date(2026, 1, 28), "United Kingdom of Great Britain and Northern Ireland")
    assert len(gbr.replies) == 2
    assert (aus.language, per.language) == ("en", "es")


def test_parse_listing_changed_layout_raises_with_url():
    url = "https://spcommreports.ohchr.org/LatestReports/CommunicationSent?page=3"
    with pytest.raises(LayoutChanged, match="no rows marked data-id") as info:
        parse_listing(_page("communicationsent_layout_changed_reconstructed.html"), url)
    assert info.value.location == url


def test_parse_listing_no_table_raises():
    with pytest.raises(LayoutChanged, match="no table"):
        parse_listing("<html><body><p>Service unavailable</p></body></html>")


def test_parse_last_page_reads_pager():
    assert parse_last_page(_page("communicationsent_page1_reconstructed.html")) == 2
    assert parse_last_page("<table></table>") is None


@needs_samples
def test_parse_sample_json_every_record():
    raw = json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))["communications"]
    records, errors = parse_sample_json(SAMPLE_JSON.read_text(encoding="utf-8"), "sample.json")
    assert errors == []
    assert len(records) == len(raw) == 32
    for item, rec in zip(raw, records, strict=True):
        code, rest = item["ref"].split(" ")
        assert (rec.addressee_code, f"{rec.number}/{rec.year}") == (code, rest)
        assert rec.type == item["type"]
        assert rec.date.isoformat() == item["date"]
        assert rec.addressee_name == item["country"]
        assert rec.mandates == item["mandates"]
        assert rec.site_id == int(item["id"])
        assert not rec.summary.endswith("Alleged victims: -")
        assert "Alleged victims" not in rec.summary
    by_ref = {r.reference: r for r in records}
    assert by_ref["JAL RUS 14/2025"].alleged_victims == 208
    assert by_ref["JAL OTH 155/2025"].addressee_name == "Google LLC"
    assert by_ref["JAL PER 1/2026"].language == "es"
    assert by_ref["JAL AUS 2/2026"].alleged_victims is None


def test_parse_sample_json_bad_record_reported_others_kept():
    text = json.dumps({"communications": [
        {"id": "1", "date": "2026-01-01", "country": "Peru", "type": "AL",
         "ref": "PER 1/2026", "mandates": [], "summary": "x Alleged victims: 1"},
        {"id": "2", "date": "2026-01-01", "country": "Peru", "type": "AL",
         "ref": "not a reference", "mandates": [], "summary": "x"},
    ]})
    records, errors = parse_sample_json(text, "upload.json")
    assert [r.reference for r in records] == ["AL PER 1/2026"]
    assert "upload.json (record 2, id 2)" in str(errors[0])


def test_parse_sample_json_not_json():
    with pytest.raises(BadInput, match=r"bad.json: not valid JSON \(line 1"):
        parse_sample_json("{nope", "bad.json")


def test_parse_export_csv_round_trip_fields():
    text = ("reference,type,date,addressee_code,addressee,mandates,summary,alleged_victims,"
            "language,letter_url,source_url,replies\n"
            'UA HND 5/2013,UA,2013-05-02,HND,Honduras,"human rights defenders; torture",'
            '"A defender was threatened.",1,en,https://x/letter,,'
            '"2013-07-01 https://x/r1; 2013-09-01 https://x/r2"\n'
            "XX,UA,2013-05-02,HND,Honduras,,,,,,,\n")
    records, errors = parse_export_csv(text, "export.csv")
    assert len(records) == 1
    rec = records[0]
    assert rec.reference == "UA HND 5/2013"
    assert rec.mandates == ["human rights defenders", "torture"]
    assert rec.alleged_victims == 1
    assert [r.url for r in rec.replies] == ["https://x/r1", "https://x/r2"]
    assert "export.csv, line 3" in str(errors[0])


def test_parse_export_csv_wrong_file():
    with pytest.raises(BadInput, match="missing columns"):
        parse_export_csv("a,b\n1,2\n", "other.csv")
