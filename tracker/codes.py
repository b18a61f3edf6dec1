"""Codes on communications: what the rules found, what people decided, and what is in force.

CodeAssignment rows with origin "rule" are the coder's findings (tracker.coding); a run of
the rules replaces them and never touches the rows a person made (origin "human"). For a
scheme a person decided, a "*" row says who and when, and keeps in `matched` the values
the rules gave at that moment (JSON): when a later run gives other values that are not the
person's either, the communication is disputed, because the rules changed their mind
against a person's. Per scheme, the person's codes are in force when there is a "*" row,
else the rules'. They are copied onto Communication (women, whrd, attack_types,
perpetrators, perpetrator_type, risk_factors, coding_status, coding_confidence), which
search, dashboards and briefs read.

Nothing here commits except `apply_rules`, which commits each batch (`code_in_transaction`
codes in the caller's, as an import does for each batch it stores); nothing writes the
search index: callers index `changed_communications` after their commit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import or_
from sqlmodel import Session, select

from tracker import coding
from tracker.codebook import load_codebook
from tracker.models import (
    CodeAssignment,
    CodingFlag,
    Communication,
    CommunicationMandate,
    Document,
    Mandate,
)
from tracker.store import begin_write, chunks

# The schemes, their values and the perpetrators' parents come from the vocabulary file,
# the same one the rules are checked against, so a value added there can be decided here.
_CODEBOOK = load_codebook()
SCHEMES: dict[str, tuple[str, ...]] = {s: _CODEBOOK.slugs(s) for s in coding.SCHEMES}
PARENT = {slug: term.parent for slug, term in _CODEBOOK.schemes["perpetrator"].terms.items()}
YES_NO = coding.YES_NO  # one value each: yes or no
DECISION = "*"
BATCH = 200
NOTE_LIMIT = 1000


class CodingError(ValueError):
    """A decision that cannot be recorded as asked; the message says why."""


def rules_label(rules: coding.Rules) -> str:
    return f"rules v{rules.version}"


def rules_version(coded_by: str | None) -> str | None:
    """The version in a rules_label ("rules v3": "3"); None for a person's name."""
    match = re.fullmatch(r"rules v(\d+)", coded_by or "")
    return match[1] if match else None


def _aware(value: datetime | None) -> datetime | None:
    """SQLite gives back naive UTC times; compare them with aware ones as equals."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _username(user) -> str:
    name = user if isinstance(user, str) else getattr(user, "username", "")
    if not name:
        raise CodingError("a decision needs the name of the person who makes it")
    return name[:80]


# --- what is in force ------------------------------------------------------------------


@dataclass
class InForce:
    """One scheme of one communication: the values in force and where they come from."""

    scheme: str
    values: set[str]
    origin: str | None  # human | rule | None (not coded)
    by: str | None  # a username or "rules vN"
    at: datetime | None
    rules_now: set[str]  # what the rules find now
    rules_then: set[str] | None = None  # what they found when the person decided
    disputed: bool = False


def _then(mark: CodeAssignment) -> set[str]:
    try:
        return set(json.loads(mark.matched or "[]"))
    except ValueError:
        return set()


def in_force(rule_rows: Iterable[CodeAssignment], human_rows: Iterable[CodeAssignment]
             ) -> dict[str, InForce]:
    """Per scheme, the person's decision if there is one, else the rules' codes."""
    rule_rows, human_rows = list(rule_rows), list(human_rows)
    version = next((r.coded_by for r in rule_rows), None)
    rules_at = max((_aware(r.coded_at) for r in rule_rows), default=None)
    out = {}
    for scheme in SCHEMES:
        now = {r.value for r in rule_rows if r.scheme == scheme}
        mark = next((r for r in human_rows if r.scheme == scheme and r.value == DECISION), None)
        if mark is not None:
            values = {r.value for r in human_rows
                      if r.scheme == scheme and r.value != DECISION and r.present}
            then = _then(mark)
            out[scheme] = InForce(scheme, values, "human", mark.coded_by, _aware(mark.coded_at),
                                  now, then, disputed=now != then and now != values)
        elif rule_rows:  # the text was read: a scheme without codes is "none found"
            out[scheme] = InForce(scheme, now, "rule", version, rules_at, now)
        else:
            out[scheme] = InForce(scheme, set(), None, None, None, now)
    return out


def _joined(force: InForce) -> str | None:
    return ",".join(sorted(force.values)) if force.origin else None


def _yes_no(force: InForce) -> bool | None:
    return {frozenset({"yes"}): True, frozenset({"no"}): False}.get(frozenset(force.values))


def columns(forces: Mapping[str, InForce], rule_rows: Iterable[CodeAssignment],
            flagged: bool) -> dict:
    """The Communication columns that hold the codes in force, status and confidence."""
    out: dict = {}
    for scheme in YES_NO:
        f = forces[scheme]
        value = _yes_no(f)
        out[scheme] = value
        out[f"{scheme}_coded_by"] = f.by if value is not None else None
        out[f"{scheme}_coded_at"] = f.at if value is not None else None
    attack, perp = forces["attack"], forces["perpetrator"]
    out["attack_types"] = _joined(attack)
    out["attack_types_coded_by"], out["attack_types_coded_at"] = attack.by, attack.at
    out["perpetrators"] = _joined(perp)
    out["perpetrator_type"] = ",".join(sorted({PARENT.get(v, "unknown") for v in perp.values})) \
        if perp.origin else None
    out["perpetrator_type_coded_by"], out["perpetrator_type_coded_at"] = perp.by, perp.at
    out["risk_factors"] = _joined(forces["risk"])
    decided = {s for s, f in forces.items() if f.origin == "human"}
    rule_rows = list(rule_rows)
    confidences = [r.confidence for r in rule_rows
                   if r.scheme not in decided and r.confidence is not None]
    out["coding_confidence"] = min(confidences) if confidences else None
    if flagged or any(f.disputed for f in forces.values()):
        out["coding_status"] = "disputed"
    elif decided == set(SCHEMES):
        out["coding_status"] = "reviewed"
    elif rule_rows:
        out["coding_status"] = "rules"
    else:
        out["coding_status"] = None  # no text read, and not every scheme decided
    return out


def _store_columns(comm: Communication, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        old = getattr(comm, name)
        if isinstance(value, datetime) or isinstance(old, datetime):
            same = _aware(old) == _aware(value)
        else:
            same = old == value
        if not same:
            setattr(comm, name, value)
            changed = True
    return changed


# --- one batch of communications -------------------------------------------------------


@dataclass
class Item:
    comm: Communication
    rule_rows: dict[tuple[str, str], CodeAssignment] = field(default_factory=dict)
    human_rows: list[CodeAssignment] = field(default_factory=list)
    flag: CodingFlag | None = None
    mandates: list[str] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)

    def texts(self) -> dict[str, str | None]:
        return {"summary": self.comm.summary, "letter": "\n\n".join(self.letters) or None,
                "reply": "\n\n".join(self.replies) or None}

    def given(self, decisions: Mapping[str, set[str]] | None = None) -> list[str]:
        """What people decided, as "scheme:value", for rules that require a code."""
        decided = {s: {r.value for r in self.human_rows
                       if r.scheme == s and r.present and r.value != DECISION}
                   for s in {r.scheme for r in self.human_rows if r.value == DECISION}}
        decided.update(decisions or {})
        return sorted(f"{s}:{v}" for s, values in decided.items() for v in values)


def load_items(session: Session, ids: Iterable[int]) -> dict[int, Item]:
    """The communications with their codes, flags, mandates and readable documents."""
    ids = list(ids)
    items = {c.id: Item(c) for c in session.exec(
        select(Communication).where(Communication.id.in_(ids)))}
    for row in session.exec(select(CodeAssignment)
                            .where(CodeAssignment.communication_id.in_(ids))
                            .order_by(CodeAssignment.id)):
        item = items[row.communication_id]
        if row.origin == "rule":
            item.rule_rows[(row.scheme, row.value)] = row
        else:
            item.human_rows.append(row)
    for flag in session.exec(select(CodingFlag).where(CodingFlag.communication_id.in_(ids))):
        items[flag.communication_id].flag = flag
    for comm_id, slug in session.exec(
            select(CommunicationMandate.communication_id, Mandate.slug)
            .join(Mandate, Mandate.id == CommunicationMandate.mandate_id)
            .where(CommunicationMandate.communication_id.in_(ids))):
        items[comm_id].mandates.append(slug)
    # A file whose printed reference does not match the listing row may be another
    # letter's: it is not read for codes until the link is confirmed.
    for comm_id, kind, text in session.exec(
            select(Document.communication_id, Document.kind, Document.text)
            .where(Document.communication_id.in_(ids), Document.text_status == "text",
                   or_(Document.reference_ok.is_(None), Document.reference_ok.is_(True)))
            .order_by(Document.id)):
        if text:
            (items[comm_id].letters if kind == "letter" else items[comm_id].replies).append(text)
    return items


def _findings(item: Item, rules: coding.Rules, decisions=None) -> dict[tuple[str, str], tuple]:
    """(scheme, value) -> (rule, confidence, matched JSON) of the strongest rule for it."""
    hits = coding.code(item.texts(), rules, mandates=item.mandates,
                       given=item.given(decisions))
    out = {}
    for scheme, values in coding.resolve(hits).items():
        for value, best in values.items():
            if value not in SCHEMES.get(scheme, ()):
                continue  # not in the vocabulary: the coder's checks should have said so
            matched = [[h.field, list(h.matched)] for h in hits
                       if (h.scheme, h.value, h.rule) == (scheme, value, best.rule) and h.matched]
            out[(scheme, value)] = (best.rule, best.confidence,
                                    json.dumps(matched, ensure_ascii=False) if matched else None)
    return out


def _sync_rule_rows(session: Session, item: Item, found: dict, coded_by: str,
                    now: datetime) -> None:
    for key in [k for k in item.rule_rows if k not in found]:
        session.delete(item.rule_rows.pop(key))
    for (scheme, value), (rule, confidence, matched) in found.items():
        row = item.rule_rows.get((scheme, value))
        if row is None:
            item.rule_rows[(scheme, value)] = row = CodeAssignment(
                communication_id=item.comm.id, scheme=scheme, value=value, origin="rule",
                present=True, coded_at=now)
        elif (row.rule, row.confidence, row.matched, row.coded_by) == (
                rule, confidence, matched, coded_by):
            continue
        row.rule, row.confidence, row.matched, row.coded_by = rule, confidence, matched, coded_by
        row.coded_at = now
        session.add(row)


def _settle(item: Item) -> bool:
    """Copy the codes in force onto the communication; say whether anything changed."""
    forces = in_force(item.rule_rows.values(), item.human_rows)
    return _store_columns(item.comm, columns(forces, item.rule_rows.values(),
                                             item.flag is not None))


@dataclass
class Tally:
    """What a run of the rules did."""

    version: int | None = None
    read: int = 0  # communications the rules read
    coded: int = 0  # with codes after the run
    changed: int = 0  # whose codes in force, status or confidence changed
    disputed: int = 0  # disputed after the run
    uncoded: int = 0  # no text to read, and no person's decision
    changed_communications: set[int] = field(default_factory=set)

    def summary(self) -> str:
        plural = "" if self.read == 1 else "s"
        return (f"Rules v{self.version} read {self.read} communication{plural}: "
                f"{self.coded} coded, "
                f"{self.changed} changed, {self.disputed} disputed (the rules now differ from "
                f"a person's decision, or a person flagged it), {self.uncoded} not coded "
                "(no text).")


def _code_items(session: Session, items: Iterable[Item], rules: coding.Rules, tally: Tally,
                now: datetime) -> None:
    coded_by = rules_label(rules)
    for item in items:
        _sync_rule_rows(session, item, _findings(item, rules), coded_by, now)
        if _settle(item):
            tally.changed += 1
            tally.changed_communications.add(item.comm.id)
            session.add(item.comm)
        tally.read += 1
        status = item.comm.coding_status
        tally.coded += status is not None
        tally.uncoded += status is None
        tally.disputed += status == "disputed"


def apply_rules(session: Session, ids: Iterable[int] | None = None,
                rules: coding.Rules | None = None, *, batch: int = BATCH) -> Tally:
    """Code these communications (None: all) with the rules, a batch per commit.

    Rule rows are replaced; a person's rows are never touched, and stay in force.
    """
    rules = rules if rules is not None else coding.load_rules()
    if ids is None:
        ids = session.exec(select(Communication.id).order_by(Communication.id)).all()
    ids = list(dict.fromkeys(ids))
    session.commit()  # end the read, so that each batch takes SQLite's write lock first
    tally = Tally(version=rules.version)
    now = datetime.now(UTC)
    for chunk in chunks(ids, batch):
        begin_write(session)
        _code_items(session, load_items(session, chunk).values(), rules, tally, now)
        session.commit()
    return tally


def code_in_transaction(session: Session, ids: Iterable[int], rules: coding.Rules,
                        tally: Tally) -> None:
    """Code these communications in the caller's transaction, without committing: an
    import codes each batch of letters as it stores it, so a letter is stored, coded and
    noted for search in one commit (and indexed once, already with its codes)."""
    now = datetime.now(UTC)
    for chunk in chunks(list(dict.fromkeys(ids)), BATCH):
        _code_items(session, load_items(session, chunk).values(), rules, tally, now)


def stale_ids(session: Session, rules: coding.Rules) -> list[int]:
    """Communications this version of the rules has not coded yet."""
    done = (select(CodeAssignment.communication_id)
            .where(CodeAssignment.origin == "rule", CodeAssignment.coded_by == rules_label(rules))
            .distinct())
    return list(session.exec(select(Communication.id).where(Communication.id.not_in(done))
                             .order_by(Communication.id)))


# --- a person's decisions --------------------------------------------------------------


def _check(scheme: str, values: set[str]) -> None:
    if scheme not in SCHEMES:
        raise CodingError(f"unknown scheme {scheme!r}; the schemes are "
                          f"{', '.join(SCHEMES)}")
    unknown = sorted(values - set(SCHEMES[scheme]))
    if unknown:
        raise CodingError(f"{', '.join(unknown)}: not a value of {scheme} (its values are "
                          f"{', '.join(SCHEMES[scheme])})")
    if scheme in YES_NO and len(values) != 1:
        raise CodingError(f"{scheme} takes one answer: yes or no")


def _item(session: Session, comm_id: int) -> Item:
    item = load_items(session, [comm_id]).get(comm_id)
    if item is None:
        raise CodingError(f"no communication with id {comm_id}")
    return item


def decide_all(session: Session, comm_id: int, decisions: Mapping[str, Iterable[str]], user,
               rules: coding.Rules | None = None, *, now: datetime | None = None) -> list[str]:
    """Record a person's codes for some schemes; return the schemes whose decision changed.

    With rules, the communication is coded again first, with these decisions as given (a
    rule may require a code a person decided), so that what the decision remembers of the
    rules is what they say with it. Re-deciding the same codes changes nothing: the
    first decision keeps its who and when.
    """
    who = _username(user)
    decisions = {s: set(v) for s, v in decisions.items()}
    for scheme, values in decisions.items():
        _check(scheme, values)
    now = now or datetime.now(UTC)
    item = _item(session, comm_id)
    if rules is not None:
        _sync_rule_rows(session, item, _findings(item, rules, decisions), rules_label(rules),
                        now)
    changed = []
    for scheme, values in decisions.items():
        rules_now = sorted(v for s, v in item.rule_rows if s == scheme)
        rows = [r for r in item.human_rows if r.scheme == scheme]
        mark = next((r for r in rows if r.value == DECISION), None)
        have = {r.value for r in rows if r.present and r.value != DECISION}
        if mark is not None and have == values and _then(mark) == set(rules_now):
            continue
        for row in rows:
            session.delete(row)
            item.human_rows.remove(row)
        session.flush()  # the new rows reuse the unique keys of the old
        new = [CodeAssignment(communication_id=comm_id, scheme=scheme, value=DECISION,
                              origin="human", matched=json.dumps(rules_now), coded_by=who,
                              coded_at=now)]
        new += [CodeAssignment(communication_id=comm_id, scheme=scheme, value=v,
                               origin="human", present=True, coded_by=who, coded_at=now)
                for v in sorted(values)]
        # A code the rules found and the person took away: "not this code".
        new += [CodeAssignment(communication_id=comm_id, scheme=scheme, value=v,
                               origin="human", present=False, coded_by=who, coded_at=now)
                for v in rules_now if v not in values]
        session.add_all(new)
        item.human_rows += new
        changed.append(scheme)
    if _settle(item):
        session.add(item.comm)
    session.flush()
    return changed


def decide(session: Session, comm_id: int, scheme: str, values: Iterable[str], user,
           rules: coding.Rules | None = None) -> bool:
    """Record a person's codes for one scheme; say whether the decision changed."""
    return bool(decide_all(session, comm_id, {scheme: values}, user, rules))


def confirm(session: Session, comm_id: int, user, rules: coding.Rules | None = None
            ) -> list[str]:
    """Accept the codes in force as the person's decision, for every scheme.

    Schemes a person already decided keep that decision (confirmed again, it no longer
    counts as disputed). A yes/no scheme the rules left empty stays undecided.
    """
    item = _item(session, comm_id)
    forces = in_force(item.rule_rows.values(), item.human_rows)
    decisions = {s: f.values for s, f in forces.items()
                 if s not in YES_NO or len(f.values) == 1}
    return decide_all(session, comm_id, decisions, user, rules)


def flag(session: Session, comm_id: int, note: str, user) -> None:
    """Mark the communication's coding as disputed, with a note on why."""
    who = _username(user)
    note = " ".join((note or "").split())
    if not note:
        raise CodingError("say in the note what is wrong with the codes")
    if len(note) > NOTE_LIMIT:
        raise CodingError(f"the note is longer than {NOTE_LIMIT} characters")
    item = _item(session, comm_id)
    if item.flag is None:
        item.flag = CodingFlag(communication_id=comm_id, note=note, flagged_by=who)
    else:
        item.flag.note, item.flag.flagged_by = note, who
        item.flag.flagged_at = datetime.now(UTC)
    session.add(item.flag)
    if _settle(item):
        session.add(item.comm)
    session.flush()


def unflag(session: Session, comm_id: int) -> bool:
    """Remove the flag; say whether there was one."""
    item = _item(session, comm_id)
    if item.flag is None:
        return False
    session.delete(item.flag)
    item.flag = None
    if _settle(item):
        session.add(item.comm)
    session.flush()
    return True


