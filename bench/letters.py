"""Time to read and to index letter PDFs, measured apart (wall clock and CPU).

Run: .venv/bin/python bench/letters.py [--letters 1000] [--seed 5] [--procs N]
(`make bench` runs it with the defaults.)

The letters are GENERATED, not real: tests/pdfs.py's layout of a Special Procedures letter
(mandates, reference, date, "Excellency", facts, closing), in English (70 %), French (15 %)
and Spanish (15 %), two to four pages each. The facts of English and Spanish letters are
sentences of the real communication summaries in shared/samples/ohchr (else the snapshot
in tracker/data/snapshot), shuffled; French letters, for want of a French summary there,
shuffle the French paragraphs of tests/pdfs.py. WeasyPrint renders them (with `--procs`
processes; not timed).

Timed, in this one process: (1) extraction, scrapers.letters.parse_letter_pdf over every
file, as `tracker scrape letters` reads each one; (2) storing the text in a SQLite
database; (3) indexing: a full `rebuild_index` of the communications with their letters,
against the same without letters, and the incremental updates a run makes (one every
INDEX_EVERY letters). Prints the figures and the index sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scrapers.letters import parse_letter_pdf  # noqa: E402
from tests.pdfs import LETTERS, html_pdf, letter_html  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples" / "ohchr"
SNAPSHOT = ROOT / "tracker" / "data" / "snapshot" / "ohchr"
LANGUAGES = [("en", 70), ("fr", 15), ("es", 15)]
TYPES = ["AL", "UA", "OL"]
STATES = ["HND", "GTM", "MEX", "COL", "BRA", "PHL", "IND", "EGY", "TUR", "RUS", "FRA", "MAR",
          "COD", "CMR", "KEN", "NIC", "VEN", "ARG", "PER", "OTH"]
CHARS_PER_PAGE = 3300  # about what one A4 page of tests/pdfs.py's layout holds


def seed_sentences() -> tuple[dict[str, list[str]], Path]:
    """Sentences of the real summaries, by language, and the folder they came from."""
    from scrapers.text import detect_language

    folder = SAMPLES if any(SAMPLES.glob("*.json")) else SNAPSHOT
    out: dict[str, list[str]] = {"en": [], "es": [], "fr": []}
    for path in sorted(folder.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8"))["communications"]:
            summary = re.sub(r"\s*Alleged victims:.*$", "", item.get("summary") or "")
            lang = detect_language(summary)
            if lang in out:
                out[lang] += [s.strip() + "." for s in re.split(r"(?<=\w)\.\s+", summary)
                              if len(s) > 40]
    for lang, spec in LETTERS.items():  # the template's own facts complete a thin language
        if len(out[lang]) < 20:
            out[lang] += spec["body"][1:-1]
    return out, folder


def plan(n: int, seed: int) -> list[dict]:
    """What each letter says: language, reference, and its fact paragraphs."""
    rng = random.Random(seed)
    sentences, _ = seed_sentences()
    langs = [lang for lang, w in LANGUAGES for _ in range(w)]
    letters = []
    for i in range(n):
        lang = rng.choice(langs)
        year = rng.randint(2011, 2026)
        reference = f"{rng.choice(TYPES)} {rng.choice(STATES)} {i + 1}/{year}"
        target = rng.randint(2, 4) * CHARS_PER_PAGE - 1500  # the rest is the frame
        facts, size = [], 0
        while size < target:
            paragraph = " ".join(rng.sample(sentences[lang], k=min(4, len(sentences[lang]))))
            facts.append(paragraph)
            size += len(paragraph)
        letters.append({"i": i, "lang": lang, "reference": reference, "facts": facts,
                        "date": date(year, 1, 1) + timedelta(days=rng.randint(0, 360))})
    return letters


def render(job) -> None:
    spec, folder = job
    path = Path(folder) / f"{spec['i']:05d}.pdf"
    path.write_bytes(html_pdf(letter_html(spec["reference"], spec["lang"],
                                          facts=spec["facts"])))


class Timer:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu

    def line(self, label: str, n: int, unit: str = "letter") -> str:
        return (f"{label:46} {self.wall:8.1f} s wall {self.cpu:8.1f} s CPU   "
                f"{1000 * self.wall / n:7.1f} ms wall/{unit}")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def extract(letters: list[dict], folder: Path):
    reads = []
    with Timer() as t:
        for spec in letters:
            path = folder / f"{spec['i']:05d}.pdf"
            reads.append(parse_letter_pdf(path.read_bytes(), str(path)))
    return reads, t


def store_and_index(letters: list[dict], reads, tmp: Path):
    from sqlmodel import Session, select

    from scrapers.records import CommunicationRecord
    from tracker import create_app
    from tracker.db import get_engine, init_db
    from tracker.ingest import Tally, store_communications
    from tracker.letters import INDEX_EVERY
    from tracker.models import Communication, Document
    from tracker.search import rebuild_index, update_index

    os.environ["TRACKER_INSTANCE_PATH"] = str(tmp / "instance")
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite'}"})
    root = tmp / "index"
    with app.app_context():
        init_db()
        engine = get_engine()
        with Session(engine) as session:
            records = []
            for spec in letters:
                type_, code, ref = spec["reference"].split()
                number, year = ref.split("/")
                records.append(CommunicationRecord(
                    type=type_, addressee_code=code, number=int(number), year=int(year),
                    date=spec["date"], addressee_name=code,
                    mandates=["human rights defenders"], summary=spec["facts"][0],
                    letter_url=f"https://spcommreports.ohchr.org/TMResultsBase/"
                               f"DownLoadPublicCommunicationFile?gId={spec['i']}",
                    location="bench"))
            store_communications(session, records, Tally())
            session.commit()
            with Timer() as plain:
                rebuild_index(root, session)
            plain_size = folder_size(root)
            docs = {d.url.rsplit("=", 1)[1]: d for d in session.exec(select(Document))}
            with Timer() as stored:
                for spec, read in zip(letters, reads, strict=True):
                    doc = docs[str(spec["i"])]
                    doc.text_status, doc.text, doc.pages = read.status, read.text, read.pages
                    doc.language, doc.reference_found = read.language, read.reference
                    doc.reference_ok = True
                    session.add(doc)
                    session.commit()  # one commit per letter, as a run does
            with Timer() as full:
                rebuild_index(root, session)
            full_size = folder_size(root)
            ids = list(session.exec(select(Communication.id)))
            with Timer() as incremental:
                for i in range(0, len(ids), INDEX_EVERY):
                    update_index(root, session, communication_ids=ids[i:i + INDEX_EVERY])
        engine.dispose()
    return plain, plain_size, stored, full, full_size, incremental


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--procs", type=int, default=os.cpu_count() or 1,
                        help="processes that render the PDFs (not timed)")
    args = parser.parse_args()
    letters = plan(args.letters, args.seed)
    _, source = seed_sentences()
    print(f"{args.letters} generated letter PDFs (words from the summaries in {source}); "
          f"languages {dict(Counter(s['lang'] for s in letters))}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "pdfs"
        folder.mkdir()
        start = time.perf_counter()
        with Pool(args.procs) as pool:
            pool.map(render, [(spec, str(folder)) for spec in letters], chunksize=8)
        size = folder_size(folder)
        print(f"rendered in {time.perf_counter() - start:.0f} s with {args.procs} processes "
              f"(not timed below); {size / 1e6:.1f} MB of PDF")
        reads, t = extract(letters, folder)
        pages = sum(r.pages for r in reads)
        chars = sum(len(r.text) for r in reads)
        by_pages = Counter(r.pages for r in reads)
        right_lang = sum(r.language == s["lang"] for r, s in zip(reads, letters, strict=True))
        right_ref = sum(r.reference == s["reference"] for r, s in zip(reads, letters,
                                                                         strict=True))
        print(f"{pages} pages ({dict(sorted(by_pages.items()))} letters by page count), "
              f"{chars / 1e6:.1f} M characters of text; language right for {right_lang}, "
              f"reference right for {right_ref} of {len(reads)}")
        print()
        print(t.line("extraction (parse_letter_pdf, 1 process)", len(reads)))
        print(f"{'':46} {1000 * t.wall / pages:8.1f} ms wall/page")
        plain, plain_size, stored, full, full_size, incremental = store_and_index(
            letters, reads, tmp)
        print(stored.line("storing the text (SQLite, a commit each)", len(reads)))
        print(full.line("indexing: rebuild with letters", len(reads)))
        print(plain.line("indexing: rebuild without letters (before)", len(reads)))
        print(incremental.line("indexing: update_index, 25 letters per call", len(reads)))
        print(f"index size: {full_size / 1e6:.1f} MB with letters, {plain_size / 1e6:.1f} MB "
              f"without ({(full_size - plain_size) / len(reads) / 1e3:.1f} kB per letter)")
        print(f"\nextraction and indexing together (rebuild): {t.wall + full.wall:.1f} s wall, "
              f"{t.cpu + full.cpu:.1f} s CPU for {len(reads)} letters")


if __name__ == "__main__":
    main()
