"""Store the Human Rights Council's recorded votes, and tie each amendment to what it amends.

Reads OHCHR's voting library, either as the third party's CSV export (`import_export`,
the folder holding `sqlite_export_*.csv.gz`; it has no licence, so it is read where it
lies and never copied) or as MARCXML pages (`store_hrc_votes`, from the scraper). Each vote
is upserted on (symbol, date) with every State listed, by ISO3: a code the tracker does not
know is resolved through the export's name for it, and one that still matches nothing is
kept with no State and counted, never dropped.

Symbols the library misprints are stored corrected, with the printed form kept and the
correction listed by `tracker check` (A/HRC/DEC22/117, "A/HRC/50/L.37 as orally revised",
an amendment catalogued as A/HRC/RES/56/L.35).

An amendment becomes a Draft of kind "amendment" with its vote's outcome as its status. The
library does not say what an amendment amends, only the amended text's title: `link_
amendments` finds, in the same session, the draft or resolution of that title (drafts from
the catalogue first, then resolutions) and records how sure it is; an amendment it cannot
place is left unlinked and listed.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import update
from sqlmodel import Session, select

from scrapers import BadInput
from scrapers.ohchr_votes import EXPORT_FILES, PARSER_VERSION, parse_export, split_heading
from scrapers.records import VoteRecord
from scrapers.sponsors import draft_family, draft_revision
from tracker.ingest import Tally, record_source
from tracker.models import DataIssue, Draft, Resolution, State, Vote, VoteCast, utcnow
from tracker.resolver import StateResolver
from tracker.store import begin_write, bulk_insert, chunks, upsert

STATUS_SOURCE = "OHCHR voting library (recorded vote)"
# A title this close (rapidfuzz token_set_ratio, 0-100) to an amendment's may be the amended
# text; the best must also beat any other text of the session by MARGIN (fuzz.ratio).
LINK_CUTOFF = 90
LINK_MARGIN = 5


@dataclass
class VoteImport:
    """What an import of recorded votes did."""

    votes: int = 0
    casts: int = 0
    saved: int = 0
    updated: int = 0
    unchanged: int = 0
    casts_saved: int = 0
    casts_updated: int = 0
    unmatched: dict[str, str] = field(default_factory=dict)  # code -> first vote listing it
    corrected: list[tuple[str, str]] = field(default_factory=list)  # (printed, stored)
    linked: int = 0
    unlinked: int = 0


# --- reading ------------------------------------------------------------------------------


def read_export(folder: Path) -> tuple[list[VoteRecord], dict[str, str], bytes]:
    """Read and parse the export's three files in `folder`; BadInput names file and line."""
    texts, paths, raw = [], [], b""
    for name in EXPORT_FILES:
        path = folder / name
        if not path.exists() and path.suffix == ".gz" and path.with_suffix("").exists():
            path = path.with_suffix("")  # an unzipped copy
        try:
            data = path.read_bytes()
            data = gzip.decompress(data) if path.suffix == ".gz" else data
            texts.append(data.decode("utf-8"))
        except FileNotFoundError:
            raise BadInput(f"missing {name} (the export has three files: "
                           f"{', '.join(EXPORT_FILES)})", location=str(folder)) from None
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise BadInput(f"cannot read it: {exc}", location=str(path)) from None
        except UnicodeDecodeError as exc:
            line = data[:exc.start].count(b"\n") + 1
            raise BadInput(f"not UTF-8 text ({exc.reason})",
                           location=f"{path}, line {line}") from None
        raw += data
        paths.append(str(path))
    votes, names = parse_export(*texts, names=tuple(paths))
    return votes, names, raw


# --- symbols ------------------------------------------------------------------------------


def corrected_symbol(symbol: str) -> str:
    """The symbol the library meant: the Council's own symbol forms."""
    fixed = re.sub(r"\s+as orally revised$", "", symbol.strip(), flags=re.I)
    fixed = re.sub(r"^A/HRC/RES/((?:S-)?\d+/L\.\d+)", r"A/HRC/\1", fixed)  # an L. is no RES
    return re.sub(r"^A/HRC/DEC(\d)", r"A/HRC/DEC/\1", fixed)


def session_of(symbol: str) -> str | None:
    """The Council session a symbol belongs to: "31" for A/HRC/RES/31/32 and A/HRC/31/L.41."""
    m = re.match(r"^A/HRC/(?:RES/|DEC/)?((?:S-)?\d+)/", symbol)
    return m.group(1) if m else None


# --- storing ------------------------------------------------------------------------------


def store_hrc_votes(session: Session, records: list[VoteRecord], *,
                    country_names: dict[str, str] | None = None, source_id: int | None = None,
                    report: VoteImport | None = None) -> VoteImport:
    """Upsert votes, their States' votes, their resolutions and their amendments' drafts.

    Runs in the caller's transaction and flushes; the caller commits once, so a failure
    leaves nothing half-written.
    """
    report = report or VoteImport()
    country_names = country_names or {}
    states = set(session.exec(select(State.iso3)).all())
    resolver = StateResolver(session)
    issues: list[tuple[str, str, str, str]] = []  # kind, subject, detail, location
    existing = {(v.symbol, v.date): v for v in session.exec(select(Vote).where(Vote.body == "HRC"))}
    stored: list[tuple[Vote, VoteRecord]] = []
    for rec in records:
        symbol = corrected_symbol(rec.symbol)
        if symbol != rec.symbol:
            report.corrected.append((rec.symbol, symbol))
            issues.append(("vote-symbol", symbol, f"printed as {rec.symbol!r}", rec.location))
        heading_kind = split_heading(rec.heading or "")[1]
        if heading_kind and heading_kind != rec.kind:
            issues.append(("vote-kind", symbol, f"the symbol says {rec.kind}, the catalogue's "
                           f"heading says {heading_kind}; stored as {rec.kind}", rec.location))
        outcome = rec.outcome
        if outcome is None and rec.kind in ("resolution", "decision"):
            outcome = "adopted"  # a RES or DEC symbol is only given to an adopted text
        if not rec.casts:
            issues.append(("vote-without-states", symbol, "the record lists no State's vote",
                           rec.location))
        values = {"body": "HRC", "method": "recorded", "yes": rec.yes, "no": rec.no,
                  "abstain": rec.abstain, "non_voting": rec.non_voting, "total": rec.total,
                  "kind": rec.kind, "outcome": outcome, "title": rec.title,
                  "agenda": rec.agenda, "agenda_item": rec.agenda_item, "origin": rec.origin,
                  "symbol_as_printed": rec.symbol if symbol != rec.symbol else None}
        if source_id is not None:
            values["source_id"] = source_id
        vote = existing.get((symbol, rec.date))
        if vote is None:
            vote = existing[(symbol, rec.date)] = Vote(symbol=symbol, date=rec.date, **values)
            session.add(vote)
            report.saved += 1
        elif any(getattr(vote, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(vote, k, v)
            session.add(vote)
            report.updated += 1
        else:
            report.unchanged += 1
        stored.append((vote, rec))
    session.flush()
    _store_casts(session, stored, states, resolver, country_names, report, issues)
    for vote, _ in stored:
        if vote.kind == "amendment":
            _store_amendment(session, vote)
        elif vote.outcome == "adopted" and re.match(r"^A/HRC/(RES|DEC)/", vote.symbol):
            _store_resolution(session, vote)
    session.flush()
    for kind, subject, detail, location in issues:
        upsert(session, DataIssue, {"kind": kind, "subject": subject, "detail": detail},
               {"location": location[:500]})
    report.votes += len(records)
    report.casts += sum(len(r.casts) for r in records)
    link_amendments(session, report)
    return report


def _store_casts(session, stored, states, resolver, country_names, report, issues) -> None:
    # Plain columns, not ORM rows: 45,000 objects cost seconds to build and compare.
    have: dict[tuple[int, str], tuple[int, str | None, str]] = {}
    for part in chunks([v.id for v, _ in stored]):
        for cid, vote_id, raw, iso3, value in session.exec(
                select(VoteCast.id, VoteCast.vote_id, VoteCast.raw_name, VoteCast.iso3,
                       VoteCast.value).where(VoteCast.vote_id.in_(part))):
            have[(vote_id, raw)] = (cid, iso3, value)
    new, changed = [], []
    now = utcnow()
    for vote, rec in stored:
        for cast in rec.casts:
            code = (cast.iso3 or "").upper()
            iso3 = code if code in states else None
            if iso3 is None:
                name = country_names.get(code) or cast.name
                match = resolver.resolve(name, where=rec.location, on=rec.date)
                iso3 = match.value if match and match.kind == "state" else None
                if iso3 is None:
                    report.unmatched.setdefault(cast.name, vote.symbol)
                    issues.append(("unresolved-vote-name", vote.symbol,
                                   f"{cast.name} ({name})", rec.location))
            row = have.get((vote.id, cast.name))
            if row is None:
                new.append({"vote_id": vote.id, "iso3": iso3, "raw_name": cast.name,
                            "value": cast.value, "created_at": now, "updated_at": now})
            elif row[1:] != (iso3, cast.value):
                changed.append({"id": row[0], "iso3": iso3, "value": cast.value,
                                "updated_at": now})
    bulk_insert(session, VoteCast, new)
    if changed:
        session.execute(update(VoteCast), changed)
    report.casts_saved += len(new)
    report.casts_updated += len(changed)


def _store_resolution(session: Session, vote: Vote) -> None:
    """A resolution or decision adopted by a recorded vote: fill what is not known yet."""
    row = session.exec(select(Resolution).where(Resolution.symbol == vote.symbol)).first()
    known = {"title": vote.title or vote.symbol, "session": session_of(vote.symbol),
             "agenda_item": str(vote.agenda_item) if vote.agenda_item else None,
             "adoption_date": vote.date, "adoption_method": "recorded vote",
             "yes": vote.yes, "no": vote.no, "abstain": vote.abstain,
             "non_voting": vote.non_voting}
    if row is None:
        session.add(Resolution(body="HRC", symbol=vote.symbol, **known))
        return
    missing = {k: v for k, v in known.items() if getattr(row, k) in (None, "") and v is not None}
    for k, v in missing.items():
        setattr(row, k, v)
    if missing:
        session.add(row)


def _store_amendment(session: Session, vote: Vote) -> None:
    """An amendment is a Draft of kind amendment; its vote's outcome is its status."""
    row = session.exec(select(Draft).where(Draft.symbol == vote.symbol)).first()
    if row is None:
        session.add(Draft(symbol=vote.symbol, family=draft_family(vote.symbol),
                          revision=draft_revision(vote.symbol), body="HRC", kind="amendment",
                          status=vote.outcome, status_source=STATUS_SOURCE,
                          title=vote.title, date=vote.date))
        return
    if row.kind != "amendment":
        # The catalogue holds it as something else: say so, change nothing.
        upsert(session, DataIssue, {"kind": "vote-kind", "subject": vote.symbol,
                                    "detail": f"voted on as an amendment, catalogued as a "
                                              f"{row.kind}"}, {})
        return
    changed = False
    for name, value in (("status", vote.outcome), ("status_source", STATUS_SOURCE),
                        ("title", row.title or vote.title), ("date", row.date or vote.date),
                        ("body", row.body or "HRC")):
        if getattr(row, name) != value and value is not None:
            setattr(row, name, value)
            changed = True
    if changed:
        session.add(row)


# --- what an amendment amends -------------------------------------------------------------

_NOISE = re.compile(r"\b(draft resolution|draft decision|mandate of the|the)\b|[^\w\s]")


def _title_key(title: str | None) -> str:
    return " ".join(_NOISE.sub(" ", (title or "").casefold()).split())


def link_amendments(session: Session, report: VoteImport | None = None) -> None:
    """Give each amendment not yet placed the draft family (else resolution) it amends.

    Candidates are the session's drafts and resolutions (never amendments); a title equal
    once normalised wins, else the closest above LINK_CUTOFF that beats every other target
    by LINK_MARGIN. A link a person made (basis starting "person") is never touched.
    """
    amendments = list(session.exec(select(Draft).where(Draft.kind == "amendment",
                                                       Draft.body == "HRC")))
    sessions = {session_of(a.symbol) for a in amendments} - {None}
    targets: dict[str, list[tuple[str, str, str]]] = {}  # session -> (target, title, what)
    family_of: dict[int, str] = {}
    for d in session.exec(select(Draft).where(Draft.kind == "draft", Draft.body == "HRC")):
        s = session_of(d.symbol)
        if s in sessions and d.title:
            targets.setdefault(s, []).append((d.family, d.title, "draft"))
        if d.resolution_id is not None:
            family_of.setdefault(d.resolution_id, d.family)
    for r in session.exec(select(Resolution).where(Resolution.body == "HRC")):
        s = session_of(r.symbol)
        if s in sessions and r.title:
            targets.setdefault(s, []).append((family_of.get(r.id, r.symbol), r.title,
                                              "resolution"))
    placed = unplaced = 0
    for a in amendments:
        if a.amends_basis and a.amends_basis.startswith("person"):
            placed += 1
            continue
        found = _best_target(a, targets.get(session_of(a.symbol), []))
        target, basis = found if found else (None, None)
        if (a.amends, a.amends_basis) != (target, basis):
            a.amends, a.amends_basis = target, basis
            session.add(a)
        placed += target is not None
        unplaced += target is None
    if report is not None:
        report.linked, report.unlinked = placed, unplaced
    session.flush()


_NAMED = re.compile(r"amendments? to (?:the )?draft (?:resolution|decision)\s+"
                    r"(A/HRC/(?:S-)?\d+/)?(L\.\d+)", re.I)


def _best_target(amendment: Draft, candidates) -> tuple[str, str] | None:
    named = _NAMED.search(amendment.title or "")
    if named:  # the catalogue's own title names it: "Amendments to draft resolution L.17"
        prefix = named.group(1) or f"A/HRC/{session_of(amendment.symbol)}/"
        return prefix + named.group(2), "named in its title"
    key = _title_key(amendment.title)
    if not key:
        return None
    scored: dict[str, tuple[float, float, str]] = {}
    for target, title, what in candidates:
        other = _title_key(title)
        if other == key:
            return target, f"same title as the {what} {target}"
        score = (fuzz.token_set_ratio(key, other), fuzz.ratio(key, other), what)
        if score[0] >= LINK_CUTOFF and score > scored.get(target, (0, 0, "")):
            scored[target] = score
    if not scored:
        return None
    ranked = sorted(scored.items(), key=lambda kv: kv[1][1], reverse=True)
    best, (set_score, ratio, what) = ranked[0]
    if len(ranked) > 1 and ratio - ranked[1][1][1] < LINK_MARGIN:
        return None  # two texts of the session fit about as well: leave it to a person
    return best, f"title like the {what} {best} ({set_score:.0f}/{ratio:.0f})"


# --- the export, end to end ---------------------------------------------------------------


def import_export(session: Session, folder: Path, tally: Tally | None = None) -> VoteImport:
    """Read the export in `folder` whole, then store it in one transaction."""
    records, names, raw = read_export(folder)
    begin_write(session)
    source = record_source(session, location=str(folder), content=raw,
                           parser="ohchr-voting-export", parser_version=PARSER_VERSION)
    report = store_hrc_votes(session, records, country_names=names, source_id=source.id)
    session.commit()
    if tally is not None:
        tally.saved += report.saved
        tally.updated += report.updated
        tally.unchanged += report.unchanged
        tally.unmatched.update(report.unmatched)
    return report
