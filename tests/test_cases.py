"""The case register's core: checking, encryption at rest, versions, the case key."""

import datetime as dt
import json

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text
from sqlmodel import Session, select

from tracker import cases
from tracker.casekey import CaseKeyError, create_key_file, current_keys, load_keys, parse_keys
from tracker.db import get_engine
from tracker.models import Case, CaseVersion

FORM = {"pseudonym": "Luna", "iso3": "HND", "gender": "woman", "whrd": "on",
        "province": "Atlántida", "incident_dates": "2021-03-02, 2020-11-30",
        "perpetrators": ["police", "company"], "attack_types": ["killing"],
        "risk_factors": ["land_environment"], "status": "documented",
        "name": "Berta Example-Cáceres", "contact": "+504 5555 0000", "notes": "Met in La Ceiba."}


def _save(app, form=FORM, **kw):
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        case = cases.save_case(s, current_keys(), cases.clean(s, form), "ana", **kw)
        s.commit()
        return case


def test_a_case_is_saved_with_its_identity_and_notes_encrypted_at_rest(app):
    case = _save(app)
    with app.app_context(), get_engine().connect() as conn:
        raw = " ".join(str(v) for v in conn.execute(
            text("SELECT * FROM \"case\" WHERE id = :id"), {"id": case.id}).one())
        versions = " ".join(conn.execute(text("SELECT snapshot FROM caseversion")).scalars())
    for secret in ("Berta", "5555", "La Ceiba"):
        assert secret not in raw and secret not in versions
    assert "Luna" in raw and "Atlántida" in raw
    with app.app_context(), Session(get_engine()) as s:
        stored = s.get(Case, case.id)
        assert cases.identity(current_keys(), stored) == {"name": "Berta Example-Cáceres",
                                                          "contact": "+504 5555 0000"}
        assert cases.notes(current_keys(), stored) == "Met in La Ceiba."
        assert stored.incident_dates == "2020-11-30,2021-03-02"
        assert cases.incident_years(stored) == [2020, 2021]
        assert stored.retention_until > dt.date.today() + dt.timedelta(days=4 * 365)


def test_every_change_is_a_version_saying_what_changed_and_who(app):
    case = _save(app)
    with app.app_context(), Session(get_engine(), expire_on_commit=False) as s:
        stored = s.get(Case, case.id)
        changed = {**FORM, "status": "submitted", "notes": "Moved to Tegucigalpa."}
        cases.save_case(s, current_keys(), cases.clean(s, changed), "ben", case=stored,
                        expected_version=1)
        # saving the same thing again is not a new version
        cases.save_case(s, current_keys(), cases.clean(s, changed), "ben", case=stored)
        s.commit()
        history = cases.versions(s, case.id)
    assert [(v.version, v.changed_by, v.changes) for v in history] == [
        (2, "ben", "status,notes"), (1, "ana", "created")]
    assert json.loads(history[1].snapshot)["status"] == "documented"
    assert json.loads(history[0].snapshot)["status"] == "submitted"


def test_a_stale_form_is_refused_rather_than_overwriting_a_colleagues_change(app):
    case = _save(app)
    with app.app_context(), Session(get_engine()) as s:
        stored = s.get(Case, case.id)
        cases.save_case(s, current_keys(), cases.clean(s, {**FORM, "status": "closed"}), "ben",
                        case=stored, expected_version=1)
        s.commit()
        with pytest.raises(cases.CaseError, match="meanwhile"):
            cases.save_case(s, current_keys(), cases.clean(s, FORM), "ana", case=stored,
                            expected_version=1)


@pytest.mark.parametrize(("change", "field"), [
    ({"pseudonym": " "}, "pseudonym"), ({"iso3": "XXX"}, "iso3"),
    ({"perpetrators": ["aliens"]}, "perpetrators"), ({"incident_dates": "2021-13-01"},
                                                     "incident_dates"),
    ({"status": "lost"}, "status"), ({"notes": "x" * 20_001}, "notes")])
def test_bad_fields_are_refused_by_name(app, change, field):
    with app.app_context(), Session(get_engine()) as s, \
            pytest.raises(cases.CaseError) as caught:
        cases.clean(s, {**FORM, **change})
    assert caught.value.field == field


def test_deleting_a_case_removes_its_versions(app):
    case = _save(app, retention_days=0)
    with app.app_context(), Session(get_engine()) as s:
        assert [c.id for c in cases.due_for_review(s)] == [case.id]
        cases.delete_case(s, s.get(Case, case.id))
        s.commit()
        assert s.exec(select(CaseVersion)).all() == []


def test_the_case_key_lives_outside_the_database_and_a_wrong_one_says_so(app, tmp_path):
    case = _save(app)
    written = create_key_file(tmp_path)
    assert written.stat().st_mode & 0o777 == 0o600
    assert create_key_file(tmp_path) is None  # never overwritten
    other = load_keys(None, tmp_path)
    with app.app_context(), Session(get_engine()) as s, \
            pytest.raises(CaseKeyError, match="does not open"):
        cases.identity(other, s.get(Case, case.id))
    with pytest.raises(CaseKeyError, match="does not exist"):
        load_keys(None, tmp_path / "nowhere")
    with pytest.raises(CaseKeyError, match="not a Fernet key"):
        parse_keys("not-a-key", "CASE_KEY")
    # rotation: a new key first, the old one after, still opens what the old one wrote
    rotated = parse_keys(Fernet.generate_key().decode() + "," + app.config["CASE_KEY"], "x")
    with app.app_context(), Session(get_engine()) as s:
        assert cases.identity(rotated, s.get(Case, case.id))["name"] == "Berta Example-Cáceres"


def test_demo_cases_are_marked_and_linked_to_real_communications(loaded_app):
    runner = loaded_app.test_cli_runner()
    result = runner.invoke(args=["cases", "demo", "40", "--seed", "3"])
    assert result.exit_code == 0, result.output
    with loaded_app.app_context(), Session(get_engine()) as s:
        made = s.exec(select(Case)).all()
        assert len(made) == 40 and all(c.pseudonym.startswith("DEMO ") for c in made)
        assert all("not a real case" in cases.notes(current_keys(), c) for c in made)
        from tracker.models import CaseSubmission, Communication
        linked = s.exec(select(CaseSubmission, Communication).join(
            Communication, CaseSubmission.communication_id == Communication.id)).all()
        assert linked and all(sub.link_status == "confirmed" for sub, _ in linked)
        by_id = {c.id: c for c in made}
        assert all(by_id[sub.case_id].iso3 == comm.addressee_code for sub, comm in linked)


def test_a_name_left_out_is_kept_and_an_empty_one_erases_it(app):
    case = _save(app)
    with app.app_context(), Session(get_engine()) as s:
        stored = s.get(Case, case.id)
        kept = cases.clean(s, {**FORM, "name": None, "contact": None, "status": "closed"})
        cases.save_case(s, current_keys(), kept, "ben", case=stored)
        s.commit()
        assert cases.identity(current_keys(), stored) == {"name": "Berta Example-Cáceres",
                                                          "contact": "+504 5555 0000"}
        assert "identity" not in cases.versions(s, case.id)[0].changes
        cases.save_case(s, current_keys(), cases.clean(s, {**FORM, "name": "", "contact": None}),
                        "ben", case=stored)
        s.commit()
        assert cases.identity(current_keys(), stored) == {"contact": "+504 5555 0000"}
        assert stored.identity is not None and "identity" in cases.versions(s, case.id)[0].changes
