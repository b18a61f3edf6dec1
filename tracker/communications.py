"""Communications: one letter with its replies, mandates and related letters."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from tracker.models import Communication, CommunicationMandate, Mandate, Reply


@dataclass
class CommunicationView:
    communication: Communication
    mandates: list[Mandate]
    replies: list[Reply]
    same_case: list[Communication]
    same_day: list[Communication]
    same_mandates: list[Communication]


def mandates_of(session: Session, comm_id: int) -> list[Mandate]:
    return list(session.exec(select(Mandate).join(CommunicationMandate)
                             .where(CommunicationMandate.communication_id == comm_id)
                             .order_by(Mandate.site_label)))


def communication_view(session: Session, comm_id: int) -> CommunicationView | None:
    c = session.get(Communication, comm_id)
    if c is None:
        return None
    mandates = mandates_of(session, c.id)
    replies = list(session.exec(select(Reply).where(Reply.communication_id == c.id)
                                .order_by(Reply.date)))
    # Joint letters about one case go to several addressees with the same summary.
    same_case = list(session.exec(select(Communication).where(
        Communication.id != c.id, Communication.summary == c.summary,
        Communication.summary.is_not(None)).order_by(Communication.addressee_name))) \
        if c.summary else []
    same_day = [x for x in session.exec(select(Communication).where(
        Communication.id != c.id, Communication.date == c.date).limit(20))
        if x not in same_case] if c.date else []
    ids = [m.id for m in mandates]
    shared = (select(CommunicationMandate.communication_id,
                     func.count().label("n"))
              .where(CommunicationMandate.mandate_id.in_(ids),
                     CommunicationMandate.communication_id != c.id)
              .group_by(CommunicationMandate.communication_id)
              .order_by(func.count().desc(), CommunicationMandate.communication_id.desc())
              .limit(5)) if ids else None
    same_mandates = [session.get(Communication, cid) for cid, _ in session.exec(shared)] \
        if shared is not None else []
    return CommunicationView(c, mandates, replies, same_case, same_day, same_mandates)


def reply_status(session: Session, comm_ids: list[int]) -> set[int]:
    """The ids among these that have at least one reply."""
    if not comm_ids:
        return set()
    return set(session.exec(select(Reply.communication_id)
                            .where(Reply.communication_id.in_(comm_ids))))
