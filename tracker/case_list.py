"""The case register's list: filters, a text search, pages, newest change first.

The text search is a SQL query on pseudonym and province, never the Whoosh index: that
index is the public communications' and a case must never reach it (nor its files).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, select

from tracker.models import Case

QUERY_LIMIT = 120


@dataclass(frozen=True)
class CaseFilter:
    iso3: str = ""
    status: str = ""
    whrd: str = ""  # "yes", "no" or "" for both
    past_retention: bool = False
    q: str = ""

    def apply(self, query, today: dt.date):
        if self.iso3:
            query = query.where(Case.iso3 == self.iso3)
        if self.status:
            query = query.where(Case.status == self.status)
        if self.whrd in ("yes", "no"):
            query = query.where(Case.whrd == (self.whrd == "yes"))
        if self.past_retention:
            query = query.where(Case.retention_until <= today)
        text = self.q.strip()[:QUERY_LIMIT]
        if text:
            # Typed % and _ are letters here, not LIKE's wildcards.
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace(
                "_", "\\_").lower() + "%"
            query = query.where(or_(func.lower(Case.pseudonym).like(pattern, escape="\\"),
                                    func.lower(Case.province).like(pattern, escape="\\")))
        return query

    @property
    def active(self) -> bool:
        return bool(self.iso3 or self.status or self.whrd or self.past_retention
                    or self.q.strip())


def count_cases(session: Session, flt: CaseFilter, today: dt.date | None = None) -> int:
    query = flt.apply(select(func.count()).select_from(Case), today or dt.date.today())
    return session.exec(query).one()


# What the list shows of a case: never the encrypted name, contact or notes.
LISTED = (Case.id, Case.pseudonym, Case.whrd, Case.iso3, Case.province, Case.status,
          Case.incident_dates, Case.perpetrators, Case.attack_types, Case.updated_at)


def list_cases(session: Session, flt: CaseFilter, *, page: int, size: int,
               today: dt.date | None = None) -> list:
    """One page of cases, the last changed first: rows with the LISTED columns as
    attributes (a page of whole cases read every row's encrypted columns)."""
    query = flt.apply(select(*LISTED), today or dt.date.today())
    query = query.order_by(Case.updated_at.desc(), Case.id.desc())
    return list(session.exec(query.offset((page - 1) * size).limit(size)).all())


def count_past_retention(session: Session, today: dt.date | None = None) -> int:
    return session.exec(select(func.count()).select_from(Case)
                        .where(Case.retention_until <= (today or dt.date.today()))).one()
