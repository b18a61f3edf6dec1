"""The private case register: checking, saving and versioning a case.

Every change goes through `save_case` (or `record_change` for a change to a case's
submissions), which writes a CaseVersion with what changed and who changed it, in the same
transaction. Identity and notes are encrypted here and only here; a Case row never holds
them in clear. Pure of Flask except where the caller passes the key.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.fernet import MultiFernet
from sqlmodel import Session, select

from tracker.casekey import decrypt, encrypt
from tracker.codebook import load_codebook
from tracker.models import Case, CaseSubmission, CaseVersion, State
from tracker.vocabulary import N_

STATUSES = {
    "documented": N_("Documented"),
    "submitted": N_("Submitted to the UN"),
    "communication_sent": N_("Communication sent"),
    "reply_received": N_("Reply received"),
    "follow_up": N_("Follow-up"),
    "closed": N_("Closed"),
}
GENDERS = {
    "woman": N_("Woman"),
    "man": N_("Man"),
    "non_binary": N_("Non-binary"),
    "unknown": N_("Not known"),
}
# The vocabulary schemes a case is coded with, by the Case column that holds them.
CODED_FIELDS = {"perpetrators": "perpetrator", "attack_types": "attack", "risk_factors": "risk"}
# Fields compared to say what a save changed (identity and notes compared decrypted).
FIELDS = ("pseudonym", "gender", "whrd", "iso3", "province", "incident_dates",
          *CODED_FIELDS, "status", "retention_until")
LIMITS = {"pseudonym": 120, "province": 120, "name": 200, "contact": 2000, "notes": 20_000}


class CaseError(ValueError):
    """A case cannot be saved as given; `field` names the form field at fault."""

    def __init__(self, message: str, field: str | None = None, **params):
        super().__init__(message % params if params else message)
        self.message, self.field, self.params = message, field, params

    def render(self, gettext) -> str:
        """The message in the reader's language (the views pass flask_babel's gettext)."""
        text = gettext(self.message)
        return text % self.params if self.params else text


@dataclass
class CaseInput:
    """A case as a form or an import gives it, checked by `clean`."""

    pseudonym: str
    iso3: str
    gender: str = "woman"
    whrd: bool = True
    province: str = ""
    incident_dates: tuple[dt.date, ...] = ()
    perpetrators: tuple[str, ...] = ()
    attack_types: tuple[str, ...] = ()
    risk_factors: tuple[str, ...] = ()
    status: str = "documented"
    retention_until: dt.date | None = None
    # None: keep what is stored (a form that never shows a name sends none back)
    name: str | None = ""
    contact: str | None = ""
    notes: str = ""


def _dates(raw) -> tuple[dt.date, ...]:
    if isinstance(raw, str):
        raw = raw.replace(";", ",").replace("\n", ",").split(",")
    found = set()
    for item in raw or ():
        if isinstance(item, dt.date):
            found.add(item)
            continue
        item = str(item).strip()
        if not item:
            continue
        try:
            found.add(dt.date.fromisoformat(item))
        except ValueError:
            raise CaseError(N_("Incident dates are written YYYY-MM-DD, separated by commas; "
                               "this one is not: %(value)s"), "incident_dates",
                            value=item[:40]) from None
    return tuple(sorted(found))


def _slugs(raw) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = raw.split(",")
    return tuple(dict.fromkeys(s.strip() for s in raw or () if s and s.strip()))


def _kept_or_text(value) -> str | None:
    return None if value is None else str(value).strip()


def clean(session: Session, data: Mapping, *, codebook=None) -> CaseInput:
    """Check a case's fields; raise CaseError naming the first field at fault.

    `data` maps field names to strings (a form) or to values (an import); lists are
    accepted for the coded fields and the dates."""
    book = codebook or load_codebook()
    pseudonym = str(data.get("pseudonym") or "").strip()
    if not pseudonym:
        raise CaseError(N_("A case needs a pseudonym: it is how the case is named "
                           "everywhere."), "pseudonym")
    iso3 = str(data.get("iso3") or "").strip().upper()
    if not iso3 or session.get(State, iso3) is None:
        raise CaseError(N_("Choose the State where it happened."), "iso3")
    gender = str(data.get("gender") or "woman")
    if gender not in GENDERS:
        raise CaseError(N_("Unknown gender value."), "gender")
    status = str(data.get("status") or "documented")
    if status not in STATUSES:
        raise CaseError(N_("Unknown status."), "status")
    values = {}
    for field, scheme in CODED_FIELDS.items():
        slugs = _slugs(data.get(field))
        known = set(book.slugs(scheme))
        unknown = [s for s in slugs if s not in known]
        if unknown:
            raise CaseError(N_("Not in the vocabulary: %(value)s"), field, value=unknown[0][:40])
        values[field] = slugs
    retention = data.get("retention_until") or None
    if isinstance(retention, str):
        try:
            retention = dt.date.fromisoformat(retention.strip())
        except ValueError:
            raise CaseError(N_("The retention date is written YYYY-MM-DD."),
                            "retention_until") from None
    whrd = data.get("whrd")
    whrd = whrd in (True, "1", "on", "yes", "true") if whrd is not None else False
    case = CaseInput(
        pseudonym=pseudonym, iso3=iso3, gender=gender, whrd=whrd,
        province=str(data.get("province") or "").strip(),
        incident_dates=_dates(data.get("incident_dates")), status=status,
        retention_until=retention, name=_kept_or_text(data.get("name")),
        contact=_kept_or_text(data.get("contact")),
        notes=str(data.get("notes") or "").strip(), **values)
    for field, limit in LIMITS.items():
        if len(getattr(case, field) or "") > limit:
            raise CaseError(N_("Too long: at most %(limit)s characters."), field, limit=limit)
    return case


def identity(keys: MultiFernet, case: Case) -> dict[str, str]:
    """The defender's real name and contact details, decrypted ({} when none recorded).

    Callers check the reader's role first (tracker.views.cases) and log the reading."""
    text = decrypt(keys, case.identity)
    return json.loads(text) if text else {}


def notes(keys: MultiFernet, case: Case) -> str:
    return decrypt(keys, case.notes) or ""


def snapshot(session: Session, case: Case) -> dict:
    """The case as a version keeps it: every column, its submissions, encrypted fields as
    stored (a version never holds a name in clear)."""
    data = case.model_dump(mode="json", exclude={"created_at", "updated_at"})
    subs = session.exec(select(CaseSubmission).where(CaseSubmission.case_id == case.id)
                        .order_by(CaseSubmission.submitted_on, CaseSubmission.id)).all()
    data["submissions"] = [s.model_dump(mode="json", exclude={"created_at", "updated_at"})
                           for s in subs]
    return data


def record_change(session: Session, case: Case, changes: list[str], username: str) -> None:
    """Bump the case's version and save the new state as a CaseVersion (caller commits)."""
    if case.id is None:
        session.add(case)
        session.flush()
    else:
        case.version += 1
    case.updated_by = username
    case.updated_at = dt.datetime.now(dt.UTC)
    session.add(case)
    session.flush()
    session.add(CaseVersion(case_id=case.id, version=case.version, changed_by=username,
                            changes=",".join(changes),
                            snapshot=json.dumps(snapshot(session, case), sort_keys=True)))


def default_retention(retention_days: int, today: dt.date | None = None) -> dt.date:
    return (today or dt.date.today()) + dt.timedelta(days=int(retention_days))


def save_case(session: Session, keys: MultiFernet, data: CaseInput, username: str, *,
              case: Case | None = None, expected_version: int | None = None,
              retention_days: int = 5 * 365) -> Case:
    """Create a case (case=None) or change one; write its version; the caller commits.

    `expected_version` is the version the person's form was made from: if someone saved
    the case meanwhile, refuse rather than overwrite their change."""
    if case is not None and expected_version is not None and case.version != expected_version:
        raise CaseError(N_("Someone else saved this case meanwhile (version %(version)s, by "
                           "%(user)s). Open it again and redo your change."),
                        version=case.version, user=case.updated_by)
    new = {
        "pseudonym": data.pseudonym, "gender": data.gender, "whrd": data.whrd,
        "iso3": data.iso3, "province": data.province,
        "incident_dates": ",".join(d.isoformat() for d in data.incident_dates),
        "perpetrators": ",".join(data.perpetrators), "attack_types": ",".join(data.attack_types),
        "risk_factors": ",".join(data.risk_factors), "status": data.status,
        "retention_until": data.retention_until or default_retention(retention_days),
    }
    kept = identity(keys, case) if case is not None else {}
    who = {"name": kept.get("name", "") if data.name is None else data.name,
           "contact": kept.get("contact", "") if data.contact is None else data.contact}
    who = {k: v for k, v in who.items() if v}
    if case is None:
        case = Case(created_by=username, **new)
        changes = ["created"]
        case.identity = encrypt(keys, json.dumps(who, ensure_ascii=False)) if who else None
        case.notes = encrypt(keys, data.notes)
    else:
        changes = [f for f in FIELDS if getattr(case, f) != new[f]]
        for field, value in new.items():
            setattr(case, field, value)
        if kept != who:
            changes.append("identity")
            case.identity = encrypt(keys, json.dumps(who, ensure_ascii=False)) if who else None
        if notes(keys, case) != data.notes:
            changes.append("notes")
            case.notes = encrypt(keys, data.notes)
        if not changes:
            return case
    record_change(session, case, changes, username)
    return case


def versions(session: Session, case_id: int) -> list[CaseVersion]:
    return list(session.exec(select(CaseVersion).where(CaseVersion.case_id == case_id)
                             .order_by(CaseVersion.version.desc())).all())


def due_for_review(session: Session, today: dt.date | None = None) -> list[Case]:
    """Cases past their retention date: to keep (with a new date) or delete."""
    today = today or dt.date.today()
    return list(session.exec(select(Case).where(Case.retention_until <= today)
                             .order_by(Case.retention_until, Case.id)).all())


def delete_case(session: Session, case: Case) -> None:
    """Erase a case with its versions and submissions (the audit log keeps that it was);
    the caller records the audit event and commits."""
    for model in (CaseVersion, CaseSubmission):
        for row in session.exec(select(model).where(model.case_id == case.id)).all():
            session.delete(row)
    session.delete(case)


def incident_years(case: Case) -> list[int]:
    return sorted({int(d[:4]) for d in case.incident_dates.split(",") if d})
