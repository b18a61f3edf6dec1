"""The data-quality list: what imports could not use as it stands, for a person to look at.

`tracker check` prints it and the staff page /quality shows it: unresolved names (each
with why it did not resolve), similarity matches awaiting a person, disagreements between
the catalogue's author entries and the printed record, placeholder symbols, drafts with
no resolution, records skipped and why, groups the tracker cannot spread to States,
letters and replies that print another communication's reference (the link from a
listing row to its letter is not confirmed: see tracker.letters) or could not be read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rapidfuzz import fuzz, process
from sqlalchemy import func
from sqlmodel import Session, select

from tracker.groups import LISTED, REGIONAL
from tracker.models import (
    Communication,
    DataIssue,
    Document,
    Draft,
    NameDecision,
    Source,
    Sponsorship,
    SponsorshipEvent,
    StateAlias,
)
from tracker.names import name_key
from tracker.reference import add_alias
from tracker.store import upsert
from tracker.vocabulary import N_
from tracker.vote_membership import membership_disagreements

# What became of a draft that explains why no resolution follows it.
ENDED = ("withdrawn", "no action", "rejected", "superseded")


class DecisionError(ValueError):
    """A decision on a name that does not exist or was already taken."""


def note_skipped(session: Session, record, source: Source | None) -> None:
    upsert(session, DataIssue, {"kind": "skipped", "subject": record.symbol,
                                "detail": record.reason},
           {"location": record.location, "source_id": source.id if source else None})


def classify_unresolved(name: str, spellings: list[str]) -> str:
    """Say why a name did not resolve, so a person knows what to do with it."""
    key = name_key(name)
    if any(ch.isdigit() for ch in key) or name[:1].islower() and len(key.split()) > 3:
        return N_("not a State's name (note or title text)")
    if any(f" {key} " in f" {s} " for s in spellings if s != key):
        return N_("part of a State's name, cut off by the printed list")
    close = process.extract(key, spellings, scorer=fuzz.ratio, limit=3)
    if close and close[0][1] >= 75:
        reason = N_("misspelling too far from, or too close to, more than one State")
        return reason + ": " + ", ".join(f"{s} ({score:.0f})" for s, score, _ in close[:2])
    return N_("matches no State, group or body we know")


@dataclass
class Report:
    unresolved: list[tuple[str, int, list[str], str]] = field(default_factory=list)
    pending: list[NameDecision] = field(default_factory=list)
    decided: Counter = field(default_factory=Counter)
    disagreements: list[DataIssue] = field(default_factory=list)
    placeholders: list[DataIssue] = field(default_factory=list)
    not_read: list[DataIssue] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    skipped_records: list[DataIssue] = field(default_factory=list)
    without_resolution: Counter = field(default_factory=Counter)
    ended: Counter = field(default_factory=Counter)
    unspread_groups: Counter = field(default_factory=Counter)
    # (communication, document) pairs
    document_mismatches: list[tuple[Communication, Document]] = field(default_factory=list)
    documents_failed: list[tuple[Communication, Document]] = field(default_factory=list)
    # Recorded votes: States listed against the Council's membership that day
    # (tracker.vote_membership), what the voting library printed oddly, and amendments not
    # yet tied to the draft they amend.
    vote_membership: list = field(default_factory=list)
    vote_issues: list[DataIssue] = field(default_factory=list)
    unplaced_amendments: list[Draft] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "unresolved names": len(self.unresolved),
            "similarity matches awaiting a person": len(self.pending),
            "disagreements (catalogue vs printed)": len(self.disagreements),
            "placeholder resolution symbols": len(self.placeholders),
            "text not read as sponsors": len(self.not_read),
            "records skipped": sum(self.skipped.values()),
            "drafts without a resolution": sum(self.without_resolution.values()),
            "groups not spread to States": len(self.unspread_groups),
            "letters and replies printing another reference": len(self.document_mismatches),
            "letters and replies that could not be read": len(self.documents_failed),
            "recorded votes that disagree with Council membership": sum(
                len(d.symbols) for d in self.vote_membership),
            "recorded votes printed oddly": len(self.vote_issues),
            "amendments not tied to what they amend": len(self.unplaced_amendments),
        }


def build_report(session: Session) -> Report:
    report = Report()
    issues = session.exec(select(DataIssue).order_by(DataIssue.kind, DataIssue.subject)).all()
    spellings = sorted(set(session.exec(select(StateAlias.key)).all()))
    unresolved: dict[str, list[str]] = defaultdict(list)
    for issue in issues:
        if issue.kind == "unresolved-name":
            unresolved[issue.detail].append(issue.subject)
        elif issue.kind == "disagreement":
            report.disagreements.append(issue)
        elif issue.kind == "placeholder-symbol":
            report.placeholders.append(issue)
        elif issue.kind == "not-read":
            report.not_read.append(issue)
        elif issue.kind == "skipped":
            report.skipped[issue.detail] += 1
            report.skipped_records.append(issue)
        elif issue.kind.startswith("vote-") or issue.kind == "unresolved-vote-name":
            report.vote_issues.append(issue)
    # A name resolved since (a person confirmed it, an alias was added) is no longer listed.
    still = set(session.exec(select(Sponsorship.raw_name)
                             .where(Sponsorship.sponsor_key.like("unmatched:%"))).all())
    report.unresolved = sorted(
        ((name, len(drafts), sorted(drafts), classify_unresolved(name, spellings))
         for name, drafts in unresolved.items() if name in still),
        key=lambda row: (-row[1], row[0]))
    decisions = session.exec(select(NameDecision).order_by(NameDecision.name)).all()
    report.pending = [d for d in decisions if d.status == "pending"]
    report.decided = Counter(d.status for d in decisions)
    for body, status, n in session.exec(
            select(Draft.body, Draft.status, func.count()).where(
                Draft.kind == "draft", Draft.resolution_id.is_(None))
            .group_by(Draft.body, Draft.status)).all():
        if status in ENDED:
            report.ended[status] += n
        else:
            report.without_resolution[body or "?"] += n
    for group, n in session.exec(
            select(Sponsorship.group_name, func.count()).where(
                Sponsorship.sponsor_key.like("group:%"))
            .group_by(Sponsorship.group_name)).all():
        if group not in REGIONAL and group not in LISTED:
            report.unspread_groups[group] = n
    documents = select(Communication, Document).join(
        Document, Document.communication_id == Communication.id).order_by(
        Communication.year.desc(), Communication.addressee_code, Communication.number,
        Document.id)
    report.document_mismatches = list(session.exec(documents.where(
        Document.reference_ok.is_(False))).all())
    report.documents_failed = list(session.exec(documents.where(
        Document.text_status == "failed")).all())
    report.vote_membership = membership_disagreements(session)
    report.unplaced_amendments = list(session.exec(select(Draft).where(
        Draft.kind == "amendment", Draft.body == "HRC", Draft.amends.is_(None))
        .order_by(Draft.date, Draft.symbol)))
    return report


def decide(session: Session, key_or_name: str, status: str, *, by: str) -> NameDecision:
    """Confirm or reject a similarity match.

    Confirming makes the printed name a spelling of the State; rejecting turns its
    sponsorships and their events back into unresolved names, listed again by the check.
    """
    if status not in ("confirmed", "rejected"):
        raise DecisionError(f"a decision is 'confirmed' or 'rejected', not {status!r}")
    decision = session.exec(select(NameDecision).where(
        NameDecision.key == name_key(key_or_name))).first()
    if decision is None:
        raise DecisionError(f"no similarity match is recorded for {key_or_name!r}")
    decision.status, decision.decided_by = status, by
    decision.decided_at = datetime.now(UTC)
    session.add(decision)
    if status == "confirmed":
        add_alias(session, decision.name, decision.iso3,
                  f"similarity match to {decision.matched_alias!r} confirmed by {by}")
    else:
        key = f"unmatched:{decision.name}"
        for model in (Sponsorship, SponsorshipEvent):
            for row in session.exec(select(model).where(
                    model.raw_name == decision.name, model.iso3 == decision.iso3)).all():
                row.sponsor_key, row.iso3 = key, None
                session.add(row)
                upsert(session, DataIssue, {"kind": "unresolved-name", "subject": row.family,
                                            "detail": decision.name}, {})
    session.flush()
    return decision
