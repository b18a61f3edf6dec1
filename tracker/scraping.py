"""Live scrapes: walk a source's pages through the HTTP client and store each page.

Each page is stored in its own transaction after it is fetched (and cached), so a
killed run keeps every page it finished and a re-run re-reads the rest from the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from flask import current_app
from sqlmodel import Session, select

from scrapers import communications as comms
from scrapers import ohchr_votes, undl
from scrapers.http import HttpClient, Page
from tracker.hrc_votes import VoteImport, store_hrc_votes
from tracker.importers import ImportFile, import_one
from tracker.ingest import Tally, record_source, store_communications
from tracker.models import Communication, ScrapeRun
from tracker.runs import mark_dead_runs_interrupted
from tracker.store import begin_write

# A cached page younger than this is reused, so a killed run resumes without refetching;
# older pages are fetched again, because replies arrive after the letter is published.
RESUME_WINDOW_SECONDS = 12 * 3600


def make_client(offline_dir: Path | None = None) -> HttpClient:
    cfg = current_app.config
    return HttpClient(user_agent=cfg["USER_AGENT"], cache_dir=Path(cfg["CACHE_DIR"]),
                      offline_dir=offline_dir, timeout=cfg["HTTP_TIMEOUT_SECONDS"],
                      deadline=cfg["HTTP_DEADLINE_SECONDS"],
                      max_bytes=cfg["MAX_RESPONSE_BYTES"],
                      min_interval=cfg["MIN_INTERVAL_SECONDS"])


def _page_source(session: Session, page: Page, parser: str, version: str):
    return record_source(session, location=page.url, content=page.content, parser=parser,
                         parser_version=version, http_status=page.status,
                         fetched_at=page.fetched_at)


def previous_run_finished(session: Session, kind: str, current_id: int) -> bool:
    """True when the last run of this kind before the current one finished cleanly."""
    last = session.exec(select(ScrapeRun).where(ScrapeRun.source_kind == kind,
                                                ScrapeRun.id < current_id)
                        .order_by(ScrapeRun.id.desc())).first()
    return last is not None and last.status == "finished"


def scrape_communications(client: HttpClient, session_factory: Callable[[], Session],
                          tally: Tally, *, run_id: int, since: date | None = None,
                          pages: int | None = None, force: bool = False,
                          base_url: str = comms.LISTING_URL, progress=None) -> None:
    """Walk CommunicationSent pages from the newest.

    Stops at the last page, after `pages` pages, at a page whose rows are all older than
    `since`, or (incremental, the default) at a page whose references are all known,
    unless the previous run did not finish, in which case it reads on to resume.
    """
    with session_factory() as session:
        mark_dead_runs_interrupted(session, except_id=run_id)
        incremental = not force and previous_run_finished(session, "communications", run_id)
    number, last = 1, None
    while True:
        url = comms.listing_url(number, base_url)
        page = client.get(url, expect="html", refresh=force, max_age=RESUME_WINDOW_SECONDS)
        records, errors = comms.parse_listing_rows(page.text, url)
        last = last or comms.parse_last_page(page.text)
        with session_factory() as session:
            begin_write(session)
            known = sum(1 for r in records if session.exec(select(Communication.id).filter_by(
                addressee_code=r.addressee_code, number=r.number, year=r.year)).first())
            source = _page_source(session, page, "communications.parse_listing",
                                  comms.PARSER_VERSION)
            wanted = [r for r in records if since is None or r.date is None or r.date >= since]
            store_communications(session, wanted, tally, source)
            session.commit()
        for err in errors:
            tally.fail(str(err))
        if progress:
            progress(number, last)
        if (pages and number >= pages) or (last and number >= last) or not records:
            break
        if since and all(r.date and r.date < since for r in records):
            break
        if incremental and known == len(records):
            break
        number += 1


def _store_page(session_factory, tally: Tally, page: Page, kind: str, **options) -> int:
    """Store a fetched page through the same path as `tracker import`, in one transaction;
    return how many records it held."""
    item = ImportFile(page.url, page.content, kind, page.status, page.fetched_at)
    with session_factory() as session:
        found = import_one(session, item, tally, **options)
        session.commit()
    return found


def scrape_undl(client: HttpClient, session_factory, tally: Tally, *, query: str | None = None,
                record_ids: tuple[int, ...] = (), page_size: int = 100, pages: int | None = None,
                force: bool = False, progress=None) -> None:
    """Fetch MARCXML records by id, or a search's results page by page."""
    urls = [undl.record_url(i) for i in record_ids]
    start, count = 1, 0
    while True:
        if query is not None:
            url = undl.search_url(query, start=start, size=page_size)
        elif urls:
            url = urls.pop(0)
        else:
            break
        page = client.get(url, expect="xml", refresh=force)
        found = _store_page(session_factory, tally, page, "marcxml")
        count += 1
        if progress:
            progress(count, None)
        if query is not None:
            if found < page_size or (pages and count >= pages):
                break
            start += page_size


def scrape_hrc_votes(client: HttpClient, session_factory, tally: Tally, *,
                     page_size: int = 100, pages: int | None = None, force: bool = False,
                     progress=None) -> VoteImport:
    """Read the Council's recorded votes from OHCHR's voting library, newest first.

    Each page is stored in its own transaction. Incremental: it stops at the first page
    that brings no vote new to the tracker (unless `force`), at the last page, or after
    `pages` pages. A record that cannot be read fails alone and is listed.
    """
    report = VoteImport()
    start, count = 1, 0
    while True:
        url = ohchr_votes.search_url(start=start, size=page_size)
        page = client.get(url, expect="xml", refresh=force, max_age=RESUME_WINDOW_SECONDS)
        records, errors = ohchr_votes.parse_marcxml(page.content, url)
        for err in errors:
            tally.fail(str(err))
        before = report.saved
        with session_factory() as session:
            begin_write(session)
            source = _page_source(session, page, "ohchr_votes.parse_marcxml",
                                  ohchr_votes.PARSER_VERSION)
            store_hrc_votes(session, records, source_id=source.id, report=report)
            session.commit()
        count += 1
        if progress:
            progress(count, None)
        if len(records) + len(errors) < page_size or (pages and count >= pages):
            break
        if not force and report.saved == before:
            break
        start += page_size
    tally.saved += report.saved
    tally.updated += report.updated
    tally.unchanged += report.unchanged
    tally.unmatched.update(report.unmatched)
    return report


def hrc_session_url(session_number: int) -> str:
    # The path is OHCHR's present pattern as reported; not confirmed against a saved page.
    return ("https://www.ohchr.org/en/hr-bodies/hrc/regular-sessions/"
            f"session{session_number}/res-dec-stat")


def scrape_hrc_session(client: HttpClient, session_factory, tally: Tally, *,
                       session_number: int, url: str | None = None, force: bool = False):
    page = client.get(url or hrc_session_url(session_number), expect="html", refresh=force)
    _store_page(session_factory, tally, page, "hrc-session-html", hrc_session=session_number)


def scrape_hrc_report(client: HttpClient, session_factory, tally: Tally, *, url: str,
                      force: bool = False):
    page = client.get(url, expect=("pdf", "text"), refresh=force)
    kind = "hrc-report-pdf" if page.content.startswith(b"%PDF") else "hrc-report-text"
    _store_page(session_factory, tally, page, kind)
