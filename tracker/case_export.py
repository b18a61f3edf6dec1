"""The whole case register as plain rows, for an administrator's export.

Notes are decrypted (the export is for the organisation's own records); a real name and
contact only when the caller says the admin confirmed it. Pure of Flask.
"""

from __future__ import annotations

from cryptography.fernet import MultiFernet
from sqlmodel import Session, select

from tracker.cases import identity, notes
from tracker.models import Case, CaseSubmission, Communication

# Every column of Case except the encrypted ones, which are given decrypted instead.
CASE_COLUMNS = [name for name in Case.model_fields if name not in ("identity", "notes")]
SUBMISSION_COLUMNS = ["id", "submitted_on", "mandates", "reference", "link_status",
                      "communication_id", "communication", "linked_by", "linked_at"]
NAME_COLUMNS = ["name", "contact"]


def export_rows(session: Session, keys: MultiFernet, *, with_names: bool) -> list[dict]:
    """One dict per case: its columns, decrypted notes, its submissions (and names)."""
    refs = {c.id: c.reference for c in session.exec(
        select(Communication).join(CaseSubmission,
                                   CaseSubmission.communication_id == Communication.id))}
    subs: dict[int, list[dict]] = {}
    for sub in session.exec(select(CaseSubmission).order_by(CaseSubmission.submitted_on,
                                                            CaseSubmission.id)):
        item = {c: getattr(sub, c, None) for c in SUBMISSION_COLUMNS}
        item["communication"] = refs.get(sub.communication_id) if sub.communication_id else None
        subs.setdefault(sub.case_id, []).append(item)
    rows = []
    for case in session.exec(select(Case).order_by(Case.id)):
        row = {c: getattr(case, c) for c in CASE_COLUMNS}
        row["notes"] = notes(keys, case)
        if with_names:
            who = identity(keys, case)
            row.update({c: who.get(c, "") for c in NAME_COLUMNS})
        row["submissions"] = subs.get(case.id, [])
        rows.append(row)
    return rows


def csv_columns(with_names: bool) -> list[str]:
    return [*CASE_COLUMNS, "notes", *(NAME_COLUMNS if with_names else ()), "submissions"]


def flat(row: dict) -> dict:
    """A row for a spreadsheet: the submissions in one cell, one per line."""
    lines = ["; ".join(f"{c}={s[c]}" for c in SUBMISSION_COLUMNS if s[c] not in (None, ""))
             for s in row["submissions"]]
    return {**row, "submissions": "\n".join(lines)}
