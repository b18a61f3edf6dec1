"""The real UN snapshot that ships for a first run, and the home page's notice about it."""

from sqlmodel import Session, select

from tracker.db import get_engine
from tracker.models import Draft, Resolution
from tracker.snapshot import SNAPSHOT_DIR, snapshot_files

from .conftest import FIXTURES

NOTICE = "Sample data only"


def test_snapshot_is_small_and_every_file_has_its_source_noted():
    files = snapshot_files()
    assert [p.relative_to(SNAPSHOT_DIR).as_posix() for p in files] == [
        "ohchr/trunorth_latestreports_2026-07-12.json",
        "un_resolutions/unbisnet_draft_authors_subset.csv",
        "un_resolutions/unbisnet_draft_resolutions_subset.csv"]
    assert sum(p.stat().st_size for p in SNAPSHOT_DIR.rglob("*") if p.is_file()) < 300_000
    source = (SNAPSHOT_DIR / "SOURCE.md").read_text(encoding="utf-8")
    for path in files:
        assert path.name in source
    for origin in ("https://spcommreports.ohchr.org/LatestReports/CommunicationSent",
                   "c3b24eb778e035cb236a60ab1d4e13dde8b2d4cf", "2026-07-12",
                   "626c206ceb7c097683496591f09b9505952801f5", "2015-08-28"):
        assert origin in source


def test_snapshot_keeps_no_field_invented_by_the_third_party_scraper():
    text = (SNAPSHOT_DIR / "ohchr" / "trunorth_latestreports_2026-07-12.json").read_text(
        encoding="utf-8")
    assert '"ref": "AUS 2/2026"' in text
    assert "named_companies" not in text and '"topic"' not in text


def test_snapshot_loaded_without_samples_and_shown_with_the_notice(app, runner, client,
                                                                   tmp_path):
    assert "No data yet" in client.get("/").get_data(as_text=True)
    app.config["SAMPLES_DIR"] = str(tmp_path / "no-samples-here")
    result = runner.invoke(args=["load-samples"])
    assert result.exit_code == 0, result.output
    assert f"No sample files in {tmp_path / 'no-samples-here'}: loading the small snapshot" in (
        result.output)
    assert "tracker scrape communications" in result.output
    assert "89 new," in result.output and "0 failed;" in result.output

    page = client.get("/").get_data(as_text=True)
    assert "JAL AUS 2/2026" in page and "JAL RUS 1/2025" in page
    assert NOTICE in page and "tracker scrape undl --query" in page
    assert "No data yet" not in page
    spanish = app.test_client().get("/?lang=es").get_data(as_text=True)  # the choice sticks
    assert "Solo datos de muestra" in spanish
    with app.app_context(), Session(get_engine()) as s:
        assert s.exec(select(Resolution).where(Resolution.symbol == "A/RES/68/181")).one()
        assert s.exec(select(Draft).where(Draft.symbol.startswith("A/HRC/27/L."))).first()

    again = runner.invoke(args=["load-samples"])  # `make run` loads it on every start
    assert again.exit_code == 0 and "0 new," in again.output and "0 failed;" in again.output
    assert NOTICE in client.get("/").get_data(as_text=True)


def test_notice_gone_once_other_data_is_imported(app, runner, client):
    app.config["SAMPLES_DIR"] = None
    assert runner.invoke(args=["load-samples"]).exit_code == 0
    page = FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html"
    assert runner.invoke(args=["import", str(page)]).exit_code == 0
    assert NOTICE not in client.get("/").get_data(as_text=True)


def test_load_samples_named_folder_missing_or_empty_fails_in_one_line(runner, tmp_path):
    missing = tmp_path / "nonexistent"
    result = runner.invoke(args=["load-samples", "--dir", str(missing)])
    assert result.exit_code == 1
    assert result.output == f"Error: no samples folder at {missing}\n"
    result = runner.invoke(args=["load-samples", "--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: no sample files in {tmp_path} (looked for")
    assert result.output.count("\n") == 1
