"""The audit log: who did what, when and from where. Rows are only ever added.

`record` is called by the views and the `tracker user` commands; the database refuses
UPDATE and DELETE on the table (triggers created with it, see tracker.models).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from tracker.models import AuditEvent, User

ACTIONS = (
    "login", "logout", "login-failed", "login-locked", "two-factor-failed",
    "two-factor-enrolled", "recovery-code-used", "recovery-codes-renewed",
    "password-changed", "user-added", "user-disabled", "user-enabled", "role-changed",
    "two-factor-reset", "brief-view", "brief-export", "brief-created", "brief-edited",
    "brief-refreshed", "brief-duplicated", "brief-restored", "name-decided", "audit-view",
    "audit-export", "coding-confirmed", "coding-corrected", "coding-flagged", "coding-unflagged",
    "brief-audience", "case-submission-added", "case-link-confirmed", "case-link-rejected",
    "case-link-removed", "case-export", "case-export-refused",
    "case-created", "case-edited", "case-viewed", "case-identity-viewed", "case-deleted",
    "case-retention-extended", "vocabulary-changed",
)


def record(session: Session, action: str, *, user: User | None = None, username: str = "",
           target: str = "", detail: str = "", ip: str = "", user_agent: str = "") -> None:
    """Add one event in the caller's transaction (it commits with the change it records)."""
    session.add(AuditEvent(
        action=action, user_id=user.id if user else None,
        username=(user.username if user else username)[:64], target=target[:200],
        detail=detail[:500], ip=(ip or "")[:64], user_agent=(user_agent or "")[:200]))


@dataclass(frozen=True)
class AuditFilter:
    username: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None
    ip: str = ""

    def apply(self, query):
        if self.username:
            query = query.where(AuditEvent.username == self.username.strip().lower())
        if self.action:
            query = query.where(AuditEvent.action == self.action)
        if self.ip:
            query = query.where(AuditEvent.ip == self.ip.strip())
        if self.since:
            query = query.where(AuditEvent.at >= datetime.combine(self.since, time.min, tzinfo=UTC))
        if self.until:
            end = datetime.combine(self.until + timedelta(days=1), time.min, tzinfo=UTC)
            query = query.where(AuditEvent.at < end)
        return query


def events(session: Session, flt: AuditFilter, *, limit: int | None = None,
           offset: int = 0) -> list[AuditEvent]:
    query = flt.apply(select(AuditEvent)).order_by(AuditEvent.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.exec(query))


def count(session: Session, flt: AuditFilter) -> int:
    return session.exec(flt.apply(select(func.count()).select_from(AuditEvent))).one()


COLUMNS = ["id", "at", "username", "action", "target", "detail", "ip", "user_agent"]


def as_rows(rows: list[AuditEvent]) -> list[dict]:
    return [{c: getattr(e, c) for c in COLUMNS} for e in rows]
