"""Two saved versions of a case side by side. Pure: snapshots in, differences out.

The name, contact and notes stay encrypted in a version; a comparison says only whether
they changed, and never decrypts them (history is for what was coded, not who).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tracker.cases import FIELDS

ENCRYPTED = ("identity", "notes")
COMPARED = (*FIELDS, *ENCRYPTED, "submissions")


@dataclass(frozen=True)
class Difference:
    field: str
    old: object  # None for an encrypted field: it is only ever "changed"
    new: object
    encrypted: bool = False


def load_snapshot(text: str) -> dict:
    return json.loads(text) if text else {}


def _submissions(rows) -> list[str]:
    """A submission as a line a reader compares: when, to whom, which communication."""
    return [" ".join(str(x) for x in (s.get("submitted_on"), s.get("mandates") or "",
                                      s.get("reference") or "", s.get("link_status") or "")
                     if x).strip() for s in rows or ()]


def compare(old: dict, new: dict) -> list[Difference]:
    """The fields that differ from `old` to `new`, in the form's order."""
    found = []
    for name in COMPARED:
        before, after = old.get(name), new.get(name)
        if name in ENCRYPTED:
            # A token is rewritten only when its text changes (tracker.cases.save_case).
            if before != after:
                found.append(Difference(name, None, None, encrypted=True))
            continue
        if name == "submissions":
            before, after = _submissions(before), _submissions(after)
        if before != after:
            found.append(Difference(name, before, after))
    return found
