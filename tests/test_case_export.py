"""The admin's export of the case register: names only after a retyped password."""

import csv
import io
import json

import pytest
from sqlmodel import Session, select

from tracker.db import get_engine
from tracker.models import AuditEvent

from .case_data import add_case
from .conftest import PASSWORD, sign_in


@pytest.fixture
def register(app):
    add_case(app, "Luna", notes="=HYPERLINK(\"http://evil.example\")")
    add_case(app, "Sol")
    return app


def _audit(app):
    with app.app_context(), Session(get_engine()) as s:
        return [(e.action, e.detail) for e in s.exec(
            select(AuditEvent).where(AuditEvent.action.startswith("case-export"))
            .order_by(AuditEvent.id))]


def test_case_export_is_for_admins_only(register):
    editor = sign_in(register, "ed", "editor")
    assert editor.get("/cases/export").status_code == 403
    assert editor.post("/cases/export.csv", data={"format": "csv"}).status_code == 403
    admin = sign_in(register, "root", "admin")
    assert admin.get("/cases/export.csv").status_code == 405  # a download is a POST
    assert _audit(register) == []


def test_case_export_without_names_has_every_case_and_notes_but_no_name(register):
    admin = sign_in(register, "root", "admin")
    response = admin.post("/cases/export.csv", data={"format": "csv"})
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    text = response.get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["pseudonym"] for r in rows] == ["Luna", "Sol"]
    assert rows[1]["notes"] == "Met in La Ceiba."
    assert rows[0]["notes"].startswith("'=HYPERLINK")  # no formula for a spreadsheet
    assert {"iso3", "status", "retention_until", "version", "submissions"} <= set(rows[0])
    assert "name" not in rows[0] and "Berta" not in text and "5555" not in text
    assert _audit(register) == [("case-export", "format=csv count=2 with_names=False")]


def test_case_export_names_need_the_review_page_and_the_password(register):
    admin = sign_in(register, "root", "admin")
    review = admin.post("/cases/export", data={"format": "json", "with_names": "1"})
    page = review.get_data(as_text=True)
    assert "real names and contact details of the defenders" in page
    assert 'name="password"' in page and "/cases/export.json" in page
    # names asked for without the password, or with a wrong one: refused, nothing leaves
    for data in ({"with_names": "1"}, {"with_names": "1", "password": "guess"}):
        refused = admin.post("/cases/export.json", data=data)
        assert refused.status_code == 403 and "Berta" not in refused.get_data(as_text=True)
    confirmed = admin.post("/cases/export.json", data={"with_names": "1", "password": PASSWORD})
    assert confirmed.headers["Cache-Control"] == "no-store"
    body = json.loads(confirmed.data)
    assert body["with_names"] is True
    assert body["cases"][0]["name"] == "Berta Example-Cáceres"
    assert body["cases"][0]["contact"] == "+504 5555 0000"
    assert body["cases"][0]["submissions"] == []
    assert _audit(register) == [
        ("case-export-refused", "wrong password for an export with names"),
        ("case-export-refused", "wrong password for an export with names"),
        ("case-export", "format=json count=2 with_names=True")]


def test_case_export_review_without_names_asks_no_password(register):
    admin = sign_in(register, "root", "admin")
    page = admin.post("/cases/export", data={"format": "csv"}).get_data(as_text=True)
    assert "No real name and no contact detail." in page and 'name="password"' not in page
    assert "2 cases" in page
