"""Fetch and read the letters and replies of the communications (`tracker scrape letters`).

Each document not yet read is fetched through the shared HTTP client (robots.txt,
throttle, cache, size cap), read by scrapers.letters, and committed on its own, so a
killed run keeps every file it read and the next run goes on from there. A file that
cannot be fetched or read is marked failed with the reason and the run goes on; failed
files are tried again by the next run (from the cache when the file itself was bad).
`force` fetches and reads every file again.

THE LINK FROM A LISTING ROW TO ITS LETTER IS NOT CONFIRMED. The letter's URL is the
row's link, or, for the sample JSON, one a third party built on the assumption that the
site's gId equals the row's data-id, which nobody has shown (shared/samples/ohchr/notes/).
So the reference a letter prints at its top is compared with the communication's:
reference_ok is True when they agree, False when the file names another communication,
None when it names none. A reply is checked the same way against every reference it
cites. A document whose reference disagrees keeps its text for a person to look at (the
communication page warns, the data-quality page lists it), but search never shows it
under this communication (tracker.documents.searchable).

Document.error holds why a document failed, or, for a file read only in part because a
limit was reached, what was left out.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import Markup
from sqlmodel import Session, select

from scrapers import BadInput, ScraperError, SourceBlocked
from scrapers import letters as reader
from scrapers.communications import parse_reference
from scrapers.http import HttpClient
from tracker.analysis import WORD
from tracker.documents import searchable_documents, sync_documents
from tracker.ingest import Tally, record_source
from tracker.models import Communication, Document, ScrapeRun
from tracker.query import ANALYZER
from tracker.runs import mark_dead_runs_interrupted
from tracker.search import passage
from tracker.store import begin_write

log = logging.getLogger(__name__)

PARSER_VERSION = "1"
# Write the search index every so many documents, so a long run shows up as it goes.
INDEX_EVERY = 25
# A site that refuses this many files in a row refuses us, not the files: stop asking.
MAX_FAILURES_IN_A_ROW = 10


@dataclass(frozen=True)
class Limits:
    """How much of one file is read (settings LETTER_MAX_PAGES, _CHARS, _SECONDS)."""

    max_bytes: int = reader.MAX_BYTES
    max_pages: int = reader.MAX_PAGES
    max_chars: int = reader.MAX_CHARS
    max_seconds: float = reader.MAX_SECONDS


@dataclass
class DocumentTally(Tally):
    """What a letters run did: documents read, by what they held."""

    text: int = 0
    no_text: int = 0
    mismatched: list[str] = field(default_factory=list)

    def summary(self) -> str:
        failed = " (each is listed with its reason)" if self.failed else ""
        return (f"Letters and replies: {self.saved} read for the first time, "
                f"{self.updated} read again with changes, {self.unchanged} read again "
                f"unchanged; {self.text} with text, {self.no_text} without a text layer "
                f"(scanned), {len(self.mismatched)} printing another communication's "
                f"reference (kept out of search); {self.failed} failed{failed}.")


def reference_key(reference: str) -> tuple[str, int, int]:
    _, code, number, year = parse_reference(reference)
    return code, number, year


def check_reference(comm: Communication, kind: str, read: reader.LetterText
                    ) -> tuple[str | None, bool | None]:
    """The reference the file prints and whether it is this communication's (None: unknown).

    A letter is judged by the reference at its top; a reply by whether it cites this
    communication among the references it names.
    """
    own = (comm.addressee_code, comm.number, comm.year)
    if kind == "letter":
        if read.reference is None:
            return None, None
        return read.reference, reference_key(read.reference) == own
    cited = [r for r in read.references if reference_key(r) == own]
    if cited:
        return cited[0], True
    return (read.references[0], False) if read.references else (None, None)


def _resume_ids(session: Session, run_id: int) -> set[int]:
    """Communications whose documents were read by runs killed before they indexed them.

    A run writes the index every INDEX_EVERY documents; one that was killed in between
    committed documents that search does not know. They are those changed since the
    first of the interrupted runs that came right before this one.
    """
    since = None
    for run in session.exec(select(ScrapeRun).where(ScrapeRun.source_kind == "letters",
                                                    ScrapeRun.id < run_id)
                            .order_by(ScrapeRun.id.desc())):
        if run.status != "interrupted":
            break
        since = run.started_at
    if since is None:
        return set()
    return set(session.exec(select(Document.communication_id).where(
        Document.updated_at >= since, Document.text_status != "pending")))


def _todo(session: Session, force: bool, limit: int | None) -> list[int]:
    stmt = (select(Document.id).join(Communication, Communication.id == Document.communication_id)
            .order_by(Communication.date.desc().nulls_last(), Document.kind, Document.id))
    if not force:
        stmt = stmt.where(Document.text_status.in_(("pending", "failed")))
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.exec(stmt))


def fetch_documents(client: HttpClient, session_factory: Callable[[], Session],
                    tally: DocumentTally, *, run_id: int, force: bool = False,
                    limit: int | None = None, limits: Limits = Limits(),
                    index: Callable[[set[int]], None] | None = None,
                    progress: Callable[[int, int, str], None] | None = None) -> None:
    """Fetch and read the documents not yet read (all with force), newest letters first.

    `index(ids)` writes those communications to the search index; it is called every
    INDEX_EVERY documents and for what earlier killed runs left unindexed, and the ids
    are then cleared from tally.changed_communications (the caller indexes the rest).
    `progress(done, total, line)` hears what became of each document.
    """
    with session_factory() as session:
        mark_dead_runs_interrupted(session, except_id=run_id)
        begin_write(session)
        made = sync_documents(session)
        session.commit()
        if made:
            log.info("%d documents found that had no row yet", made)
        tally.changed_communications |= _resume_ids(session, run_id)
        todo = _todo(session, force, limit)
    if index and tally.changed_communications:
        index(set(tally.changed_communications))
        tally.changed_communications.clear()
    in_a_row = 0
    for done, doc_id in enumerate(todo, start=1):
        fetched, line = _fetch_one(client, session_factory, tally, doc_id, force, limits)
        in_a_row = 0 if fetched else in_a_row + 1
        if progress:
            progress(done, len(todo), line)
        if index and len(tally.changed_communications) >= INDEX_EVERY:
            index(set(tally.changed_communications))
            tally.changed_communications.clear()
        if in_a_row >= MAX_FAILURES_IN_A_ROW:
            raise SourceBlocked(f"{in_a_row} files in a row could not be fetched (the last: "
                                f"{line}); stopped so as not to press a site that refuses "
                                "us. What was read is kept; run again later.")


def _fetch_one(client, session_factory, tally: DocumentTally, doc_id: int, force: bool,
               limits: Limits) -> tuple[bool, str]:
    """Fetch, read and store one document; return whether it was fetched, and a line
    that says what became of it."""
    with session_factory() as session:
        doc = session.get(Document, doc_id)
        if doc is None:  # deleted meanwhile with its communication
            return True, "gone"
        comm = session.get(Communication, doc.communication_id)
        url, kind, where = doc.url, doc.kind, f"{comm.reference} {doc.kind}"
    try:
        page = reader.fetch_document(client, url, refresh=force)
    except ScraperError as exc:
        _failed(session_factory, tally, doc_id, where, exc)
        return False, f"{where}: failed ({exc})"
    try:
        read = reader.parse_letter_pdf(page.content, url, max_bytes=limits.max_bytes,
                                       max_pages=limits.max_pages, max_chars=limits.max_chars,
                                       max_seconds=limits.max_seconds)
    except BadInput as exc:
        _failed(session_factory, tally, doc_id, where, exc, page=page)
        return True, f"{where}: failed ({exc})"
    with session_factory() as session:
        begin_write(session)
        doc = session.get(Document, doc_id)
        if doc is None:
            return True, "gone"
        comm = session.get(Communication, doc.communication_id)
        before = (doc.text_status, doc.sha256, doc.text, doc.reference_ok)
        found, ok = check_reference(comm, kind, read)
        source = record_source(session, location=url, content=page.content,
                               parser="letters.parse_letter_pdf", parser_version=PARSER_VERSION,
                               http_status=page.status, fetched_at=page.fetched_at)
        _store_read(doc, page, read, found, ok, source.id)
        session.add(doc)
        session.commit()
        after = (doc.text_status, doc.sha256, doc.text, doc.reference_ok)
    tally.count("saved" if before[0] in ("pending", "failed") else
                "unchanged" if before == after else "updated")
    if read.status == "text":
        tally.text += 1
    else:
        tally.no_text += 1
    if ok is False:
        tally.mismatched.append(f"{where} prints {found}")
        log.warning("%s: the file prints %s; kept out of search", where, found)
    if before != after:
        tally.changed_communications.add(doc.communication_id)
    what = (f"text ({read.language or 'language unknown'}, {read.pages} pages)"
            if read.status == "text" else "no text layer (scanned)")
    return True, f"{where}: {what}" + (f"; prints {found}, kept out of search"
                                       if ok is False else "")


def _store_read(doc: Document, page, read: reader.LetterText, found, ok, source_id) -> None:
    doc.fetched_at, doc.sha256, doc.size = page.fetched_at, page.sha256, len(page.content)
    doc.pages, doc.text_status, doc.text = read.pages, read.status, read.text or None
    doc.language, doc.reference_found, doc.reference_ok = read.language, found, ok
    doc.error, doc.source_id = read.note, source_id


def _failed(session_factory, tally: DocumentTally, doc_id: int, where: str,
            exc: ScraperError, page=None) -> None:
    """Record why a document failed. One read before keeps its text when a refetch fails."""
    tally.fail(f"{where}: {exc}")
    with session_factory() as session:
        begin_write(session)
        doc = session.get(Document, doc_id)
        if doc is None:
            return
        if doc.text_status in ("pending", "failed") or page is not None:
            if doc.text_status in ("text", "no_text"):
                tally.changed_communications.add(doc.communication_id)  # out of search now
            doc.text_status, doc.error, doc.text = "failed", str(exc), None
            doc.language = doc.reference_found = doc.reference_ok = doc.pages = None
            if page is not None:
                doc.fetched_at, doc.sha256 = page.fetched_at, page.sha256
                doc.size = len(page.content)
            session.add(doc)
            session.commit()


# --- passages for search results ------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """Where a result's letter or reply says what the query asked for."""

    kind: str  # letter | reply
    date: dt.date | None  # the reply's
    document_id: int
    html: Markup  # escaped by Whoosh's formatter; the words in <mark>


# A page's summaries repeat their words: each is stemmed once per process, not per result.
_term = lru_cache(maxsize=200_000)(ANALYZER.term)


def passages(session: Session, hits, terms) -> dict[int, Passage]:
    """For each result whose summary lacks some of the query's words, the passage of its
    letter (or else the first reply) that has them, by communication id."""
    if not terms:
        return {}
    wanted = {}
    for hit in hits:
        if hit.fields.get("doc_type") != "communication":
            continue
        summary = {_term(m.group(0)) for m in WORD.finditer(hit.fields.get("summary") or "")}
        missing = set(terms) - summary
        if missing:
            wanted[hit.fields["db_id"]] = missing
    out = {}
    for comm_id, docs in searchable_documents(session, wanted).items():
        for doc, reply in docs:
            html = passage(doc.text, wanted[comm_id])
            if html:
                out[comm_id] = Passage(doc.kind, reply.date if reply else None, doc.id,
                                       Markup(html))  # noqa: S704 - Whoosh escaped it
                break
    return out
