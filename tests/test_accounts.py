"""Accounts as a person meets them: signing in, two-factor codes, lockout, sessions,
the audit log, and the `tracker user` commands."""

import re
import time
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from tracker import accounts
from tracker.db import get_engine
from tracker.models import AuditEvent, BriefVersion, LoginSession, User

from .conftest import PASSWORD, add_account, sign_in


def _events(app, action=None):
    with app.app_context(), Session(get_engine()) as s:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(s.exec(query))


def _user(app, name):
    with app.app_context(), Session(get_engine()) as s:
        return s.exec(select(User).where(User.username == name)).one()


def _set_session(app, **fields):
    """Move the only signed-in session's clock, as if time had passed."""
    with app.app_context(), Session(get_engine()) as s:
        row = s.exec(select(LoginSession)).one()
        for name, value in fields.items():
            setattr(row, name, value)
        s.add(row)
        s.commit()


def _login(client, name, password=PASSWORD, next_=""):
    return client.post("/login", data={"username": name, "password": password, "next": next_})


def test_a_viewer_signs_in_with_a_password_and_out_again(app):
    add_account(app, "reader", "viewer")
    client = app.test_client()
    assert client.get("/briefs/").status_code == 302
    response = _login(client, "Reader ", next_="/briefs/")  # as typed on a phone
    assert response.status_code == 302 and response.location == "/briefs/"
    assert client.get("/briefs/").status_code == 200
    assert "reader" in client.get("/").get_data(as_text=True)
    client.post("/logout")
    assert client.get("/briefs/").status_code == 302
    actions = [e.action for e in _events(app)]
    assert actions[-2:] == ["login", "logout"]


def test_wrong_password_and_unknown_name_get_the_same_answer_and_are_logged(app):
    add_account(app, "reader", "viewer")
    client = app.test_client()
    wrong = _login(client, "reader", "not the password at all")
    unknown = _login(client, "nobody", "not the password at all")
    assert wrong.status_code == unknown.status_code == 401
    assert "Wrong username or password." in wrong.get_data(as_text=True)
    assert "Wrong username or password." in unknown.get_data(as_text=True)
    failed = _events(app, "login-failed")
    assert [(e.username, e.ip) for e in failed] == [("reader", "127.0.0.1"),
                                                    ("nobody", "127.0.0.1")]


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(app):
    app.config["LOGIN_RATE_LIMIT"] = "100 per minute"
    add_account(app, "reader", "viewer")
    client = app.test_client()
    for _ in range(5):
        _login(client, "reader", "guessing-guessing")
    locked = _login(client, "reader")
    assert locked.status_code == 401 and "locked" in locked.get_data(as_text=True)
    assert _events(app, "login-locked")
    with app.app_context(), Session(get_engine()) as s:
        user = s.exec(select(User).where(User.username == "reader")).one()
        user.locked_until = accounts.now() - timedelta(seconds=1)  # the lock has run out
        s.add(user)
        s.commit()
    assert _login(client, "reader").status_code == 302


def test_sign_in_attempts_from_one_address_are_rate_limited(app):
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    client = app.test_client()
    codes = [_login(client, f"someone{i}", "wrong-wrong-wrong").status_code for i in range(4)]
    assert codes == [401, 401, 401, 429]


def test_an_editor_must_enrol_an_authenticator_and_gets_recovery_codes(app):
    with app.app_context(), Session(get_engine()) as s:
        accounts.add_user(s, "ed", PASSWORD, "editor")
        s.commit()
    client = app.test_client()
    response = _login(client, "ed", next_="/briefs/")
    assert response.location == "/login/enrol"
    assert client.get("/briefs/").status_code == 302  # a password alone is not enough
    page = client.get("/login/enrol").get_data(as_text=True)
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page).group(1)
    assert "<svg" in page  # the QR code, drawn on the server
    bad = client.post("/login/enrol", data={"code": "000000"})
    assert bad.status_code == 400
    done = client.post("/login/enrol", data={"code": pyotp.TOTP(secret).now()})
    codes = re.findall(r"<code>([0-9a-f]{5}-[0-9a-f]{5})</code>", done.get_data(as_text=True))
    assert len(codes) == 10
    assert client.get("/briefs/").status_code == 200
    stored = _user(app, "ed")
    assert secret not in stored.totp_secret  # kept encrypted
    assert not any(c.replace("-", "") in stored.recovery_codes for c in codes)
    assert _events(app, "two-factor-enrolled")

    # Next time: the password, then a recovery code, which works once only.
    client.post("/logout")
    assert _login(client, "ed").location == "/login/code"
    assert client.post("/login/code", data={"code": codes[0]}).status_code == 302
    assert client.get("/briefs/").status_code == 200
    client.post("/logout")
    _login(client, "ed")
    assert client.post("/login/code", data={"code": codes[0]}).status_code == 401
    assert _events(app, "recovery-code-used") and _events(app, "two-factor-failed")


def test_an_authenticator_code_works_once(app):
    secret = add_account(app, "ed", "editor")
    first = app.test_client()
    _login(first, "ed")
    code = pyotp.TOTP(secret).now()
    assert first.post("/login/code", data={"code": code}).status_code == 302
    second = app.test_client()
    _login(second, "ed")
    assert second.post("/login/code", data={"code": code}).status_code == 401


def test_the_second_step_expires(app, monkeypatch):
    secret = add_account(app, "ed", "editor")
    client = app.test_client()
    _login(client, "ed")
    later = time.time() + 301
    monkeypatch.setattr("tracker.views.account.time.time", lambda: later)
    response = client.post("/login/code", data={"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302 and response.location == "/login"


def test_sessions_end_when_idle_disabled_or_the_password_changes(app):
    client = sign_in(app, "reader", "viewer")
    assert client.get("/briefs/").status_code == 200
    _set_session(app, last_seen_at=accounts.now() - timedelta(minutes=121))
    assert client.get("/briefs/").status_code == 302

    client = sign_in(app, "reader")
    with app.app_context(), Session(get_engine()) as s:
        accounts.set_disabled(s, accounts.require_user(s, "reader"), True)
        s.commit()
    assert client.get("/briefs/").status_code == 302
    assert _login(app.test_client(), "reader").status_code == 401

    with app.app_context(), Session(get_engine()) as s:
        accounts.set_disabled(s, accounts.require_user(s, "reader"), False)
        s.commit()
    client, other = sign_in(app, "reader"), sign_in(app, "reader")
    new = "a much longer new passphrase"
    response = client.post("/account/password", data={"current": PASSWORD, "new": new,
                                                      "again": new})
    assert response.location == "/login"
    assert other.get("/briefs/").status_code == 302  # signed out everywhere
    assert _login(app.test_client(), "reader", new).status_code == 302


def test_a_stolen_cookie_stops_working_after_sign_out(app):
    client = sign_in(app, "reader", "viewer")
    cookie = client.get_cookie("session").value
    client.post("/logout")
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    assert thief.get("/briefs/").status_code == 302


def test_sign_in_never_sends_anyone_to_another_site(app):
    add_account(app, "reader", "viewer")
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example",
                   "javascript:alert(1)"):
        response = _login(app.test_client(), "reader", next_=target)
        assert response.location == "/", target


def test_briefs_record_who_wrote_each_version(app):
    client = sign_in(app, "ed", "editor")
    created = client.post("/briefs/", data={"title": "Thursday",
                                            "subject": "mandate|human-rights-defenders"})
    client.post(created.location, data={"asks": "Ask for a reply."})
    with app.app_context(), Session(get_engine()) as s:
        authors = [v.author for v in s.exec(select(BriefVersion).order_by(BriefVersion.id))]
    assert authors == ["ed", "ed"]
    assert [e.action for e in _events(app)][-2:] == ["brief-created", "brief-edited"]


def test_exports_are_rate_limited_per_person(app):
    app.config["EXPORT_RATE_LIMIT"] = "2 per minute"
    ed = sign_in(app, "ed", "editor")
    url = ed.post("/briefs/", data={"title": "T", "subject": "mandate|human-rights-defenders"}
                  ).location
    assert [ed.get(url + ".docx").status_code for _ in range(3)] == [200, 200, 429]
    other = sign_in(app, "reader", "viewer")
    assert other.get(url + ".docx").status_code == 200
    exports = _events(app, "brief-export")
    assert [e.username for e in exports] == ["ed", "ed", "reader"]


def test_the_audit_log_is_append_only(app):
    add_account(app, "reader", "viewer")
    _login(app.test_client(), "reader", "wrong-wrong-wrong")
    with app.app_context():
        engine = get_engine()
        for statement in ("UPDATE auditevent SET username = 'someone else'",
                          "DELETE FROM auditevent"):
            with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
                conn.execute(text(statement))
    assert [e.username for e in _events(app)] == ["reader"]


def test_admin_filters_the_audit_log_and_exports_it(app):
    add_account(app, "reader", "viewer")
    _login(app.test_client(), "reader", "wrong-wrong-wrong")
    _login(app.test_client(), "reader")
    admin = sign_in(app, "boss", "admin")
    page = admin.get("/admin/audit?user=reader&action=login-failed").get_data(as_text=True)
    assert "1 event" in page and "login-failed" in page
    csv = admin.get("/admin/audit.csv?user=reader").data.decode("utf-8-sig").splitlines()
    assert csv[0] == "id,at,username,action,target,detail,ip,user_agent"
    assert [line.split(",")[3] for line in csv[1:]] == ["login", "login-failed"]
    assert admin.get("/admin/audit?since=yesterday").status_code == 400
    viewer = sign_in(app, "reader")
    assert viewer.get("/admin/audit.csv").status_code == 403
    assert {"audit-view", "audit-export"} <= {e.action for e in _events(app)}


def test_user_commands_add_change_and_disable_but_never_delete(app, runner):
    result = runner.invoke(args=["user", "add", "amina", "--role", "editor", "--generate"])
    assert result.exit_code == 0, result.output
    password = result.output.rsplit(": ", 1)[1].strip()
    assert _login(app.test_client(), "amina", password).location == "/login/enrol"
    assert runner.invoke(args=["user", "set-role", "amina", "admin"]).exit_code == 0
    assert runner.invoke(args=["user", "reset-2fa", "amina"]).exit_code == 0
    assert runner.invoke(args=["user", "disable", "amina"]).exit_code == 0
    listing = runner.invoke(args=["user", "list"]).output
    assert "amina\tadmin\tdisabled\t2fa off" in listing
    missing = runner.invoke(args=["user", "disable", "nobody"])
    assert missing.exit_code == 1 and "No user named 'nobody'" in missing.output
    weak = runner.invoke(args=["user", "add", "b"], input="short\nshort\n")
    assert weak.exit_code == 1 and "at least 12 characters" in weak.output
    assert "Traceback" not in weak.output
    actions = [(e.action, e.target) for e in _events(app)]
    assert ("user-added", "amina") in actions and ("role-changed", "amina") in actions
    assert ("two-factor-reset", "amina") in actions and ("user-disabled", "amina") in actions


def _redis_url():
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    return url


def test_rate_limits_shared_through_redis_hold_across_workers(tmp_path, monkeypatch,
                                                             server_database_url,
                                                             sqlite_template):
    """Two app processes (here two apps) behind one address share the sign-in limit when
    RATE_LIMIT_STORAGE points at Redis, as gunicorn workers would."""
    from .conftest import _fresh_app

    url = _redis_url()
    monkeypatch.setenv("TRACKER_RATE_LIMIT_STORAGE", url)
    monkeypatch.setenv("TRACKER_LOGIN_RATE_LIMIT", "3 per minute")
    monkeypatch.setenv("TRACKER_RATELIMIT_KEY_PREFIX", f"test-{time.time_ns()}")
    apps = []
    for n in range(2):
        (tmp_path / str(n)).mkdir()
        apps.append(_fresh_app(tmp_path / str(n), monkeypatch, server_database_url,
                               sqlite_template))
    from tracker.auth import limiter

    statuses = []
    for i in range(4):
        app = apps[i % 2]
        limiter.init_app(app)  # what each worker does at start
        statuses.append(_login(app.test_client(), "nobody", "wrong-wrong-wrong").status_code)
    for app in apps:
        app.extensions["tracker"]["engine"].dispose()
    assert statuses == [401, 401, 401, 429]


def test_a_viewer_reads_briefs_without_the_editing_forms(app):
    ed = sign_in(app, "ed", "editor")
    url = ed.post("/briefs/", data={"title": "Thursday",
                                    "subject": "mandate|human-rights-defenders"}).location
    assert "Save a new version" in ed.get(url).get_data(as_text=True)
    reader = sign_in(app, "reader", "viewer")
    page = reader.get(url).get_data(as_text=True)
    assert "Thursday" in page and "Save a new version" not in page
    assert "Create the brief" not in reader.get("/briefs/").get_data(as_text=True)
    listing = ed.get("/briefs/").get_data(as_text=True)
    assert re.search(r'Thursday</a></th><td>[^<]*<span class="muted">[^<]*</span></td>'
                     r"<td>ed</td>", listing)


def test_behind_a_proxy_the_audit_log_names_the_visitor_not_the_proxy(app, tmp_path,
                                                                        monkeypatch):
    add_account(app, "reader", "viewer")
    headers = {"X-Forwarded-For": "203.0.113.7"}
    _login_as = {"username": "reader", "password": "wrong-wrong-wrong"}
    app.test_client().post("/login", data=_login_as, headers=headers)  # PROXY_HOPS = 0
    from tracker import create_app

    behind = create_app({**app.config, "PROXY_HOPS": 1})
    behind.test_client().post("/login", data=_login_as, headers=headers)
    assert [e.ip for e in _events(app, "login-failed")] == ["127.0.0.1", "203.0.113.7"]
    behind.extensions["tracker"]["engine"].dispose()


def test_a_session_ends_at_its_lifetime_even_when_in_use(app):
    client = sign_in(app, "reader", "viewer")
    _set_session(app, expires_at=accounts.now() - timedelta(seconds=1))
    assert client.get("/briefs/").status_code == 302


def test_the_brief_list_sorts_by_its_columns(app):
    ed = sign_in(app, "ed", "editor")
    for title in ("Bravo meeting", "alpha meeting", "Charlie meeting"):
        ed.post("/briefs/", data={"title": title, "subject": "mandate|human-rights-defenders"})

    def titles(query):
        page = ed.get(f"/briefs/{query}").get_data(as_text=True)
        return re.findall(r'<th scope="row"><a href="/briefs/\d+">([^<]+)</a>', page)

    assert titles("") == ["Charlie meeting", "alpha meeting", "Bravo meeting"]  # newest first
    assert titles("?sort=title") == ["alpha meeting", "Bravo meeting", "Charlie meeting"]
    assert titles("?sort=-title") == ["Charlie meeting", "Bravo meeting", "alpha meeting"]
    assert ed.get("/briefs/?sort=secret").status_code == 400


def test_the_brief_list_names_its_subject_in_the_readers_language(app):
    ed = sign_in(app, "ed", "editor")
    ed.post("/briefs/", data={"title": "Jueves", "subject": "mandate|human-rights-defenders"})
    page = ed.get("/briefs/?lang=es").get_data(as_text=True)
    assert "Relator Especial sobre la situación de los defensores" in page
    assert "Special Rapporteur on the situation of human rights defenders" not in page
