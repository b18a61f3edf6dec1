"""Sponsor lists as the UN prints them: draft covers, "Additional sponsors", withdrawals.

Every form below was met in the UN library catalogue (shared/samples/unbisnet_catalogue,
3,989 drafts, 1946-2015) or in Digital Library MARCXML:

- a cover: "… : revised draft resolution / Afghanistan, Albania, … Uruguay and Vanuatu";
- a group behind a State, in round or square brackets: "Ethiopia (on behalf of the Group
  of African States)", "Fiji [on behalf of the Group of 77 and China]"; a group's name is
  never split into States, whatever "and" it holds;
- the cataloguer's interpolations: "Canada [and] Netherlands", "[submitted by] Argentina",
  "Columbia [i.e. Colombia]", "United Kingdom [of] Great Britain";
- statements of responsibility: "submitted (jointly) by the Netherlands", "sponsored by",
  "presented by", "proposed by the Netherlands delegation as amended by …",
  "submitted by Denmark, … Sweden and co-sponsored by Hungary, …";
- an inverted name: "Germany, Federal Republic of";
- titles that run into the list: "… : addendum / Timor-Leste", ": [revised] draft resolution";
- note text run into a list: "Zambia. 1st record of A/48/L.32/Add.1";
- lists whose parts cite their own documents: "Nauru (A/C.1/60/INF/2/Add.1); Kyrgyzstan",
  "Lithuania and Romania (A/57/556/Add.3) and Albania";
- notes: "Additional sponsors: A, B and C (A/62/439/Add.2).", "Additional sponsors are:",
  "Document A/C.1/53/INF/2 adds sponsors: …", "Adds A, B to the list of sponsors.",
  "A withdrew as a sponsor …" / "withdrew its sponsorship" / "withdrew from the list of
  sponsors" (a withdrawal from an *amendment* is not a withdrawal from the draft),
  "Gabon was removed from the list of sponsors", "China was listed in error as a sponsor",
  "Submitted by Guyana on behalf of the Group of 77 and China",
  "Submitted on behalf of the Group of 77 and China by Algeria".

Parsers return names as printed (cleaned of the catalogue's punctuation); deciding which
State, group or body a name is belongs to `tracker`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from scrapers.records import SponsorEvent
from scrapers.text import clean

# Names with " and " inside them: a State's or a group's. Splitting must not cut them.
_COMPOUNDS = [
    "Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis",
    "St. Kitts and Nevis", "Saint Vincent and the Grenadines", "Sao Tome and Principe",
    "São Tomé and Príncipe", "Serbia and Montenegro", "Trinidad and Tobago",
    "Heard Island and McDonald Islands", "Turks and Caicos Islands", "Wallis and Futuna",
    "Czech and Slovak Federal Republic",
    r"United Kingdom(?: \[?of\]?)? Great Brit\w* and Northern Ir\w*",
    "Group of 77 and China", r"Group \d+ and China", "Latin American and Caribbean",
    "Western European and other", "Asia and the Pacific", "Economic and Social",
    "Crime Prevention and Criminal Justice", "Economic Co-operation and Development",
    "Science and Technology", "Trade and Development",
]
_COMPOUND_RE = re.compile("|".join(_COMPOUNDS), re.I)
# A piece that opens a group's or body's name keeps the "and" that follows it.
_GROUP_OPENING = re.compile(r"\b(?:Group of|Organi[sz]ation (?:of|for)|Commission on|"
                            r"Movement of|Community of|members of|Members of)\b")
_GLUE = "\x00"
# A document cited in brackets: "(A/57/556/Add.3)", "(A/65/456/Add.2(PartII))",
# "(A/C.1/58/INF/2/Add.1 and Add.2)".
_DOC_RE = re.compile(r"\(\s*((?:A|E|S|TD|UNEP|HS|ID|CEDAW|CERD|CAT)/[^()]*(?:\([^()]*\))?"
                     r"[^()]*)\)")
_BEHALF_RE = re.compile(r"\s*[\[(]\s*on behalf(?: of)?\s+(?P<group>[^\])]+)[\])]\s*", re.I)
_GROUP_PAREN_RE = re.compile(r"\s*\(((?:the )?(?:European|Group|Nordic)[^)]*)\)\s*$")
_BEHALF_PLAIN_RE = re.compile(r"^(?P<name>.+?)\s+on behalf of\s+(?P<group>.+)$", re.I)
_IE_RE = re.compile(r"\s*\[\s*i\.\s*e\.,?\s*(?P<name>[^\]]+)\]", re.I)
_IE_MARK_RE = re.compile(r"\s*\[=(?P<name>[^\]]+)\]")
_INTERPOLATION_RE = re.compile(r"\[(and|the|of|people's|and the)\]", re.I)
_LEAD_RE = re.compile(
    r"^(?:\[?(?:submitted|sponsored|presented|proposed|co-sponsored)(?:\s+jointly)?\s+by\]?"
    r"|by|are\s*:|draft resolution)\s+", re.I)
# A statement of responsibility that names no sponsor ("recommended by the 3rd Committee").
_NOT_SPONSORS_RE = re.compile(r"^(?:recommended|adopted|prepared|approved|transmitted)\s+by\b",
                              re.I)
_TRAIL_RE = re.compile(r"\s*:\s*(?:\[?addendum\]?|\[?revised\]?\s+draft resolution|"
                       r"draft resolution)\s*$", re.I)
_CO_RE = re.compile(r",?\s+and\s+co-sponsored\s+by\s+", re.I)

IsKnown = Callable[[str], bool]


@dataclass
class PrintedName:
    """One sponsor in a printed list, as printed, with what the list says about it."""

    name: str
    on_behalf_of: str | None = None
    printed_as: str | None = None  # the misspelling a cataloguer corrected with [i.e. …]
    document: str | None = None  # a document cited in the list right after this name
    role: str | None = None  # "co" for names after "and co-sponsored by"


def draft_family(symbol: str) -> str:
    """The symbol a draft shares with its revisions, addenda and corrigenda.

    "A/C.3/68/L.64/Rev.1" -> "…/L.64"; "A/53/L.40/Rev.1/Add.1" -> "A/53/L.40";
    "E/CN.4/1999/L.39[PartsVI-XII]" -> "E/CN.4/1999/L.39".
    """
    symbol = re.sub(r"\[[^\]]*\]$", "", clean(symbol))
    return re.sub(r"(?:/(?:Rev|Add|Corr)\.\s*\d+)+$", "", symbol, flags=re.I)


def draft_revision(symbol: str) -> int:
    m = re.search(r"/Rev\.\s*(\d+)", clean(symbol), flags=re.I)
    return int(m.group(1)) if m else 0


def _top_level_split(text: str, separators: str) -> list[str]:
    """Split on separator characters outside round and square brackets."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _split_and(piece: str, is_known: IsKnown | None = None) -> list[str]:
    """Split "A and B and C" at top-level "and"s, keeping compound and group names whole.

    With `is_known`, the cut is the one that leaves the fewest unknown names, so that a
    misspelt compound ("Bosnia and Herzogovina", "Saint Vincent and Grenadines") stays one
    name for the resolver to match, while "Canada [and] Netherlands" becomes two.
    """
    if " and " not in piece:
        return [piece]
    glued = _COMPOUND_RE.sub(lambda m: m.group(0).replace(" ", _GLUE), piece)
    words = re.split(r"(\s+and\s+)", glued)
    atoms = [words[0]]
    for sep, word in zip(words[1::2], words[2::2], strict=True):
        last = atoms[-1]
        depth = last.count("(") + last.count("[") - last.count(")") - last.count("]")
        outside = re.sub(r"\([^()]*\)|\[[^\]]*\]", "", last.replace(_GLUE, " "))
        if depth > 0 or _GROUP_OPENING.search(outside):
            atoms[-1] += sep + word
        else:
            atoms.append(word)
    atoms = [a.replace(_GLUE, " ") for a in atoms]
    if is_known is None or len(atoms) == 1:
        return atoms
    return _best_cut(atoms, is_known)


def _best_cut(atoms: list[str], is_known: IsKnown) -> list[str]:
    """Group consecutive atoms into names: fewest unknown names, then most known ones."""
    def known(name: str) -> bool:
        bare = re.sub(r"\s*[\[(].*$", "", name).strip()
        return is_known(bare) or is_known(name)

    n = len(atoms)
    best: list[tuple[tuple[int, int], list[str]] | None] = [None] * (n + 1)
    best[0] = ((0, 0), [])
    for end in range(1, n + 1):
        for start in range(end):
            if best[start] is None:
                continue
            name = " and ".join(atoms[start:end])
            (unknown, neg_known), names = best[start]
            score = (unknown + (not known(name)), neg_known - known(name))
            if best[end] is None or score < best[end][0]:
                best[end] = (score, names + [name])
    return best[n][1]


_NOTE_START_RE = re.compile(
    r"\d|(?:Additional|Additonal|Document|The|This|List|Reissued|Includes|Adds|Submitted|"
    r"Corrected|Title|Annex)\b|[A-Z][a-z]+ (?:record|was|were|withdrew)\b")


def _cut_trailing_text(text: str) -> tuple[str, str | None]:
    """Cut note text run into a list ("Zambia. 1st record of …"); return (list, the rest).

    A full stop between two names is a typing error for a comma ("Austria, Belgium.
    Brazil, …"); only a full stop followed by note text ends the list.
    """
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "(["
        depth -= ch in ")]"
        if ch != "." or depth > 0 or not text[i + 1:i + 2].isspace():
            continue
        if re.search(r"\bSt$", text[:i]):
            continue
        rest = text[i + 1:].lstrip()
        if _NOTE_START_RE.match(rest):
            return text[:i], clean(rest)
        text = text[:i] + "," + text[i + 1:]
    return text, None


def parse_sponsor_text(text: str, is_known: IsKnown | None = None
                       ) -> tuple[list[PrintedName], str | None]:
    """Read a printed sponsor list into names; return (names, text left over).

    The left-over text is note text the list ran into; the caller reports it.
    """
    text = clean(_INTERPOLATION_RE.sub(lambda m: m.group(1), clean(text)))
    # "[i.e. Colombia]" holds a full stop that is not the end of the list.
    text = _IE_RE.sub(lambda m: f" [={clean(m.group('name'))}]", text)
    text, rest = _cut_trailing_text(text)
    text = _TRAIL_RE.sub("", text).strip(" .;:")
    text = re.sub(r"\s+as amended by .*$", "", text, flags=re.I)
    while (lead := _LEAD_RE.match(text)) is not None:
        text = text[lead.end():]
    if _NOT_SPONSORS_RE.match(text):
        return [], text
    lists = [(text, None)]
    if co := _CO_RE.search(text):
        lists = [(text[: co.start()], None), (text[co.end():], "co")]
    names: list[PrintedName] = []
    for part, role in lists:
        names += _parse_list(part, role, is_known)
    return names, rest


def _parse_list(text: str, role: str | None, is_known: IsKnown | None) -> list[PrintedName]:
    pieces: list[str] = []
    for chunk in _top_level_split(text, ",;"):
        chunk = clean(chunk)
        if not chunk:
            continue
        inverted = re.match(r"((?:Federal |Democratic |Islamic |United )?Republic of|"
                            r"Federated States of|Kingdom of)(?:\s+and\s+(.*))?$", chunk)
        if pieces and inverted:
            pieces[-1] += ", " + inverted.group(1)  # "Germany, Federal Republic of"
            if inverted.group(2):
                pieces += _split_and(inverted.group(2), is_known)
            continue
        pieces += _split_and(chunk, is_known)
    out: list[PrintedName] = []
    pending: list[PrintedName] = []  # names waiting for a document cited after them
    for piece in pieces:
        item = _parse_piece(piece, role)
        if item is None:
            continue
        found = [item]
        if is_known is not None and not is_known(item.name) and item.on_behalf_of is None:
            found = [PrintedName(n, role=role) for n in _split_run_together(item.name,
                                                                            is_known)]
            found[-1].document = item.document
        out += found
        pending += found
        if item.document:
            for p in pending:
                p.document = p.document or item.document
            pending = []
    return out


def _parse_piece(piece: str, role: str | None) -> PrintedName | None:
    fields = _piece_fields(piece)
    return PrintedName(*fields, role=role) if fields else None


@lru_cache(maxsize=32768)
def _piece_fields(piece: str) -> tuple[str, str | None, str | None, str | None] | None:
    """Read one printed name: (name, on behalf of, as printed, document), or None if empty.

    The same few hundred names fill 137,000 catalogue rows, hence the cache.
    """
    name, behalf, printed_as, document = piece, None, None, None
    if m := _IE_MARK_RE.search(name):
        printed_as = clean(name[: m.start()])
        name = m.group("name") + name[m.end():]
    if m := _BEHALF_RE.search(name):
        behalf = _strip_article(m.group("group"))
        name = name[: m.start()] + " " + name[m.end():]
    elif m := _BEHALF_PLAIN_RE.match(name):
        name, behalf = m.group("name"), _strip_article(m.group("group"))
    elif m := _GROUP_PAREN_RE.search(name):  # "Netherlands (European Union)"
        name, behalf = name[: m.start()], _strip_article(m.group(1))
    name = re.split(r"\s:\s", name)[0]  # "Zambia : report of the …" (a title)
    if m := _DOC_RE.search(name):
        document = clean(m.group(1))
        name = name[: m.start()] + name[m.end():]
    name = clean(name).strip(" .;:[]")
    name = re.sub(r"\s+delegations?$", "", name, flags=re.I)
    name = re.sub(r"^(?:and\s+)?(?:the\s+(?=[A-Z\[]))?", "", name)
    name = re.sub(r"\s+and$", "", name)
    name = clean(name.replace("[", "").replace("]", ""))
    return (name, behalf, printed_as, document) if name else None


def _strip_article(text: str) -> str:
    return re.sub(r"^the\s+", "", clean(text).strip(" .[]()"), flags=re.I)


def _split_run_together(name: str, is_known: IsKnown) -> list[str]:
    """Split "Netherlands New Zealand" into two known names, when exactly one cut works."""
    words = name.split()
    cuts = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    good = [c for c in cuts if is_known(c[0]) and is_known(c[1])]
    return list(good[0]) if len(good) == 1 else [name]


def split_sponsor_list(text: str, is_known: IsKnown | None = None) -> list[tuple[str, str | None]]:
    """Split a printed sponsor list into (name, on behalf of) pairs, in printed order."""
    names, _ = parse_sponsor_text(text, is_known)
    return [(n.name, n.on_behalf_of) for n in names]


# --- titles and covers ------------------------------------------------------------------

_COVER_AFTER_LABEL = re.compile(
    r"(?:^|:\s*|\s)(?:\[?revised\]?\s+)?\[?draft\]?\s+resolution\.?\s*(?:/|:)?\s*"
    r"(?=[A-Z][a-z])", re.I)


def split_cover(title: str) -> tuple[str, str | None]:
    """Split a catalogue title "… : draft resolution / A, B and C" into (title, sponsors).

    The statement of responsibility follows the first " / "; a few records drop the
    slash ("draft resolution Albania, Algeria, …" or "draft resolution : Andorra, …").
    """
    title = clean(title)
    m = re.search(r"\s/\s?(?=\S)|(?<=resolution)\s?/(?=[A-Z])", title)
    if m:
        head, sponsors = title[: m.start()], title[m.end():]
        return clean_title(head), sponsors.rstrip(". ") or None
    m = _COVER_AFTER_LABEL.search(title)
    if m and "," in title[m.end():]:
        return clean_title(title[: m.end()]), title[m.end():].rstrip(". ") or None
    return clean_title(title), None


def clean_title(title: str) -> str:
    """Drop the trailing ": draft resolution" (or revised, or addendum) and MARC punctuation."""
    title = clean(title).strip(" :/")
    title = re.sub(r"\s*:\s*(?:\[?addendum\]?|corrigendum)\s*$", "", title, flags=re.I)
    return re.sub(r"\s*:?\s*(?:\[?(?:revised|joint)\]?\s+)?\[?draft\]?\s+(?:resolution|decision)"
                  r"\]?\.?\s*$", "", title, flags=re.I).strip(" :/") or title


def parse_cover(family: str, sponsors_text: str, *, role: str = "cover", date=None,
                source_document: str | None = None, is_known: IsKnown | None = None,
                warnings: list[str] | None = None) -> list[SponsorEvent]:
    """Events for a printed cover: each State joins, and each group it speaks for."""
    names, rest = parse_sponsor_text(sponsors_text, is_known)
    if rest and warnings is not None:
        warnings.append(f"not read as sponsors: {rest!r}")
    return _join_events(family, names, role=role, date=date, source_document=source_document,
                        origin="cover")


def _join_events(family, names: list[PrintedName], *, role, date, source_document, origin,
                 use_listed_documents: bool = False) -> list[SponsorEvent]:
    events, groups = [], []
    for n in names:
        doc = n.document if use_listed_documents and n.document else source_document
        events.append(SponsorEvent(family=family, name=n.name, action="join",
                                   role=n.role or role, on_behalf_of=n.on_behalf_of,
                                   date=date, source_document=doc, printed_as=n.printed_as,
                                   origin=origin))
        if n.on_behalf_of and n.on_behalf_of not in groups:
            groups.append(n.on_behalf_of)
            events.append(SponsorEvent(family=family, name=n.on_behalf_of, action="join",
                                       role=n.role or role, date=date, source_document=doc,
                                       origin=origin))
    return events


def catalogued_sponsors(family: str, names: list[str], *, printed: bool, date=None,
                        source_document: str | None = None) -> list[SponsorEvent]:
    """Sponsors from the catalogue's author entries (MARC 710), marked as such.

    The 710 list is the catalogue's own union of the cover and later sponsors; with no
    printed cover it is the only list. Each entry is one name (never split on "and").
    `tracker` compares them with the printed cover and notes and lists disagreements.
    """
    role = "catalogue" if printed else "cover"
    events = []
    for raw in names:
        if name := _catalogue_name(raw):
            events.append(SponsorEvent(family=family, name=name, action="join", role=role,
                                       date=date, source_document=source_document,
                                       origin="catalogue"))
    return events


@lru_cache(maxsize=4096)
def _catalogue_name(raw: str) -> str:
    """An author entry without the catalogue's "UN." prefix and a leading "the"."""
    name = re.sub(r"^UN\.\s+", "", clean(raw))
    return re.sub(r"^the\s+", "", name).strip(" .")


# --- notes ------------------------------------------------------------------------------

_ADDITIONAL_RE = re.compile(
    r"^Addit\w*\s+(?:co-?)?sponsors?(?:\s+are)?\s*:\s*(?P<list>.+)$", re.I | re.S)
_DOC_ADDS_RE = re.compile(
    r"^Document\s+(?P<doc>\S+)\s+adds\s+(?:the\s+following\s+)?(?:co-?)?sponsors?\s*:\s*"
    r"(?P<list>.+)$", re.I | re.S)
_ADDS_RE = re.compile(r"^Adds\s+(?P<list>.+?)\s+to\s+the\s+list\s+of\s+(?:co-?)?sponsors\b",
                      re.I | re.S)
_CORRECTED_RE = re.compile(r"^Corrected list of (?:co-?)?sponsors\s*:\s*(?P<list>.+)$",
                           re.I | re.S)
_WITHDRAW_RE = re.compile(
    r"^(?P<list>.+?)\s+withdrew\s+(?:its|their|as\s+(?:a\s+)?(?:co-?)?sponsors?|from)\b"
    r"(?P<rest>.*)$", re.I | re.S)
_REMOVED_RE = re.compile(
    r"^(?P<list>.+?)\s+(?:was|were)\s+(?P<how>removed from the list of (?:co-?)?sponsors|"
    r"listed in error as (?:a\s+)?(?:co-?)?sponsors?)\b(?P<rest>.*)$", re.I | re.S)
_SUBMITTED_RE = re.compile(
    r"^Submitted\s+(?:jointly\s+)?by\s+(?P<name>.+?)\s+on\s+behalf\s+of\s+(?P<group>.+?)\.?$"
    r"|^Submitted\s+on\s+behalf\s+of\s+(?P<group2>.+?)(?:\s+by\s+(?P<name2>[^.]+?))?\.?$",
    re.I | re.S)


def split_note_sentences(notes: str) -> list[str]:
    """Split notes into sentences: at " - " or " -- " (joined 500/515 notes) and at ". "."""
    out = []
    for seg in re.split(r"\s+-{1,2}\s+", notes or ""):
        out += [clean(s) for s in re.split(r"(?<=[.)])(?<!\bSt\.)\s+(?=[A-Z\"])", seg)
                if clean(s)]
    return out


def parse_notes(family: str, notes: str, *, fallback_document: str | None = None,
                is_known: IsKnown | None = None, record_symbol: str | None = None
                ) -> list[SponsorEvent]:
    """Read sponsor changes from a record's notes, each with its source document.

    A sentence without its own document takes the last one named in the notes (the
    committee report usually closes the whole note), else `fallback_document`, else
    the record's own symbol.
    """
    sentences = split_note_sentences(notes)
    docs = [clean(m.group(1)) for s in sentences for m in _DOC_RE.finditer(s)]
    default_doc = docs[-1] if docs else (fallback_document or record_symbol)
    events: list[SponsorEvent] = []
    for sentence in sentences:
        found = list(_DOC_RE.finditer(sentence))
        last = found[-1] if found else None
        doc = clean(last.group(1)) if last else default_doc
        body = sentence.rstrip(". ")
        if last and last.end() >= len(sentence.rstrip(". ")):
            body = sentence[: last.start()].rstrip(". ")
        if m := _DOC_ADDS_RE.match(body):
            events += _list_events(family, m.group("list"), "join", "additional",
                                   m.group("doc").rstrip(".,"), is_known)
        elif m := _ADDITIONAL_RE.match(body):
            events += _list_events(family, m.group("list"), "join", "additional", doc,
                                   is_known)
        elif m := _ADDS_RE.match(body):
            events += _list_events(family, m.group("list"), "join", "additional",
                                   record_symbol or doc, is_known)
        elif m := _CORRECTED_RE.match(body):
            events += _list_events(family, m.group("list"), "join", "corrected", doc,
                                   is_known)
        elif m := _SUBMITTED_RE.match(body):
            name = m.group("name") or m.group("name2")
            group = _strip_article(m.group("group") or m.group("group2"))
            listed = [PrintedName(name=_strip_article(name), on_behalf_of=group)] if name \
                else [PrintedName(name=group)]
            events += _join_events(family, listed, role="main", date=None,
                                   source_document=record_symbol or doc, origin="notes")
        elif m := _WITHDRAW_RE.match(body):
            if "amendment" not in m.group("rest").lower():
                events += _list_events(family, m.group("list"), "withdraw", "", doc, is_known)
        elif (m := _REMOVED_RE.match(body)) and "amendment" not in m.group("rest").lower():
            role = "error" if "error" in m.group("how").lower() else "removed"
            events += _list_events(family, m.group("list"), "withdraw", role, doc, is_known)
    return events


def _list_events(family, text, action, role, doc, is_known) -> list[SponsorEvent]:
    names, _ = parse_sponsor_text(text, is_known)
    if action == "join":
        return _join_events(family, names, role=role, date=None, source_document=doc,
                            origin="notes", use_listed_documents=True)
    return [SponsorEvent(family=family, name=n.name, action=action, role=role or None,
                         on_behalf_of=n.on_behalf_of, source_document=n.document or doc,
                         origin="notes") for n in names]


# --- what a draft became ----------------------------------------------------------------

_STATUS_PATTERNS = [
    ("withdrawn", re.compile(r"\bwithdrawn by (?:its|the) sponsors\b", re.I)),
    ("no action", re.compile(r"\bno action (?:was )?taken\b", re.I)),
    ("no action", re.compile(r"\bmotion (?:for|to) (?:the )?adjourn\w* (?:of )?(?:the )?"
                             r"debate\b.*\b(?:adopted|carried)\b", re.I)),
    ("rejected", re.compile(r"\b(?:was )?not adopted\b|\bwas rejected\b|\bvetoed\b", re.I)),
    ("adopted as orally revised", re.compile(r"\badopted\b[^.]*\bas orally revised\b", re.I)),
]


def parse_status(notes: str | None) -> tuple[str, str | None] | None:
    """What the notes say became of a draft: (status, the document that says so) or None."""
    for sentence in split_note_sentences(notes or ""):
        for status, pattern in _STATUS_PATTERNS:
            if pattern.search(sentence):
                docs = _DOC_RE.findall(sentence)
                return status, clean(docs[-1]) if docs else None
    return None
