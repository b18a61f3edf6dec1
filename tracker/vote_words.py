"""Votes in words, in the reader's language: a vote's outcome and totals, and what a State
did about a resolution ("sponsored, then abstained on the resolution; voted for the hostile
amendments"). Shared by the pages and the briefs' PDF and Word files."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext

from tracker.voting import StanceLine, VoteSheet


def vote_sentence(sheet: VoteSheet) -> str:
    """"Adopted by a recorded vote on 2016-03-24: 33 in favour, 6 against, 8 abstentions."."""
    day = sheet.vote.date.isoformat() if sheet.vote.date else _("a date not recorded")
    if sheet.without_a_vote:
        return _("Adopted without a vote on %(day)s: no State’s vote is recorded.", day=day)
    t = sheet.totals
    if not sheet.recorded or "Y" not in t:
        return {"adopted": _("Adopted by a vote that was not recorded, on %(day)s.", day=day),
                "rejected": _("Rejected by a vote that was not recorded, on %(day)s.", day=day),
                }.get(sheet.outcome or "", _("Voted on %(day)s; the result is not recorded.",
                                             day=day))
    tally = _("%(yes)d in favour, %(no)d against, %(abstentions)s", yes=t.get("Y", 0),
              no=t.get("N", 0), abstentions=ngettext("%(num)d abstention",
                                                     "%(num)d abstentions", t.get("A", 0)))
    if sheet.outcome == "adopted":
        text = _("Adopted by a recorded vote on %(day)s: %(tally)s.", day=day, tally=tally)
    elif sheet.outcome == "rejected":
        text = _("Rejected by a recorded vote on %(day)s: %(tally)s.", day=day, tally=tally)
    else:
        text = _("Recorded vote on %(day)s: %(tally)s.", day=day, tally=tally)
    if t.get("X"):
        text += " " + ngettext("%(num)d State listed did not vote.",
                               "%(num)d States listed did not vote.", t["X"])
    return text


def vote_anchor(symbol: str) -> str:
    """The id of a vote's row on a resolution's page: "vote-A-HRC-31-L41"."""
    return "vote-" + "".join(c if c.isalnum() else "-" for c in symbol.replace(".", ""))


def outcome_word(outcome: str | None) -> str:
    return {"adopted": _("adopted"), "rejected": _("rejected")}.get(outcome or "",
                                                                 _("outcome not recorded"))


def kind_word(kind: str) -> str:
    return {"resolution": _("resolution"), "decision": _("decision"),
            "amendment": _("amendment"), "draft": _("draft")}.get(kind, kind)


def stance_phrase(line: StanceLine, recorded: bool) -> str:
    """What a State did, in a phrase: its sponsorship and vote, then the amendments;
    `recorded` says whether the text itself was put to a recorded vote."""
    parts = []
    vote = line.vote
    if line.sponsored:
        parts.append({
            "Y": _("sponsored and voted for the resolution"),
            "N": _("sponsored, then voted against the resolution"),
            "A": _("sponsored, then abstained on the resolution"),
            "X": _("sponsored, then did not vote on the resolution")}.get(
            vote or "", _("sponsored the resolution") if not recorded
            else _("sponsored the resolution; not among the States voting")))
    else:
        if line.sponsorship == "withdrew":
            parts.append(_("withdrew its sponsorship"))
        if vote:
            parts.append({"Y": _("voted for the resolution"),
                          "N": _("voted against the resolution"),
                          "A": _("abstained on the resolution"),
                          "X": _("did not vote on the resolution")}[vote])
    if line.amendments_listed:
        yes, n = line.amendments.get("Y", 0), line.amendments_listed
        if line.for_amendments == "all":
            parts.append(ngettext("voted for the hostile amendment",
                                  "voted for the hostile amendments", n))
        elif line.for_amendments == "some":
            parts.append(_("voted for %(yes)d of the %(n)d hostile amendments", yes=yes, n=n))
        elif line.amendments.get("N", 0) == n:
            parts.append(ngettext("voted against the hostile amendment",
                                  "voted against every hostile amendment", n))
        elif line.amendments.get("A", 0) == n:
            parts.append(ngettext("abstained on the hostile amendment",
                                  "abstained on every hostile amendment", n))
        elif line.amendments.get("X", 0) == n:
            parts.append(ngettext("did not vote on the hostile amendment",
                                  "did not vote on the hostile amendments", n))
        else:
            parts.append(_("voted for none of the hostile amendments"))
    return "; ".join(parts) if parts else _("no sponsorship or vote recorded")
