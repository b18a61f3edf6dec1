"""Letters and replies of the Special Procedures as text (spcommreports.ohchr.org files).

Files: a communication's letter, `/TMResultsBase/DownLoadPublicCommunicationFile?gId=N`,
and each reply, `/TMResultsBase/DownLoadFile?gId=N`, both PDFs. What we assume, from
shared/samples/ohchr/notes/ (no real file was saved with its listing row):

- the letter link's gId is the listing row's data-id. This is NOT confirmed: a third
  party built its links that way and we saw no page that shows it. So every letter is
  checked against the reference it prints near its top ("REFERENCE: AL HND 5/2013",
  "Référence : UA FRA 1/2020", "Referencia: OL MEX 2/2019"); the caller compares it
  with the row's and must not attach a letter that names another communication;
- a reply usually cites the letter's reference somewhere, but not always, and may cite
  several; `references` lists every one found, in order;
- a reply may be a scan without a text layer: that is the status "no_text", not an error.

The parser is pure and bounded, because a file from the web may be hostile: it refuses a
file past `max_bytes`, reads at most `max_pages` pages and `max_chars` characters, skips a
page whose content stream decodes past MAX_PAGE_CONTENT_BYTES, and stops after
`max_seconds`; pypdf's own limits (75 MB per decompressed stream) hold beneath that.
Whatever was read before a limit is kept, with a note saying what was left out.
"""

from __future__ import annotations

import io
import logging
import re
import time
import warnings
from dataclasses import dataclass

from pypdf import PasswordType, PdfReader

from scrapers import BadInput
from scrapers.text import detect_language, xml_safe

# pypdf logs every repair it makes to a damaged file; a run over thousands of letters
# would print them all. A file that cannot be read still raises BadInput below.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MAX_BYTES = 20_000_000
MAX_PAGES = 100
MAX_CHARS = 1_000_000
MAX_SECONDS = 60.0
# A page of a letter holds 5 to 60 KB of drawing instructions; far more is a drawing or a
# file made to be slow (pypdf reads some 300 KB of instructions a second).
MAX_PAGE_CONTENT_BYTES = 2_000_000
# A page with fewer letters than this has no text layer worth the name: a scanner's
# stamp ("Scanned by …") or a page number on an image.
MIN_LETTERS_PER_PAGE = 40
# The letter's own reference is printed in its first lines.
HEAD_CHARS = 3000
MAX_REFERENCES = 50

_TYPES = r"J?(?:AL|UA|OL)"
_REF = rf"\b({_TYPES})\s+([A-Z]{{3}})\s+(\d{{1,4}})\s*/\s*(\d{{4}})\b"
_REF_RE = re.compile(_REF)
# "Reference:", "REFERENCE :", "Ref.:", "Référence :", "Réf. :", "Referencia:", "Ref.ª"
_LABELLED_RE = re.compile(r"(?i:\bR[EÉ]F(?:[EÉ]RENCE|ERENCIA)?)\.?[ªº]?\s*"
                          r"(?:(?i:n)[°ºo]\.?\s*)?:?\s*" + _REF)
_LETTER_RE = re.compile(r"[^\W\d_]")
_SPACES = re.compile(r"[ \t\xa0]{2,}")  # justified lines come out with runs of spaces

# What a file that is not a PDF usually is, by its first bytes.
_NOT_PDF = ((b"<", "an HTML or XML page"), (b"PK", "a ZIP file (perhaps a Word .docx)"),
            (b"\xd0\xcf\x11\xe0", "an old Word or Excel file (.doc, .xls)"),
            (b"{\\rtf", "an RTF document"), (b"\xff\xd8", "a JPEG image"),
            (b"\x89PNG", "a PNG image"))


@dataclass(frozen=True)
class LetterText:
    """What a letter or reply file says, as far as it was read."""

    url: str
    text: str  # pages separated by a blank line; "" when status is no_text
    pages: int  # pages in the file
    pages_read: int
    status: str  # text | no_text
    language: str | None  # en | fr | es, or None when unknown
    reference: str | None  # the first reference near the top, "AL HND 5/2013"
    references: tuple[str, ...]  # every reference in the text, in order, each once
    note: str | None = None  # what was left out, when a limit was reached


def normalise_reference(type_: str, code: str, number: str, year: str) -> str:
    return f"{type_} {code} {int(number)}/{year}"


def find_references(text: str) -> tuple[str | None, tuple[str, ...]]:
    """Return the reference printed at the top of a letter, and every reference in it.

    The top one is the first labelled reference ("Reference: UA BRA 3/2024") in the
    first HEAD_CHARS characters, else the first unlabelled one there.
    """
    head = text[:HEAD_CHARS]
    labelled = _LABELLED_RE.search(head)
    top = labelled or _REF_RE.search(head)
    found: dict[str, None] = {}
    for m in _REF_RE.finditer(text):
        found.setdefault(normalise_reference(*m.groups()), None)
        if len(found) >= MAX_REFERENCES:
            break
    return (normalise_reference(*top.groups()[-4:]) if top else None), tuple(found)


def _what_it_is(data: bytes) -> str:
    start = data.lstrip()[:8]
    for magic, what in _NOT_PDF:
        if start.startswith(magic):
            return what
    return f"it begins with {data[:16]!r}"


class _OutOfTime(Exception):
    pass


def parse_letter_pdf(data: bytes, url: str, *, max_bytes: int = MAX_BYTES,
                     max_pages: int = MAX_PAGES, max_chars: int = MAX_CHARS,
                     max_seconds: float = MAX_SECONDS, clock=time.monotonic) -> LetterText:
    """Read the text of a letter or reply PDF.

    Raises BadInput, naming the URL, for a file that is not a PDF, is too large, needs a
    password, or is too damaged to read a single page of.
    """
    if len(data) > max_bytes:
        raise BadInput(f"the file has {len(data)} bytes, over the limit of {max_bytes}; "
                       "not read", location=url)
    if b"%PDF-" not in data[:1024]:  # the header may follow up to 1 KB of junk
        raise BadInput(f"not a PDF: {_what_it_is(data)}", location=url)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns about repairs; we judge the result
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise BadInput("the PDF is encrypted with a password; its text cannot be "
                               "read", location=url)
            total = len(reader.pages)
    except BadInput:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise BadInput(f"a damaged PDF that cannot be opened ({exc.__class__.__name__}: "
                       f"{str(exc)[:200]})", location=url) from None
    return _read_pages(reader, url, total, max_pages, max_chars, max_seconds, clock)


def _read_pages(reader, url, total, max_pages, max_chars, max_seconds, clock) -> LetterText:
    deadline = clock() + max_seconds

    def on_time(*_args):
        if clock() > deadline:
            raise _OutOfTime

    texts, notes, skipped, broken, with_text, size = [], [], [], [], 0, 0
    read = 0
    for number in range(min(total, max_pages)):
        if clock() > deadline:
            notes.append(f"stopped after {max_seconds:g} s, at page {number + 1}")
            break
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                page = reader.pages[number]
                contents = page.get_contents()
                if contents is not None and len(contents.get_data()) > MAX_PAGE_CONTENT_BYTES:
                    skipped.append(str(number + 1))
                    read += 1
                    continue
                text = page.extract_text(visitor_operand_before=on_time)
        except _OutOfTime:
            notes.append(f"stopped after {max_seconds:g} s, in page {number + 1}")
            break
        except Exception:  # noqa: BLE001 - a damaged page is skipped, the others are read
            broken.append(str(number + 1))
            read += 1
            continue
        read += 1
        text = _SPACES.sub(" ", xml_safe(text or "").replace("\x0c", "\n")).strip()
        if len(_LETTER_RE.findall(text)) >= MIN_LETTERS_PER_PAGE:
            with_text += 1
        if size + len(text) > max_chars:
            texts.append(text[:max_chars - size])
            notes.append(f"the text was cut at {max_chars} characters, in page {number + 1}")
            break
        texts.append(text)
        size += len(text) + 2
    if total > max_pages and read == max_pages:
        notes.append(f"only the first {max_pages} of {total} pages were read")
    if skipped:
        notes.append("page(s) with too many drawing instructions to read (over "
                     f"{MAX_PAGE_CONTENT_BYTES} bytes) skipped: " + ", ".join(skipped))
    if broken:
        notes.append("damaged page(s) skipped: " + ", ".join(broken))
    if read and len(broken) == read:
        raise BadInput("a damaged PDF: no page of it could be read", location=url)
    body = "\n\n".join(t for t in texts if t)
    status = "text" if with_text else "no_text"
    if status == "no_text":
        body = ""
    top, refs = find_references(body)
    return LetterText(url=url, text=body, pages=total, pages_read=read, status=status,
                      language=detect_language(body[:20_000]) if body else None,
                      reference=top, references=refs,
                      note="; ".join(notes) or None)


def fetch_document(client, url: str, *, refresh: bool = False):
    """Fetch a letter or reply file through the shared HTTP client (cached, throttled).

    The site may send a PDF as a generic download; the parser checks that it is a PDF.
    """
    return client.get(url, expect=("pdf", "download"), refresh=refresh)
