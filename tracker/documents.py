"""The letter and reply files of each communication: which exist, and what search may use.

A Document row stands for one file: a communication's letter (Communication.letter_url)
or one of its replies (Reply.url). Rows are made when communications are stored
(`ensure_documents`, called by tracker.ingest) and, for communications stored before
letters were read, by `sync_documents` at the start of every letters run. Reading the
files is tracker.letters' job.

Search gets a document's text only when it was read (status "text") and its own printed
reference does not contradict the communication's (reference_ok is not False): the link
from a listing row to its letter is not confirmed (see tracker.letters), and a letter
that names another communication must not be found under this one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, exists
from sqlmodel import Session, select

from tracker.models import Communication, Document, Reply
from tracker.store import chunks

KINDS = ("letter", "reply")
# The search index's fields for the text of a communication's letter and of its replies.
DOCUMENT_FIELDS = ("letter", "replies")
STATUSES = ("pending", "text", "no_text", "failed")


def _reset(doc: Document, url: str) -> None:
    """Point a document at another file: what was read from the old one no longer holds."""
    doc.url, doc.text_status = url, "pending"
    for name in ("fetched_at", "sha256", "size", "pages", "text", "language",
                 "reference_found", "reference_ok", "error", "source_id"):
        setattr(doc, name, None)


def _owned_elsewhere(session: Session, url: str, comm_id: int) -> bool:
    return session.exec(select(Document.id).where(
        Document.url == url, Document.communication_id != comm_id)).first() is not None


def ensure_documents(session: Session, comm: Communication, replies: Iterable[Reply]) -> None:
    """Make the Document rows for a communication's letter and replies that have a link.

    A letter link that changed resets the letter to "not fetched yet". A file already
    attached to another communication stays there: one file, one communication.
    """
    have = list(session.exec(select(Document).where(Document.communication_id == comm.id)))
    urls = {d.url for d in have}
    letter = next((d for d in have if d.kind == "letter"), None)
    if comm.letter_url and not _owned_elsewhere(session, comm.letter_url, comm.id):
        if letter is None:
            session.add(Document(communication_id=comm.id, kind="letter", url=comm.letter_url))
        elif letter.url != comm.letter_url and comm.letter_url not in urls:
            _reset(letter, comm.letter_url)
            session.add(letter)
        urls.add(comm.letter_url)
    for reply in replies:
        if reply.url and reply.url not in urls \
                and not _owned_elsewhere(session, reply.url, comm.id):
            session.add(Document(communication_id=comm.id, reply_id=reply.id, kind="reply",
                                 url=reply.url))
            urls.add(reply.url)
    session.flush()


def sync_documents(session: Session) -> int:
    """Make the missing Document rows of every communication; return how many were made."""
    known = set(session.exec(select(Document.url)))
    letters = session.exec(select(Communication.id, Communication.letter_url).where(
        Communication.letter_url.is_not(None),
        ~exists().where(and_(Document.communication_id == Communication.id,
                             Document.kind == "letter")))).all()
    replies = session.exec(select(Reply.communication_id, Reply.id, Reply.url).where(
        Reply.url != "", ~exists().where(Document.url == Reply.url))).all()
    made = 0
    for comm_id, url in letters:
        if url not in known:
            session.add(Document(communication_id=comm_id, kind="letter", url=url))
            known.add(url)
            made += 1
    for comm_id, reply_id, url in replies:
        if url not in known:
            session.add(Document(communication_id=comm_id, reply_id=reply_id, kind="reply",
                                 url=url))
            known.add(url)
            made += 1
    session.flush()
    return made


def searchable(doc: Document) -> bool:
    """Whether search may show this document's text under its communication."""
    return doc.text_status == "text" and doc.reference_ok is not False and bool(doc.text)


def _readable():
    return and_(Document.text_status == "text", Document.text.is_not(None),
                Document.reference_ok.is_not(False))


def document_texts(session: Session, ids: Iterable[int] | None = None
                   ) -> dict[int, dict[str, str]]:
    """The searchable text of each communication's letter and replies (see `searchable`):
    {communication id: {"letter": text, "replies": text}}."""
    out: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    parts = [None] if ids is None else list(chunks(ids))
    for part in parts:
        stmt = (select(Document.communication_id, Document.kind, Document.text)
                .where(_readable()).order_by(Document.communication_id, Document.id))
        if part is not None:
            stmt = stmt.where(Document.communication_id.in_(part))
        for comm_id, kind, text in session.exec(stmt):
            out[comm_id]["letter" if kind == "letter" else "replies"].append(text)
    return {cid: {field: "\n\n".join(texts) for field, texts in fields.items()}
            for cid, fields in out.items()}


def _in_order(row: tuple[Document, Reply | None]):
    """The letter first, then the replies by date, undated last."""
    doc, reply = row
    return doc.kind != "letter", reply.date.isoformat() if reply and reply.date else "~", doc.id


def documents_of(session: Session, comm_id: int) -> list[tuple[Document, Reply | None]]:
    """A communication's documents with their replies, in `_in_order`."""
    rows = session.exec(select(Document, Reply).outerjoin(Reply, Reply.id == Document.reply_id)
                        .where(Document.communication_id == comm_id)).all()
    return sorted(rows, key=_in_order)


def searchable_documents(session: Session, comm_ids: Iterable[int]
                         ) -> dict[int, list[tuple[Document, Reply | None]]]:
    """The searchable documents of these communications, in `documents_of` order."""
    out: dict[int, list] = defaultdict(list)
    for part in chunks(comm_ids):
        rows = session.exec(select(Document, Reply)
                            .outerjoin(Reply, Reply.id == Document.reply_id)
                            .where(Document.communication_id.in_(part), _readable())).all()
        for doc, reply in rows:
            out[doc.communication_id].append((doc, reply))
    for rows in out.values():
        rows.sort(key=_in_order)
    return out
