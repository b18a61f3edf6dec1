"""`tracker backup` / `tracker restore`: one encrypted file, restored whole or not at all."""

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, SQLModel

from tests.conftest import TEST_CASE_KEY, add_account
from tracker import audit
from tracker.backup import (
    _HEADER,
    WRONG_PASSPHRASE,
    BackupError,
    Kdf,
    plan_settings,
    restore_database,
    verify_backup,
    write_backup,
)
from tracker.db import get_engine, make_engine, session_scope

PASSPHRASE = "a passphrase kept apart from the file"  # noqa: S105 - a test's
FAST = Kdf(log2_n=14)  # the tests' scrypt cost; the header carries it to restore
CHUNK = (1 << 14) + 16  # the test archive's chunks, with their tags
CONFIG = b"# the test instance's settings\nPAGE_SIZE = 50\n"


def _normal(value):
    # SQLite gives naive datetimes for timezone-aware columns (the app writes UTC).
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _dump(engine) -> dict[str, list[tuple]]:
    """Every table's rows, normalised and sorted (collations differ between dialects)."""
    with engine.connect() as conn:
        return {t.name: sorted((tuple(_normal(v) for v in row)
                                for row in conn.execute(select(t))), key=repr)
                for t in SQLModel.metadata.sorted_tables}


@pytest.fixture(scope="module")
def source(loaded_app, tmp_path_factory):
    """The loaded samples plus demo cases, an account and audit rows; its backup (small
    chunks, so that it has several) and every row it held when backed up."""
    from tracker.case_demo import make_demo_cases
    from tracker.casekey import current_keys

    folder = tmp_path_factory.mktemp("backup")
    instance = Path(loaded_app.instance_path)
    (instance / "case.key").write_text(TEST_CASE_KEY + "\n")
    (instance / "config.py").write_bytes(CONFIG)
    add_account(loaded_app, "backupeditor", "editor")
    with loaded_app.app_context():
        engine = get_engine()
        with Session(engine) as session:
            make_demo_cases(session, current_keys(), 30)
        with session_scope() as session:
            audit.record(session, "login", username="backupeditor", ip="192.0.2.7")
            audit.record(session, "user-added", username="backupeditor", target="x")
        archive = folder / "tracker.gtbak"
        write_backup(engine, archive, PASSPHRASE, instance_path=instance, kdf=FAST,
                     chunk_size=1 << 14)
        expected = _dump(engine)
    return {"archive": archive, "expected": expected, "folder": folder,
            "url": loaded_app.config["DATABASE_URL"]}


@pytest.fixture
def suite(source):
    """An engine on the suite's database (the source itself), closed even if a test fails."""
    engine = make_engine(source["url"])
    yield engine
    engine.dispose()


def test_backup_source_holds_every_kind_of_row(source):
    for table in ("state", "communication", "case", "casesubmission", "caseversion", "user",
                  "auditevent", "resolution"):
        assert source["expected"][table], f"{table} is empty: the round trip proves little"
    assert source["archive"].stat().st_size > _HEADER.size + 3 * CHUNK  # several chunks


def test_backup_restores_every_row_into_a_new_sqlite_database(source, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new.sqlite'}")
    summary = restore_database(engine, source["archive"], PASSPHRASE)
    assert _dump(engine) == source["expected"]
    assert summary.manifest["tables"]["case"]["rows"] == len(source["expected"]["case"])
    engine.dispose()


def test_backup_restores_every_row_into_the_suite_database_replacing_it(source, suite):
    restore_database(suite, source["archive"], PASSPHRASE, replace=True)
    assert _dump(suite) == source["expected"]
    with suite.begin() as conn:  # new rows take new ids (PostgreSQL's sequences were reset)
        conn.execute(text("INSERT INTO auditevent (at, username, action, target, detail, ip, "
                          "user_agent) VALUES (:at, 'x', 'login', '', '', '', '')"),
                     {"at": datetime.now(UTC)})


def test_backup_audit_log_stays_append_only_after_a_replacing_restore(source, suite):
    restore_database(suite, source["archive"], PASSPHRASE, replace=True)
    with pytest.raises(DBAPIError, match="append-only"), suite.begin() as conn:
        conn.execute(text("UPDATE auditevent SET action = 'forged'"))
    with pytest.raises(DBAPIError, match="append-only"), suite.begin() as conn:
        conn.execute(text("DELETE FROM auditevent"))


@pytest.mark.skipif(not os.environ.get("TRACKER_TEST_DATABASE_URL"),
                    reason="needs PostgreSQL (TRACKER_TEST_DATABASE_URL)")
def test_backup_made_on_sqlite_restores_on_postgresql(source, suite, tmp_path):
    lite = make_engine(f"sqlite:///{tmp_path / 'lite.sqlite'}")
    restore_database(lite, source["archive"], PASSPHRASE)
    made_on_sqlite = tmp_path / "lite.gtbak"
    summary = write_backup(lite, made_on_sqlite, PASSPHRASE, instance_path=tmp_path / "none",
                           kdf=FAST)
    assert summary.manifest["dialect"] == "sqlite"
    lite.dispose()
    restore_database(suite, made_on_sqlite, PASSPHRASE, replace=True)
    assert _dump(suite) == source["expected"]


def test_backup_refuses_a_database_that_holds_rows_without_replace(source, suite):
    before = _dump(suite)
    with pytest.raises(BackupError, match=r"not empty \(.*\bstate \d+,.*--replace"):
        restore_database(suite, source["archive"], PASSPHRASE)
    assert _dump(suite) == before


def _damaged(source, name, change) -> Path:
    data = bytearray(source["archive"].read_bytes())
    path = source["folder"] / name
    path.write_bytes(change(data))
    return path


def _flip(data: bytearray) -> bytes:
    data[len(data) // 2] ^= 0x01
    return bytes(data)


@pytest.mark.parametrize(("name", "change", "message"), [
    ("wrong passphrase", None, WRONG_PASSPHRASE),
    ("cut at a chunk", lambda d: bytes(d[:_HEADER.size + 2 * CHUNK]), "cut short"),
    ("cut in a chunk", lambda d: bytes(d[:len(d) - 100]), "damaged or was altered"),
    ("one bit flipped", _flip, "damaged or was altered"),
    ("not a backup", lambda d: b"PK\x03\x04" + bytes(d[4:]), "not a Geneva Tracker backup"),
])
def test_backup_bad_archive_fails_clearly_and_changes_nothing(source, suite, name, change, message):
    archive, passphrase = source["archive"], PASSPHRASE
    if change is None:
        passphrase = "not the passphrase"  # noqa: S105
    else:
        archive = _damaged(source, name.replace(" ", "_"), change)
    before = _dump(suite)
    with pytest.raises(BackupError, match=message):
        restore_database(suite, archive, passphrase, replace=True)
    assert _dump(suite) == before


def test_backup_killed_restore_leaves_the_database_as_it_was(source, suite, monkeypatch):
    import tracker.backup

    def killed(conn):
        raise KeyboardInterrupt  # as if the process were stopped after the last row

    with suite.begin() as conn:
        conn.execute(text("INSERT INTO auditevent (at, username, action, target, detail, ip, "
                          "user_agent) VALUES (:at, 'before', 'login', '', '', '', '')"),
                     {"at": datetime.now(UTC)})
    before = _dump(suite)
    monkeypatch.setattr(tracker.backup, "_reset_sequences", killed)
    with pytest.raises(KeyboardInterrupt):
        restore_database(suite, source["archive"], PASSPHRASE, replace=True)
    assert _dump(suite) == before


def test_backup_archive_holds_no_plaintext(source):
    data = source["archive"].read_bytes()
    for plain in (b"DEMO 0", b"backupeditor", b"CREATE", b"PAGE_SIZE", b"192.0.2.7",
                  TEST_CASE_KEY.encode(), b"communication", b"Honduras"):
        assert plain not in data


def test_backup_holds_settings_files_but_not_the_database_or_index(source):
    summary = verify_backup(source["archive"], PASSPHRASE)
    assert summary.files == {"case.key": (TEST_CASE_KEY + "\n").encode(), "config.py": CONFIG}
    assert set(summary.manifest["tables"]) == {t.name for t in SQLModel.metadata.sorted_tables}


def test_backup_refuses_another_case_key_unless_replace(source, tmp_path):
    files = verify_backup(source["archive"], PASSPHRASE).files
    (tmp_path / "case.key").write_text("another key\n")
    (tmp_path / "config.py").write_text("# this machine's\n")
    with pytest.raises(BackupError, match="another case key.*--replace"):
        plan_settings(files, tmp_path)
    assert plan_settings(files, tmp_path, replace=True) == {"case.key": "replace",
                                                           "config.py": "keep"}
    (tmp_path / "case.key").write_bytes(files["case.key"])
    assert plan_settings(files, tmp_path) == {"case.key": "same", "config.py": "keep"}


def _passphrase_file(tmp_path, passphrase=PASSPHRASE) -> str:
    path = tmp_path / "passphrase.txt"
    path.write_text(passphrase + "\n")
    return str(path)


def test_restore_command_restores_settings_and_rebuilds_the_index(source, loaded_app,
                                                                  tmp_path, monkeypatch):
    from tracker.models import Communication
    from tracker.search import search

    fresh = tmp_path / "instance"
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(fresh))
    index = Path(loaded_app.config["SEARCH_INDEX_DIR"])
    shutil.rmtree(index)
    result = loaded_app.test_cli_runner().invoke(args=[
        "restore", str(source["archive"]), "--replace",
        "--passphrase-file", _passphrase_file(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Search index rebuilt" in result.output
    assert (fresh / "config.py").read_bytes() == CONFIG
    assert (fresh / "case.key").read_text().strip() == TEST_CASE_KEY
    assert (fresh / "case.key").stat().st_mode & 0o077 == 0
    with loaded_app.app_context(), Session(get_engine()) as session:
        iso3 = session.exec(select(Communication.addressee_code)).first()[0]
    assert search(index, f"state:{iso3}").total >= 1


def test_restore_command_wrong_passphrase_says_so_and_writes_no_file(source, loaded_app,
                                                                    tmp_path, monkeypatch):
    fresh = tmp_path / "instance"
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(fresh))
    result = loaded_app.test_cli_runner().invoke(args=[
        "restore", str(source["archive"]), "--replace",
        "--passphrase-file", _passphrase_file(tmp_path, "guess")])
    assert result.exit_code == 1
    assert f"Error: {WRONG_PASSPHRASE}. Nothing was restored." in result.output
    assert not (fresh / "config.py").exists() and not (fresh / "case.key").exists()


def test_restore_command_refused_database_removes_the_settings_it_wrote(source, loaded_app,
                                                                       tmp_path, monkeypatch):
    fresh = tmp_path / "instance"
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(fresh))
    monkeypatch.setenv("TRACKER_BACKUP_PASSPHRASE", PASSPHRASE)
    result = loaded_app.test_cli_runner().invoke(args=["restore", str(source["archive"])])
    assert result.exit_code == 1
    assert "the database is not empty" in result.output and "Nothing was restored" in result.output
    assert not (fresh / "config.py").exists() and not (fresh / "case.key").exists()


def test_backup_command_writes_a_file_restore_reads(loaded_app, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_BACKUP_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "cli.gtbak"
    runner = loaded_app.test_cli_runner()
    result = runner.invoke(args=["backup", str(out)])
    assert result.exit_code == 0, result.output
    assert "Backup written to" in result.output and "Keep the passphrase apart" in result.output
    assert out.stat().st_mode & 0o077 == 0
    assert verify_backup(out, PASSPHRASE).rows > 0
    again = runner.invoke(args=["backup", str(out)])
    assert again.exit_code == 1 and "--force" in again.output


def test_backup_command_refuses_a_short_passphrase(loaded_app, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_BACKUP_PASSPHRASE", "short")
    out = tmp_path / "cli.gtbak"
    result = loaded_app.test_cli_runner().invoke(args=["backup", str(out)])
    assert result.exit_code == 1 and "shorter than 12" in result.output
    assert not out.exists()
