"""The review queue and the "why" of each code, as the review screen and the communication
page show them (tracker.codes decides what is in force)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import and_, case, func, true
from sqlmodel import Session, select

from tracker import coding
from tracker.codes import DECISION, SCHEMES, InForce, Item, in_force, load_items
from tracker.models import CodeAssignment, Communication

QUEUES = ("uncoded", "low", "disputed", "all")


def _queue_where(name: str, below: float):
    status, confidence = Communication.coding_status, Communication.coding_confidence
    return {"uncoded": status.is_(None),
            "low": and_(status == "rules", confidence < below),
            "disputed": status == "disputed"}.get(name, true())


def queue_counts(session: Session, below: float) -> dict[str, int]:
    """How many communications each queue holds, in one query."""
    sums = [func.coalesce(func.sum(case((_queue_where(q, below), 1), else_=0)), 0)
            for q in QUEUES[:-1]]
    row = session.exec(select(*sums, func.count()).select_from(Communication)).one()
    return dict(zip(QUEUES, (int(n) for n in row), strict=True))


def _queue_order(name: str):
    order = [Communication.date.desc().nulls_last(), Communication.id.desc()]
    if name == "low":  # the least sure first
        order.insert(0, Communication.coding_confidence.asc())
    return order


def queue_ids(session: Session, name: str, below: float) -> list[int]:
    """The queue's communications in the order an editor works through them."""
    return list(session.exec(select(Communication.id).where(_queue_where(name, below))
                             .order_by(*_queue_order(name))))


def queue_page(session: Session, name: str, below: float, *, page: int, size: int
               ) -> list[Communication]:
    return list(session.exec(select(Communication).where(_queue_where(name, below))
                             .order_by(*_queue_order(name))
                             .offset((page - 1) * size).limit(size)))


# --- why each code is there ------------------------------------------------------------


@dataclass
class Code:
    """One value of a scheme on the review screen: is it ticked, and why."""

    value: str
    ticked: bool  # in force now
    rule: CodeAssignment | None  # the rule's row, if the rules found it
    human: CodeAssignment | None  # the person's row, if a person said yes or no to it
    matched: list[tuple[str, list[str]]]


@dataclass
class Explanation:
    item: Item
    forces: dict[str, InForce]
    codes: dict[str, list[Code]]

    def words(self) -> dict[str, set[str]]:
        """Per text (summary, letter, reply), the words the rules matched in it."""
        out: dict[str, set[str]] = {}
        for codes in self.codes.values():
            for code in codes:
                for where, words in code.matched:
                    out.setdefault(where, set()).update(words)
        return out


def _matched(row: CodeAssignment | None) -> list[tuple[str, list[str]]]:
    try:
        return [(str(f), [str(w) for w in words])
                for f, words in json.loads(row.matched)] if row and row.matched else []
    except (ValueError, TypeError):
        return []


def explain(session: Session, comm_id: int) -> Explanation | None:
    """Everything the review screen shows of one communication's codes."""
    item = load_items(session, [comm_id]).get(comm_id)
    if item is None:
        return None
    forces = in_force(item.rule_rows.values(), item.human_rows)
    human = {(r.scheme, r.value): r for r in item.human_rows if r.value != DECISION}
    codes = {}
    for scheme, values in SCHEMES.items():
        codes[scheme] = [Code(v, v in forces[scheme].values, item.rule_rows.get((scheme, v)),
                              human.get((scheme, v)), _matched(item.rule_rows.get((scheme, v))))
                         for v in values]
    return Explanation(item, forces, codes)


def rule_notes(rules: coding.Rules | None) -> dict[str, str]:
    """Each rule's note by its id, for the "why" of a code."""
    if rules is None:
        return {}
    return {getattr(r, "id", ""): getattr(r, "note", "") or "" for r in rules.rules}
