"""Store scraper records: idempotent upserts on natural keys, with provenance and run counts.

Every batch (one page, or a file's records in batches of about half a second; see
tracker.importers) is written in one transaction, each record inside a savepoint, so a
bad record is logged and skipped while the rest of the batch lands, and a killed run
leaves whole batches or nothing. Run twice, nothing changes.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from scrapers.records import (
    CommunicationRecord,
    DraftRecord,
    ResolutionRecord,
    SponsorEvent,
    VoteRecord,
)
from scrapers.sponsors import draft_family, draft_revision
from scrapers.text import http_url
from tracker.documents import ensure_documents
from tracker.freshness import captured_on
from tracker.models import (
    Communication,
    CommunicationMandate,
    DataIssue,
    Draft,
    HrcMembership,
    Mandate,
    Reply,
    Resolution,
    ScrapeRun,
    Source,
    Sponsorship,
    SponsorshipEvent,
    State,
    Vote,
    VoteCast,
)
from tracker.resolver import StateResolver
from tracker.store import bulk_insert, chunks, upsert

log = logging.getLogger(__name__)

ROLE_RANK = {"main": 5, "co": 4, "cover": 3, "corrected": 2, "additional": 1, "catalogue": 0,
             "unknown": -1}


@dataclass
class Tally:
    """What a run did, and the names it could not match."""

    saved: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # records read but not stored, each with a reason
    failed: int = 0
    skip_reasons: Counter = field(default_factory=Counter)
    unmatched: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    changed_communications: set[int] = field(default_factory=set)
    changed_resolutions: set[str] = field(default_factory=set)
    # Those of changed_communications coded with the batch that stored them.
    coded_communications: set[int] = field(default_factory=set)

    def count(self, outcome: str) -> None:
        if outcome == "saved":
            self.saved += 1
        elif outcome == "updated":
            self.updated += 1
        else:
            self.unchanged += 1

    def skip(self, reason: str) -> None:
        self.skipped += 1
        self.skip_reasons[reason] += 1

    def fail(self, message: str) -> None:
        self.failed += 1
        self.errors.append(message)
        log.warning("skipped: %s", message)

    def checkpoint(self) -> tuple:
        """The counts now, to go back to if a batch is rolled back."""
        return (self.saved, self.updated, self.unchanged, self.skipped, self.failed,
                Counter(self.skip_reasons), len(self.errors))

    def restore(self, point: tuple) -> None:
        (self.saved, self.updated, self.unchanged, self.skipped, self.failed,
         self.skip_reasons, n_errors) = point
        del self.errors[n_errors:]

    def status(self, error: str | None = None) -> str:
        """finished: nothing failed; partial: something failed and something landed;
        failed: the run stopped, or nothing it was given landed."""
        landed = self.saved + self.updated + self.unchanged + self.skipped
        if error or (self.failed and not landed):
            return "failed"
        return "partial" if self.failed else "finished"

    def summary(self) -> str:
        """Say in plain words what became of the records read (one line, for logs)."""
        reasons = "; ".join(f"{n} {r}" for r, n in self.skip_reasons.most_common())
        failed = " (not stored; each is listed with its reason)" if self.failed else ""
        unmatched = " (each is listed)" if self.unmatched else ""
        return (f"Records read (communications, drafts, resolutions, votes): "
                f"{self.saved} new, {self.updated} updated with changes, "
                f"{self.unchanged} unchanged (already stored as read), "
                f"{self.skipped} skipped as not for the tracker"
                f"{f' ({reasons})' if reasons else ''}, {self.failed} failed{failed}; "
                f"{len(self.unmatched)} printed names matched no State{unmatched}.")


def start_run(session: Session, kind: str, target: str = "") -> ScrapeRun:
    """Record a run as started by this process (see tracker.runs)."""
    from tracker.runs import claim

    run = ScrapeRun(source_kind=kind, target=target[:500])
    session.add(run)
    session.commit()
    claim(session, run)
    return run


def finish_run(session: Session, run: ScrapeRun, tally: Tally, error: str | None = None):
    run = session.merge(run)
    run.finished_at = datetime.now(UTC)
    run.status = tally.status(error)
    run.saved, run.updated, run.skipped = tally.saved, tally.updated, tally.skipped
    run.unchanged = tally.unchanged
    run.failed, run.unmatched = tally.failed, len(tally.unmatched)
    parts = [error] if error else []
    if tally.unmatched:
        parts.append("unmatched names: " + "; ".join(
            f"{n!r} ({w})" for n, w in sorted(tally.unmatched.items())))
    if tally.errors:
        parts.append("failed records: " + "; ".join(tally.errors[:50]))
    run.error = "\n".join(parts) or None
    session.add(run)
    session.commit()
    return run


def record_source(session: Session, *, location: str, content: bytes, parser: str,
                  parser_version: str, http_status: int | None = None,
                  fetched_at: datetime | None = None) -> Source:
    digest = hashlib.sha256(content).hexdigest()
    values = {"parser": parser, "parser_version": parser_version, "http_status": http_status}
    fetched_at = fetched_at or captured_on(digest)  # a sample keeps its capture date
    if fetched_at:
        values["fetched_at"] = fetched_at
    source, _ = upsert(session, Source, {"location": location, "content_hash": digest}, values)
    return source


def _each(session: Session, tally: Tally, records, store):
    """Store each record in its own savepoint; a failure skips that record only."""
    for rec in records:
        try:
            with session.begin_nested():
                tally.count(store(rec))
        except (SQLAlchemyError, ValueError) as exc:
            tally.fail(f"{getattr(rec, 'location', '?')}: {exc.__class__.__name__}: "
                       f"{str(exc).splitlines()[0]}")


# --- communications -------------------------------------------------------------------


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


class CommunicationStore:
    def __init__(self, session: Session, tally: Tally, source: Source | None):
        self.session, self.tally, self.source = session, tally, source
        self.mandates = {m.site_label.casefold(): m for m in session.exec(select(Mandate))}
        self.states = set(session.exec(select(State.iso3)).all())

    def mandate(self, label: str) -> Mandate:
        found = self.mandates.get(label.casefold())
        if found is None:
            # A label we do not know is kept and flagged, never dropped.
            found, _ = upsert(self.session, Mandate, {"slug": _slug(label)},
                              {"site_label": label, "full_name": label, "unverified": True})
            self.mandates[label.casefold()] = found
        return found

    def __call__(self, rec: CommunicationRecord) -> str:
        key = {"addressee_code": rec.addressee_code, "number": rec.number, "year": rec.year}
        # The parsers drop links that are not http(s); checked again here because whoever
        # builds a record, only a safe link may reach the pages.
        values = {
            "type": rec.type, "date": rec.date, "addressee_name": rec.addressee_name,
            "state_iso3": rec.addressee_code if rec.addressee_code in self.states else None,
            "summary": rec.summary, "alleged_victims": rec.alleged_victims,
            "language": rec.language, "letter_url": http_url(rec.letter_url),
            "source_url": http_url(rec.source_url), "site_id": rec.site_id,
        }
        existing = self.session.exec(select(Communication).filter_by(**key)).first()
        if existing is not None:
            # A file may know less than the page did: never erase what we have with None.
            values = {k: v for k, v in values.items() if v is not None}
        if self.source is not None and (existing is None or existing.source_id is None):
            values["source_id"] = self.source.id
        row, outcome = upsert(self.session, Communication, key, values)
        wanted = {self.mandate(label).id for label in rec.mandates}
        have = set(self.session.exec(select(CommunicationMandate.mandate_id)
                                     .where(CommunicationMandate.communication_id == row.id)))
        if wanted - have:
            self.session.add_all(CommunicationMandate(communication_id=row.id, mandate_id=m)
                                 for m in wanted - have)
            outcome = "updated" if outcome == "unchanged" else outcome
        replies = []
        for reply in rec.replies:
            r_row, r_outcome = upsert(self.session, Reply, {
                "communication_id": row.id, "url": http_url(reply.url) or "", "date": reply.date},
                {"kind": reply.kind, "source_id": self.source.id if self.source else None}
                if reply.kind else {})
            replies.append(r_row)
            if r_outcome == "saved" and outcome == "unchanged":
                outcome = "updated"
        ensure_documents(self.session, row, replies)  # the letter and replies, to fetch
        if outcome != "unchanged":
            self.tally.changed_communications.add(row.id)
        return outcome


def store_communications(session: Session, records: list[CommunicationRecord], tally: Tally,
                         source: Source | None = None) -> None:
    _each(session, tally, records, CommunicationStore(session, tally, source))


# --- resolutions, drafts, sponsors, votes ---------------------------------------------


def _where_in(session, query, column, values) -> list:
    """Run `query` for values of `column`, a few hundred at a time (drivers cap parameters)."""
    out = []
    for chunk in chunks(values):
        out += session.exec(query.where(column.in_(chunk))).all()
    return out


@dataclass(slots=True)
class NewSponsorship:
    """A Sponsorship row not yet written: plain and small, as a file holds 100,000s.

    Building them as SQLModel objects was most of an import's time and memory
    (bench/ingest.py); they go to the database in one bulk insert.
    """

    family: str
    sponsor_key: str
    iso3: str | None
    group_name: str | None
    role: str
    raw_name: str
    source_id: int | None
    on_behalf_of: str | None = None
    joined_on: object = None
    joined_source: str | None = None
    withdrawn: bool = False
    withdrawn_on: object = None
    withdrawn_source: str | None = None


_EVENT_COLUMNS = ("family", "sponsor_key", "action", "role", "source_document", "iso3",
                  "date", "raw_name", "source_id")


class FamilyLedger:
    """Sponsorship rows and events of many draft families, read once, written in bulk."""

    def __init__(self, session: Session, families: set[str]):
        self.session = session
        self.rows = {(r.family, r.sponsor_key): r for r in _where_in(
            session, select(Sponsorship), Sponsorship.family, families)}
        self.events = set(_where_in(
            session, select(SponsorshipEvent.family, SponsorshipEvent.sponsor_key,
                            SponsorshipEvent.action, SponsorshipEvent.role,
                            SponsorshipEvent.source_document),
            SponsorshipEvent.family, families))
        self.new_rows: dict[tuple, NewSponsorship] = {}
        self.new_events: list[tuple] = []  # values in _EVENT_COLUMNS order
        self.origins: dict[str, dict[str, set]] = {}  # record -> origin -> sponsor keys

    def apply(self, family: str, key: str, iso3: str | None, group: str | None,
              event: SponsorEvent, source: Source | None, record: str = "") -> str:
        role = event.role or ""
        event_key = (family, key, event.action, role, event.source_document or "")
        if event.action == "join":
            self.origins.setdefault(record or family, {}).setdefault(event.origin or "", set()).add(
                (key, event.name))
        new_event = event_key not in self.events
        # An author entry that repeats a printed name adds nothing to keep as an event;
        # one the printed record lacks is kept, and listed as a disagreement.
        if new_event and event.role == "catalogue" and (family, key) in self.rows:
            new_event = False
        if new_event:
            self.events.add(event_key)
            self.new_events.append((
                family, key, event.action, role, event.source_document or "", iso3,
                event.date, event.printed_as or event.name, source.id if source else None))
        outcome = self._summarise(family, key, iso3, group, event, source)
        return "updated" if outcome == "unchanged" and new_event else outcome

    def _summarise(self, family, key, iso3, group, event, source) -> str:
        row = self.rows.get((family, key))
        if row is None:
            row = NewSponsorship(
                family=family, sponsor_key=key, iso3=iso3, group_name=group,
                role=(event.role or "unknown") if event.action == "join" else "unknown",
                raw_name=event.printed_as or event.name,
                source_id=source.id if source else None)
            self.rows[(family, key)] = self.new_rows[(family, key)] = row
            before = None
        else:
            before = _sponsorship_state(row)
        if event.action == "join":
            if before is None:
                row.on_behalf_of, row.joined_on = event.on_behalf_of, event.date
                row.joined_source = event.source_document
            else:
                if ROLE_RANK.get(event.role or "unknown", 0) > ROLE_RANK.get(row.role, 0):
                    row.role = event.role
                    row.joined_source = event.source_document or row.joined_source
                if event.date and (row.joined_on is None or event.date < row.joined_on):
                    row.joined_on = event.date
                row.joined_source = row.joined_source or event.source_document
                row.on_behalf_of = row.on_behalf_of or event.on_behalf_of
                if (row.withdrawn and event.date and row.withdrawn_on
                        and event.date > row.withdrawn_on):
                    row.withdrawn, row.withdrawn_on, row.withdrawn_source = False, None, None
        else:
            row.withdrawn = True
            row.withdrawn_on = event.date or row.withdrawn_on
            row.withdrawn_source = event.source_document or row.withdrawn_source
        if before is None:
            return "saved"
        changed = _sponsorship_state(row) != before
        if changed and not isinstance(row, NewSponsorship):
            self.session.add(row)
        return "updated" if changed else "unchanged"

    def flush(self) -> None:
        now = datetime.now(UTC)
        stamps = {"created_at": now, "updated_at": now}
        bulk_insert(self.session, Sponsorship,
                    ({**{f: getattr(r, f) for f in NewSponsorship.__slots__}, **stamps}
                     for r in self.new_rows.values()))
        bulk_insert(self.session, SponsorshipEvent,
                    ({**dict(zip(_EVENT_COLUMNS, e, strict=True)), **stamps}
                     for e in self.new_events))
        self.new_rows.clear()
        self.new_events.clear()
        self.session.flush()


def _sponsorship_state(row) -> tuple:
    return (row.role, row.joined_on, row.joined_source, row.withdrawn, row.withdrawn_on,
            row.withdrawn_source, row.on_behalf_of)


class IssueLog:
    """Data-quality issues found by an import, each written once (kind, subject, detail)."""

    def __init__(self, session: Session):
        self.session = session
        self.seen = set(session.exec(select(DataIssue.kind, DataIssue.subject,
                                            DataIssue.detail)).all())
        self.new: list[dict] = []

    def add(self, kind: str, subject: str, detail: str, location: str = "",
            source: Source | None = None) -> None:
        if (kind, subject, detail) in self.seen:
            return
        self.seen.add((kind, subject, detail))
        self.new.append({"kind": kind, "subject": subject, "detail": detail,
                         "location": location, "source_id": source.id if source else None})

    def flush(self) -> None:
        if self.new:
            now = datetime.now(UTC)
            bulk_insert(self.session, DataIssue,
                        [{**i, "created_at": now, "updated_at": now} for i in self.new])
            self.new.clear()


class DraftBatch:
    """Store a file's drafts in a few statements: read what exists once, write in bulk.

    A record that cannot be stored is counted as failed and the rest go on; the batch
    lands in the caller's transaction, whole or not at all.
    """

    def __init__(self, session: Session, tally: Tally, source: Source | None,
                 resolver: StateResolver, records: list[DraftRecord]):
        self.session, self.tally, self.source, self.resolver = session, tally, source, resolver
        self.existing = {d.symbol: d for d in _where_in(
            session, select(Draft), Draft.symbol, {r.symbol for r in records})}
        self.ledger = FamilyLedger(session, {r.family for r in records})
        self.issues = IssueLog(session)
        self.resolutions = self._resolutions(records)
        self.new_drafts: dict[str, dict] = {}
        self.seen: set[str] = set()

    def _resolutions(self, records) -> dict[str, int]:
        """Ids of the resolutions the drafts lead to, adding those not yet known."""
        wanted = {r.resolution_symbol: r for r in records if r.resolution_symbol}
        query = select(Resolution.symbol, Resolution.id)
        have = dict(_where_in(self.session, query, Resolution.symbol, wanted))
        missing = [s for s in wanted if s not in have]
        if missing:
            now = datetime.now(UTC)
            bulk_insert(self.session, Resolution, [
                {"symbol": s, "body": wanted[s].body or "GA", "title": wanted[s].title or s,
                 "orally_revised": False, "created_at": now, "updated_at": now}
                for s in missing])
            have.update(_where_in(self.session, query, Resolution.symbol, missing))
        return have

    def store(self, rec: DraftRecord) -> str:
        values = {"family": rec.family, "revision": rec.revision, "title": rec.title,
                  "date": rec.date, "cover_sponsors": rec.cover_sponsors, "notes": rec.notes,
                  "resolution_symbol": rec.resolution_symbol,
                  "resolution_id": self.resolutions.get(rec.resolution_symbol),
                  "body": rec.body, "kind": rec.kind, "status": rec.status,
                  "status_source": rec.status_source}
        outcome = self._store_draft(rec, values)
        for event in rec.events:
            match = self.resolver.resolve(event.name, where=rec.location, on=rec.date)
            if match is None:
                key, iso3, group = f"unmatched:{event.name}", None, None
                self.tally.unmatched.setdefault(event.name, rec.location)
                self.issues.add("unresolved-name", rec.family, event.name, rec.location,
                                self.source)
            elif match.kind == "state":
                key, iso3, group = match.value, match.value, None
            else:
                key, iso3, group = f"{match.kind}:{match.value}", None, match.value
            changed = self.ledger.apply(rec.family, key, iso3, group, event, self.source,
                                        rec.symbol)
            if changed != "unchanged" and outcome == "unchanged":
                outcome = "updated"
        if rec.placeholder_symbol:
            self.issues.add("placeholder-symbol", rec.symbol,
                            f"related document {rec.placeholder_symbol!r} is a placeholder, "
                            "not a resolution symbol", rec.location, self.source)
        for warning in rec.warnings:
            self.issues.add("not-read", rec.symbol, warning, rec.location, self.source)
        if outcome != "unchanged" and rec.resolution_symbol:
            self.tally.changed_resolutions.add(rec.resolution_symbol)
        return outcome

    def _store_draft(self, rec: DraftRecord, values: dict) -> str:
        if rec.symbol in self.seen:
            # A second catalogue record of one document ("2nd of 2 records of …") adds its
            # sponsors; the first record's fields stand.
            return "unchanged"
        self.seen.add(rec.symbol)
        row = self.existing.get(rec.symbol)
        if row is None:
            self.new_drafts[rec.symbol] = {"symbol": rec.symbol, **values,
                                           "source_id": self.source.id if self.source else None}
            return "saved"
        # A file may know less than the page did: never erase what we have with None.
        changed = False
        for name, value in values.items():
            if value is not None and getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        if self.source is not None and row.source_id is None:
            row.source_id, changed = self.source.id, True
        if changed:
            self.session.add(row)
        return "updated" if changed else "unchanged"

    def finish(self) -> None:
        if self.new_drafts:
            now = datetime.now(UTC)
            bulk_insert(self.session, Draft, [
                {**d, "created_at": now, "updated_at": now} for d in self.new_drafts.values()])
        self.ledger.flush()
        self._disagreements()
        self.issues.flush()
        self.session.flush()
        mark_superseded(self.session, {d["family"] for d in self.new_drafts.values()}
                        | {d.family for d in self.existing.values()})

    def _disagreements(self) -> None:
        """List names a record's catalogue author entries and its printed text disagree on."""
        for symbol, by_origin in self.ledger.origins.items():
            catalogue = by_origin.get("catalogue")
            cover = by_origin.get("cover", set())
            printed = cover | by_origin.get("notes", set())
            if not catalogue or not printed:
                continue
            # The author entries index the cover; names added in the notes come later.
            printed_keys = {k for k, _ in printed}
            catalogue_keys = {k for k, _ in catalogue}
            for key, name in sorted(catalogue):
                if key not in printed_keys:
                    self.issues.add("disagreement", symbol,
                                    f"{name}: in the catalogue's author entries, not on the "
                                    "printed cover or in the notes", "", self.source)
            # An addendum's cover repeats the draft's sponsors; its author entries hold only
            # those it adds. A group a State speaks for is often not catalogued as an author.
            # Both are the catalogue's conventions, not disagreements.
            if "/ADD." in symbol.upper():
                continue
            for key, name in sorted(cover):
                if key not in catalogue_keys and not key.startswith(("unmatched:", "group:")):
                    self.issues.add("disagreement", symbol,
                                    f"{name}: printed on the cover, not in the catalogue's "
                                    "author entries", "", self.source)


def mark_superseded(session: Session, families: set[str]) -> None:
    """A draft with a later revision and no status of its own was superseded by it."""
    for chunk in chunks(families):
        drafts = session.exec(select(Draft).where(Draft.family.in_(chunk),
                                                  Draft.kind == "draft")).all()
        latest: dict[str, Draft] = {}
        for d in drafts:
            if d.family not in latest or d.revision > latest[d.family].revision:
                latest[d.family] = d
        for d in drafts:
            top = latest[d.family]
            if (d.revision < top.revision and d.status in (None, "superseded")
                    and (d.status, d.status_source) != ("superseded", top.symbol)):
                d.status, d.status_source = "superseded", top.symbol
                session.add(d)
    session.flush()


def store_drafts(session: Session, records: list[DraftRecord], tally: Tally,
                 source: Source | None = None, resolver: StateResolver | None = None,
                 progress=None) -> None:
    """Store drafts in one batch; `progress(done, total)` hears every few hundred."""
    batch = DraftBatch(session, tally, source, resolver or StateResolver(session), records)
    for done, rec in enumerate(records, start=1):
        try:
            tally.count(batch.store(rec))
        except (ValueError, KeyError) as exc:
            tally.fail(f"{rec.location}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
        if progress and (done % 250 == 0 or done == len(records)):
            progress(done, len(records))
    batch.finish()


def store_resolutions(session: Session, records: list[ResolutionRecord], tally: Tally,
                      source: Source | None = None) -> None:
    def store(rec: ResolutionRecord) -> str:
        values = {"body": rec.body, "title": rec.title, "session": rec.session,
                  "agenda_item": rec.agenda_item, "adoption_date": rec.adoption_date,
                  "adoption_method": rec.adoption_method, "orally_revised": rec.orally_revised,
                  "yes": rec.yes, "no": rec.no, "abstain": rec.abstain,
                  "non_voting": rec.non_voting, "meeting": rec.meeting}
        values = {k: v for k, v in values.items() if v is not None}
        if source is not None:
            values["source_id"] = source.id
        row, outcome = upsert(session, Resolution, {"symbol": rec.symbol}, values)
        for symbol in rec.draft_symbols:
            draft = session.exec(select(Draft).where(Draft.symbol == symbol)).first()
            if draft is None:
                session.add(Draft(symbol=symbol, family=draft_family(symbol),
                                  revision=draft_revision(symbol), resolution_id=row.id,
                                  resolution_symbol=rec.symbol))
            elif draft.resolution_id != row.id:
                draft.resolution_id, draft.resolution_symbol = row.id, rec.symbol
                session.add(draft)
        session.flush()
        if outcome != "unchanged":
            tally.changed_resolutions.add(rec.symbol)
        return outcome

    _each(session, tally, records, store)


def store_votes(session: Session, records: list[VoteRecord], tally: Tally,
                source: Source | None = None, resolver: StateResolver | None = None) -> None:
    resolver = resolver or StateResolver(session)
    states = set(session.exec(select(State.iso3)).all())

    def store(rec: VoteRecord) -> str:
        values = {"body": rec.body, "method": rec.method, "yes": rec.yes, "no": rec.no,
                  "abstain": rec.abstain, "non_voting": rec.non_voting, "total": rec.total,
                  "meeting": rec.meeting}
        if source is not None:
            values["source_id"] = source.id
        vote, outcome = upsert(session, Vote, {"symbol": rec.symbol, "date": rec.date}, values)
        for cast in rec.casts:
            iso3 = cast.iso3 if cast.iso3 in states else None
            if iso3 is None:
                match = resolver.resolve(cast.name, where=rec.location)
                iso3 = match.value if match and match.kind == "state" else None
                if iso3 is None:
                    tally.unmatched.setdefault(cast.name, rec.location)
            _, c_outcome = upsert(session, VoteCast, {"vote_id": vote.id, "raw_name": cast.name},
                                  {"iso3": iso3, "value": cast.value})
            if c_outcome != "unchanged" and outcome == "unchanged":
                outcome = "updated"
        tally.changed_resolutions.add(rec.symbol)
        return outcome

    _each(session, tally, records, store)


def store_hrc_terms(session: Session, terms: list[tuple], tally: Tally) -> None:
    """Store Council terms (iso3, start, end, location); an unknown ISO3 fails that line."""
    known = set(session.exec(select(State.iso3)).all())

    def store(term) -> str:
        iso3, start, end, location = term
        if iso3 not in known:
            raise ValueError(f"{location}: unknown ISO3 code {iso3!r}")
        _, outcome = upsert(session, HrcMembership, {"iso3": iso3, "term_start": start},
                            {"term_end": end})
        return outcome

    _each(session, tally, terms, store)


def hrc_members_on(session: Session, day) -> set[str]:
    """The States on the Council that day, to check a recorded vote against."""
    return set(session.exec(select(HrcMembership.iso3).where(
        HrcMembership.term_start <= day, HrcMembership.term_end >= day)))
