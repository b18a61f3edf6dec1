"""Made-up communications and cases for the case register's tests (no real person)."""

import datetime as dt

from sqlmodel import Session, select

from tracker import cases
from tracker.casekey import current_keys
from tracker.db import get_engine
from tracker.models import Communication, CommunicationMandate, Mandate, Reply

HRD = "human-rights-defenders"

# (type, code, number, year, date, mandate slugs, replies as (date, kind))
LETTERS = [
    ("UA", "HND", 5, 2013, dt.date(2013, 3, 10), [HRD], []),
    ("AL", "HND", 7, 2013, dt.date(2013, 2, 1), [], [(dt.date(2013, 2, 23), "substantive")]),
    ("AL", "HND", 9, 2014, dt.date(2014, 6, 1), [HRD], []),  # more than a year after
    ("AL", "HND", 2, 2012, dt.date(2012, 12, 1), [HRD], []),  # before the submission
    ("AL", "GTM", 2, 2013, dt.date(2013, 2, 5), [HRD], []),  # another State
]


def add_letters(app) -> dict[str, int]:
    """The letters above; their ids by reference."""
    ids = {}
    with app.app_context(), Session(get_engine()) as s:
        hrd = s.exec(select(Mandate).where(Mandate.slug == HRD)).one()
        for kind, code, number, year, day, mandates, replies in LETTERS:
            comm = Communication(type=kind, addressee_code=code, number=number, year=year,
                                 date=day, state_iso3=code, addressee_name=code)
            s.add(comm)
            s.flush()
            if mandates:
                s.add(CommunicationMandate(communication_id=comm.id, mandate_id=hrd.id))
            for when, reply_kind in replies:
                s.add(Reply(communication_id=comm.id, date=when, kind=reply_kind,
                            url=f"https://example.org/reply/{comm.id}"))
            ids[comm.reference] = comm.id
        s.commit()
    return ids


def add_case(app, pseudonym="Luna", iso3="HND", status="submitted", **extra) -> int:
    form = {"pseudonym": pseudonym, "iso3": iso3, "status": status,
            "name": "Berta Example-Cáceres", "contact": "+504 5555 0000",
            "notes": "Met in La Ceiba.", **extra}
    with app.app_context(), Session(get_engine()) as s:
        case = cases.save_case(s, current_keys(), cases.clean(s, form), "ana")
        s.commit()
        return case.id
