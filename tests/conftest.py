import os
import shutil
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text
from sqlmodel import SQLModel

from tracker import create_app
from tracker.db import init_db, make_engine
from tracker.migrate import drop_everything, upgrade_database

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def data_files() -> list[Path]:
    """The shared samples where present; else the real snapshot that ships with the tracker,
    as `tracker load-samples` does on a fresh clone."""
    from tracker.importers import sample_files
    from tracker.snapshot import snapshot_files

    return sample_files(SAMPLES) if SAMPLES.is_dir() else snapshot_files()


@pytest.fixture(scope="session")
def server_database_url():
    """The PostgreSQL URL from TRACKER_TEST_DATABASE_URL, with a fresh schema made by the
    migrations, or None."""
    url = os.environ.get("TRACKER_TEST_DATABASE_URL")
    if not url:
        return None
    engine = make_engine(url)
    drop_everything(engine)
    upgrade_database(engine)
    engine.dispose()
    return url


def _empty_server_database(url):
    engine = make_engine(url)
    names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


# One random case key per test run: the register's encrypted fields open only with it.
TEST_CASE_KEY = Fernet.generate_key().decode()


def _test_config(url):
    return {
        "TESTING": True,
        "DATABASE_URL": url,
        "SAMPLES_DIR": str(SAMPLES) if SAMPLES.is_dir() else None,
        "MIN_INTERVAL_SECONDS": 0,
        "WTF_CSRF_ENABLED": False,  # one test checks CSRF; the rest post forms freely
        "CASE_KEY": TEST_CASE_KEY,
    }


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A SQLite file with the migrated schema and reference data, copied for each test (it
    is faster)."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "tracker.sqlite"
    app = create_app({**_test_config(f"sqlite:///{path}"), "SECRET_KEY": "t"})
    with app.app_context():
        init_db()
    app.extensions["tracker"]["engine"].dispose()
    return path


def _fresh_app(folder, monkeypatch, server_database_url, sqlite_template):
    """An app on an empty database with reference data: PostgreSQL if configured."""
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(folder / "instance"))
    if server_database_url:
        _empty_server_database(server_database_url)
        url = server_database_url
    else:
        shutil.copy(sqlite_template, folder / "tracker.sqlite")
        url = f"sqlite:///{folder / 'tracker.sqlite'}"
    app = create_app(_test_config(url))
    if server_database_url:
        with app.app_context():
            init_db()
    return app


@pytest.fixture
def app(tmp_path, monkeypatch, server_database_url, sqlite_template):
    app = _fresh_app(tmp_path, monkeypatch, server_database_url, sqlite_template)
    yield app
    engine = app.extensions["tracker"]["engine"]
    if engine is not None:
        engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def session(app):
    from sqlmodel import Session

    from tracker.db import get_engine

    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        yield s


@pytest.fixture(scope="module")
def loaded_app(tmp_path_factory, server_database_url, sqlite_template):
    """An app with the sample data imported and indexed, shared by a module's read-only tests."""
    from sqlmodel import Session

    from tracker.codes import apply_rules
    from tracker.db import get_engine
    from tracker.importers import import_files
    from tracker.ingest import Tally
    from tracker.search import rebuild_index

    mp = pytest.MonkeyPatch()
    app = _fresh_app(tmp_path_factory.mktemp("loaded"), mp, server_database_url,
                     sqlite_template)
    with app.app_context():
        engine = get_engine()
        files = data_files()
        files += [FIXTURES / "ohchr" / "communicationsent_page1_reconstructed.html",
                  FIXTURES / "undl" / "vote_recorded_reconstructed.xml"]
        import_files(files, lambda: Session(engine, expire_on_commit=False), Tally())
        with Session(engine) as session:
            apply_rules(session)  # coded by the shipped rules, as `make run` leaves them
            rebuild_index(app.config["SEARCH_INDEX_DIR"], session)
    yield app
    engine.dispose()
    mp.undo()


PASSWORD = "correct horse battery staple"  # noqa: S105 - a test account's password


def add_account(app, username: str, role: str = "viewer") -> str | None:
    """Create an account as `tracker user add` would; editors and admins get an
    authenticator, enrolled with the previous time step's code so that the current one is
    still unused. Returns the authenticator's secret (None for a viewer)."""
    import time

    import pyotp

    from tracker import accounts
    from tracker.db import session_scope

    with app.app_context(), session_scope() as s:
        user = accounts.add_user(s, username, PASSWORD, role)
        if role not in accounts.TWO_FACTOR_ROLES:
            return None
        secret = accounts.new_totp_secret()
        accounts.enrol_totp(s, user, secret, pyotp.TOTP(secret).at(time.time() - 30),
                            app.config["SECRET_KEY"])
        return secret


def sign_in(app, username: str, role: str | None = None, client=None):
    """A test client signed in through the real forms (password, then the code)."""
    import pyotp

    client = client or app.test_client()
    secret = add_account(app, username, role) if role else None
    response = client.post("/login", data={"username": username, "password": PASSWORD})
    if response.status_code == 302 and "/login/" in response.location:
        assert secret, "two-factor needed for an account made without one"
        response = client.post("/login/code", data={"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client
