"""Cost of exporting the largest brief the limits allow, as PDF and as DOCX.

Run: .venv/bin/python bench/brief_export.py [--letters 1000] [--shape prose|lines]
The brief is about one State (letters and resolutions both) with every field of the form
at its FIELD_LIMITS maximum, posted through the real form, so the limits are what is
measured. `lines` splits each field into as many lines (paragraphs) as allowed, the most boxes to
lay out; `prose` writes paragraphs of about 600 characters. Each export runs in a fresh process,
timed for wall and CPU time, with its peak memory (ru_maxrss) and, in brackets, the same
process's memory before it exported; the same child asks again to show the cached cost.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUBJECT = "GBR"
WORDS = ["defender", "detained", "surveillance", "reprisal", "journalist", "council",
         "resolution", "mandate", "allegation", "reply", "protection", "women", "government"]


def text_of(length: int, shape: str) -> str:
    """Text of exactly `length` characters: paragraphs of words, or as many lines as allowed."""
    if shape == "lines":
        from tracker.briefs import MAX_LINES

        width = -(-length // MAX_LINES)  # each line ends with its newline but the last
        text = "\n".join("é" * (width - 1) for _ in range(MAX_LINES))
        return text[:length].ljust(length, "é")
    line_length = 600
    paragraphs, line, size, i = [], [], 0, 0
    while size < length:
        word = ("é" if i % 7 == 0 else "") + WORDS[i % len(WORDS)]
        i += 1
        line.append(word)
        size += len(word) + 1
        if sum(len(w) + 1 for w in line) >= line_length:
            paragraphs.append(" ".join(line))
            line = []
    paragraphs.append(" ".join(line))
    return "\n".join(p for p in paragraphs if p)[:length].ljust(length, ".")


PASSWORD = "bench passphrase, long enough"  # noqa: S105 - a throwaway account in a temp dir


def signed_in(app, username: str, role: str):
    """A client signed in through the real forms; an editor enrols an authenticator."""
    import pyotp

    from tracker import accounts
    from tracker.db import session_scope

    secret = None
    with app.app_context(), session_scope() as s:
        user = accounts.get_user(s, username) or accounts.add_user(s, username, PASSWORD, role)
        if role != "viewer" and not user.totp_secret:
            secret = accounts.new_totp_secret()
            accounts.enrol_totp(s, user, secret, pyotp.TOTP(secret).at(time.time() - 30),
                                app.config["SECRET_KEY"])
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": PASSWORD})
    if secret:
        response = client.post("/login/code", data={"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302, "could not sign in"
    return client


def build(letters: int, shape: str) -> str:
    """Load the samples and `letters` synthetic letters; post the largest brief; its URL."""
    from sqlmodel import Session

    from scrapers.records import CommunicationRecord, ReplyRecord
    from tracker import create_app
    from tracker.briefs import FIELD_LIMITS
    from tracker.db import get_engine, init_db
    from tracker.importers import import_files, sample_files
    from tracker.ingest import Tally, store_communications

    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        init_db()
        engine = get_engine()
        if app.config["SAMPLES_DIR"]:
            import_files(sample_files(Path(app.config["SAMPLES_DIR"])),
                         lambda: Session(engine, expire_on_commit=False), Tally())
        with Session(engine) as session:
            store_communications(session, [CommunicationRecord(
                type="JUA", addressee_code=SUBJECT, number=1000 + n, year=2000 + n % 26,
                date=None, addressee_name="United Kingdom of Great Britain and Northern "
                                           "Ireland",
                summary=text_of(2000, "prose"), location="bench",
                letter_url=f"https://spcommreports.ohchr.org/TMResultsBase/"
                           f"DownLoadPublicCommunicationFile?gId={n}",
                replies=[ReplyRecord(None, f"https://example.org/reply/{n}")] if n % 3 else [])
                for n in range(letters)], Tally())
            session.commit()
        engine.dispose()
    client = signed_in(app, "bench-editor", "editor")
    signed_in(app, "bench-reader", "viewer")  # the account the export processes use
    url = client.post("/briefs/", data={"title": "T" * FIELD_LIMITS["title"],
                                        "subject": f"state|{SUBJECT}"}).location
    fields = {k: text_of(FIELD_LIMITS[k], shape) for k in ("context", "talking_points",
                                                             "asks", "note")}
    response = client.post(url, data=fields)
    assert response.status_code == 302, (response.status_code, "the form refused the brief")
    return url


def child(url: str, fmt: str) -> None:
    """In a fresh process: export once (rendered), then again (from the cache)."""
    from tracker import create_app

    client = signed_in(create_app({"TESTING": True, "WTF_CSRF_ENABLED": False}),
                       "bench-reader", "viewer")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    timings = []
    for _ in range(2):
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.get(f"{url}.{fmt}")
        assert response.status_code == 200, response.status_code
        timings.append((time.perf_counter() - t0, time.process_time() - c0))
    # Linux reports ru_maxrss in KiB: the peak of this process, app and import included.
    print(json.dumps({"timings": timings, "bytes": len(response.data),
                      "rss_before_kib": before,
                      "rss_peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--shape", choices=("prose", "lines"), default="prose")
    parser.add_argument("--child", nargs=2, metavar=("URL", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(*args.child)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TRACKER_INSTANCE_PATH"] = tmp
        t0 = time.perf_counter()
        url = build(args.letters, args.shape)
        print(f"brief {url}: {args.letters:,} letters to {SUBJECT} (200 listed), every field "
              f"at its limit, shape {args.shape}; built in {time.perf_counter() - t0:.0f} s")
        print(f"{'format':6} {'wall':>8} {'cpu':>8} {'peak rss':>10} {'(idle)':>8} {'size':>9} "
              f"{'cached':>8}")
        for fmt in ("pdf", "docx"):
            out = subprocess.run([sys.executable, __file__, "--child", url, fmt], check=True,
                                 capture_output=True, text=True, env=os.environ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            (wall, cpu), (cached, _) = result["timings"]
            print(f"{fmt:6} {wall:7.1f}s {cpu:7.1f}s {result['rss_peak_kib'] / 1024:8.0f}MB "
                  f"{result['rss_before_kib'] / 1024:6.0f}MB {result['bytes'] / 1024:7.0f}KB "
                  f"{cached * 1000:6.0f}ms")


if __name__ == "__main__":
    main()
