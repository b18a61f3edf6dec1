"""The one HTTP session every scraper uses.

It identifies itself, times out, retries connection errors, 429 and 5xx with exponential
backoff (honouring Retry-After), waits a minimum interval between requests to one host,
obeys robots.txt, keeps TLS verification on, and keeps every response it reads in a cache
keyed by URL. A re-run therefore re-parses without fetching, and a killed run resumes
where it stopped. Offline mode reads only from a folder of saved responses, laid out like
the cache.

Servers are not trusted. Redirects are followed by hand, one hop at a time, and each hop
must stay on the requested host (or a UN host the scrapers read), pass robots.txt and
wait out the throttle. Bodies are streamed and refused past a size cap, a whole request
(retries, redirects, connect, every read) has a wall-clock deadline, and a response must
be of the type the caller expects. Each refusal is a named ScraperError, and nothing
partial reaches the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import requests
import urllib3

from scrapers import (
    DeadlineExceeded,
    OfflineMiss,
    RedirectRefused,
    ResponseTooLarge,
    RobotsDisallowed,
    ScraperError,
    SourceBlocked,
    UnexpectedContentType,
)

DEFAULT_USER_AGENT = ("GenevaTracker/0.1 (+https://github.com/geneva-tracker/geneva-tracker; "
                      "human-rights research)")
# OHCHR asks nothing explicit; 3 s keeps us far below a person clicking through the site.
HOST_MIN_INTERVAL = {"spcommreports.ohchr.org": 3.0, "www.ohchr.org": 3.0}
# The UN hosts the scrapers read. A redirect may move between them (undocs.org sends a
# symbol on to documents.un.org, ohchr.org to www.ohchr.org); any other host is refused.
UN_HOSTS = frozenset({*HOST_MIN_INTERVAL, "ohchr.org", "digitallibrary.un.org",
                      "documents.un.org", "docs.un.org", "undocs.org", "daccess-ods.un.org",
                      "documents-dds-ny.un.org"})
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_BACKOFF_SECONDS = 120.0
# Small reads, so a dripping server meets the deadline check often and a compressed body
# is never inflated far past the cap in one step.
READ_BYTES = 64 * 1024
# What each `expect=` kind accepts, by media type (parameters such as charset ignored).
CONTENT_TYPES = {
    "html": ("text/html", "application/xhtml+xml"),
    "xml": ("application/xml", "text/xml"),
    "pdf": ("application/pdf", "application/x-pdf"),
    "json": ("application/json",),
    "csv": ("text/csv", "application/csv"),
    "text": ("text/plain",),
    # A file sent as a generic download: the caller checks what it is (scrapers.letters).
    "download": ("application/octet-stream", "binary/octet-stream",
                 "application/force-download", "application/x-download"),
}


@dataclass(frozen=True)
class Page:
    """A response as the parsers need it."""

    url: str
    status: int
    content: bytes
    content_type: str
    fetched_at: datetime
    from_cache: bool

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def content_type_matches(content_type: str, kinds: tuple[str, ...]) -> bool:
    """True when a Content-Type header is one of the kinds (see CONTENT_TYPES)."""
    mime = content_type.split(";", 1)[0].strip().lower()
    for kind in kinds:
        if mime in CONTENT_TYPES[kind]:
            return True
        # application/marcxml+xml, application/ld+json and the like
        if kind in ("xml", "json") and mime.startswith("application/") \
                and mime.endswith("+" + kind):
            return True
    return False


def _kinds(expect: str | tuple[str, ...]) -> tuple[str, ...]:
    kinds = (expect,) if isinstance(expect, str) else tuple(expect)
    unknown = [k for k in kinds if k not in CONTENT_TYPES]
    if not kinds or unknown:
        raise ValueError(f"expect must name kinds among {', '.join(CONTENT_TYPES)}: {expect!r}")
    return kinds


def _site(url: str) -> tuple[str | None, int | None]:
    """Host and port of a URL, the scheme's default port as None (http -> https is one site)."""
    parts = urlsplit(url)
    port = parts.port
    return parts.hostname, None if port in (None, {"http": 80, "https": 443}.get(parts.scheme)) \
        else port


def _retry_after(response: requests.Response, now: datetime) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), or None."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def cache_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def cache_paths(folder: Path, url: str) -> tuple[Path, Path]:
    host = urlsplit(url).hostname or "local"
    base = Path(folder) / host / cache_key(url)
    return base.with_suffix(".body"), base.with_suffix(".json")


def save_response(folder: Path, url: str, status: int, content: bytes, content_type: str,
                  fetched_at: datetime | None = None) -> None:
    """Write a response into a cache-shaped folder, atomically (a kill leaves no half file)."""
    body, meta = cache_paths(folder, url)
    body.parent.mkdir(parents=True, exist_ok=True)
    info = {"url": url, "status": status, "content_type": content_type,
            "fetched_at": (fetched_at or datetime.now(UTC)).isoformat()}
    for path, data in ((body, content), (meta, json.dumps(info).encode())):
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)


def load_response(folder: Path, url: str) -> Page | None:
    body, meta = cache_paths(folder, url)
    if not (body.exists() and meta.exists()):
        return None
    info = json.loads(meta.read_text())
    return Page(url=url, status=info["status"], content=body.read_bytes(),
                content_type=info.get("content_type", ""),
                fetched_at=datetime.fromisoformat(info["fetched_at"]), from_cache=True)


class HttpClient:
    """Polite, guarded GETs with cache, throttle, retries and robots.txt."""

    def __init__(self, *, user_agent: str = DEFAULT_USER_AGENT, cache_dir: Path | None = None,
                 offline_dir: Path | None = None, timeout: float = 30.0,
                 deadline: float = 300.0, max_bytes: int = 20_000_000,
                 max_redirects: int = MAX_REDIRECTS, redirect_hosts=UN_HOSTS,
                 min_interval: float = 1.0, host_intervals: dict | None = None,
                 retries: int = 4, backoff: float = 1.0, sleep=None, clock=None,
                 respect_robots: bool = True):
        self.user_agent = user_agent
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.offline_dir = Path(offline_dir) if offline_dir else None
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.redirect_hosts = frozenset(redirect_hosts)
        self.min_interval = min_interval
        self.host_intervals = {**HOST_MIN_INTERVAL, **(host_intervals or {})}
        self.retries = retries
        self.backoff = backoff
        self.respect_robots = respect_robots
        # Looked up here rather than as defaults, so a test that patches time.sleep is obeyed.
        self._sleep = sleep or time.sleep
        self._clock = clock or time.monotonic
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser] = {}
        # requests' default adapters retry nothing: retries happen in _fetch, where the
        # deadline and the size cap also cover them (urllib3's own retries read a retried
        # error body whole, however large, and sleep whatever Retry-After says).
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self.session.verify = True
        self.requests_made = 0

    def get(self, url: str, *, expect: str | tuple[str, ...], refresh: bool = False,
            max_age: float | None = None) -> Page:
        """Return the page at url: from offline files, the cache, or the network.

        expect names the kinds of document the caller can parse ("html", "xml", "pdf",
        "json", "csv", "text", or a tuple of them); any other type is refused. A cached
        copy older than max_age seconds is fetched again; None means any age.
        """
        kinds = _kinds(expect)
        if self.offline_dir is not None:
            page = load_response(self.offline_dir, url)
            if page is None:
                raise OfflineMiss(f"no saved response for this URL in {self.offline_dir}",
                                  location=url)
            return self._checked(page, kinds)
        if self.cache_dir is not None and not refresh:
            page = load_response(self.cache_dir, url)
            fresh = page is not None and (
                max_age is None
                or (datetime.now(UTC) - page.fetched_at).total_seconds() <= max_age)
            # A copy of another type (cached before types were checked) is fetched again.
            if fresh and content_type_matches(page.content_type, kinds):
                return self._checked(page, kinds)
        if self.respect_robots and not self._allowed(url):
            raise RobotsDisallowed("robots.txt forbids this URL for our user agent", location=url)
        status, content, content_type = self._fetch(url, kinds)
        page = Page(url=url, status=status, content=content, content_type=content_type,
                    fetched_at=datetime.now(UTC), from_cache=False)
        page = self._checked(page, kinds)
        if self.cache_dir is not None:
            save_response(self.cache_dir, url, page.status, page.content, page.content_type,
                          page.fetched_at)
        return page

    def _checked(self, page: Page, kinds: tuple[str, ...]) -> Page:
        """Refuse what is not a real answer, so nothing downstream stores it as empty."""
        if page.status == 202 and not page.content.strip():
            raise SourceBlocked(
                "the site answered 202 with an empty body, as it does to automated clients. "
                "Open the URL in a browser, save the result, and run `tracker import FILE`.",
                location=page.url)
        if page.status in (401, 403):
            raise SourceBlocked(
                f"the site refused us (HTTP {page.status}, likely a bot challenge). "
                "Open the URL in a browser, save the page, and run `tracker import FILE`.",
                location=page.url)
        if page.status >= 400:
            raise SourceBlocked(f"HTTP {page.status} after retries", location=page.url)
        if not content_type_matches(page.content_type, kinds):
            raise self._wrong_type(page.url, page.content_type, kinds)
        return page

    @staticmethod
    def _wrong_type(url: str, content_type: str, kinds: tuple[str, ...]) -> ScraperError:
        return UnexpectedContentType(
            f"expected {' or '.join(kinds)}, but the server sent "
            f"{content_type or 'no Content-Type'!r}; refused, nothing stored", location=url)

    def _fetch(self, url: str, kinds: tuple[str, ...], *, check_robots: bool = True):
        """GET url within the deadline, following redirects one checked hop at a time.

        Returns (status, body, content type) of the last hop. kinds=() accepts any type.
        """
        deadline = self._clock() + self.deadline
        current, hops, failures = url, 0, 0
        while True:
            try:
                response = self._send(current, url, deadline)
            except requests.RequestException as exc:
                failures += 1
                if failures > self.retries:
                    raise SourceBlocked(f"could not fetch ({exc.__class__.__name__}: {exc})",
                                        location=url) from None
                self._wait(self._backoff(failures), url, deadline)
                continue
            status = response.status_code
            if status in REDIRECT_STATUSES and response.headers.get("Location"):
                response.close()  # unread: a redirect's body is never wanted
                hops += 1
                current = self._redirect_target(url, current, response.headers["Location"],
                                                hops, check_robots)
                continue
            if status in RETRY_STATUSES and failures < self.retries:
                failures += 1
                response.close()
                wait = _retry_after(response, datetime.now(UTC))
                self._wait(self._backoff(failures) if wait is None else wait, url, deadline)
                continue
            content_type = response.headers.get("Content-Type", "")
            if status == 200 and kinds and not content_type_matches(content_type, kinds):
                response.close()  # refused before a byte of the body is read
                raise self._wrong_type(url, content_type, kinds)
            return status, self._read_body(response, url, deadline), content_type

    def _send(self, current: str, url: str, deadline: float) -> requests.Response:
        self._remaining(url, deadline)
        self._throttle(current)
        # No single connect or read may outlast the deadline either.
        wait = min(self.timeout, self._remaining(url, deadline))
        try:
            return self.session.get(current, stream=True, allow_redirects=False,
                                    timeout=(wait, wait))
        finally:
            self._last[urlsplit(current).netloc] = self._clock()
            self.requests_made += 1

    def _read_body(self, response: requests.Response, url: str, deadline: float) -> bytes:
        """Read the body in small steps, refusing it past the size cap or the deadline."""
        try:
            announced = response.headers.get("Content-Length", "").strip()
            if announced.isdigit() and int(announced) > self.max_bytes:
                raise self._too_large(url, f"the server announced {int(announced)} bytes, over")
            body = bytearray()
            while True:
                self._set_read_timeout(response, min(self.timeout,
                                                     self._remaining(url, deadline)))
                chunk = response.raw.read1(READ_BYTES, decode_content=True)
                if not chunk:
                    return bytes(body)
                body += chunk
                if len(body) > self.max_bytes:
                    raise self._too_large(url, "the body grew past")
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            if self._clock() >= deadline:
                raise self._late(url) from None
            raise SourceBlocked(f"the connection broke while reading ({exc.__class__.__name__})",
                                location=url) from None
        finally:
            response.close()

    @staticmethod
    def _set_read_timeout(response: requests.Response, seconds: float) -> None:
        # The socket's timeout bounds each read, so a silent server is cut at the deadline.
        sock = getattr(getattr(response.raw, "connection", None), "sock", None)
        if sock is not None:
            sock.settimeout(max(seconds, 0.001))

    def _too_large(self, url: str, what: str) -> ScraperError:
        return ResponseTooLarge(f"{what} the limit of {self.max_bytes} bytes "
                                "(MAX_RESPONSE_BYTES); refused, nothing stored", location=url)

    def _late(self, url: str) -> ScraperError:
        return DeadlineExceeded(f"not finished within {self.deadline:g} s "
                                "(HTTP_DEADLINE_SECONDS); nothing stored, a re-run tries again",
                                location=url)

    def _remaining(self, url: str, deadline: float) -> float:
        left = deadline - self._clock()
        if left <= 0:
            raise self._late(url)
        return left

    def _wait(self, seconds: float, url: str, deadline: float) -> None:
        if self._clock() + seconds >= deadline:
            raise DeadlineExceeded(
                f"a retry would wait {seconds:g} s, past the {self.deadline:g} s deadline "
                "(HTTP_DEADLINE_SECONDS); nothing stored, a re-run tries again", location=url)
        self._sleep(seconds)

    def _backoff(self, failures: int) -> float:
        return min(self.backoff * 2 ** (failures - 1), MAX_BACKOFF_SECONDS)

    def _redirect_target(self, url: str, current: str, location: str, hops: int,
                         check_robots: bool) -> str:
        """The URL a redirect points to, once it passes every check a first request does."""
        target = urljoin(current, location)
        if hops > self.max_redirects:
            raise RedirectRefused(f"more than {self.max_redirects} redirects (the last to "
                                  f"{target}); refused", location=url)
        scheme, before = urlsplit(target).scheme, urlsplit(current).scheme
        if scheme not in ("http", "https"):
            raise RedirectRefused(f"redirect to {target}: only http and https are followed",
                                  location=url)
        if before == "https" and scheme == "http":
            raise RedirectRefused(f"redirect from https down to http ({target}) refused",
                                  location=url)
        try:
            same_site = _site(target) == _site(url)
        except ValueError:  # a malformed port
            same_site = False
        if not same_site and urlsplit(target).hostname not in self.redirect_hosts:
            raise RedirectRefused(
                f"redirect to another host ({target}) refused; only "
                f"{urlsplit(url).netloc} and the UN hosts the scrapers read are followed",
                location=url)
        if check_robots and self.respect_robots and not self._allowed(target):
            raise RobotsDisallowed(f"redirected to {target}, which robots.txt forbids for our "
                                   "user agent", location=url)
        return target

    def _throttle(self, url: str) -> None:
        host = urlsplit(url).netloc
        interval = self.host_intervals.get(urlsplit(url).hostname or "", self.min_interval)
        last = self._last.get(host)
        if last is not None:
            wait = interval - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(root)
        if parser is None:
            parser = RobotFileParser(root + "/robots.txt")
            try:
                status, content, _ = self._fetch(root + "/robots.txt", (), check_robots=False)
            except ScraperError:  # unreachable, too large, too slow, redirected away
                status, content = None, b""
            if status is None or status >= 500:
                parser.parse([])  # unreachable robots.txt: no rules known, allow
            elif status in (401, 403):
                parser.disallow_all = True
            elif status >= 400:
                parser.allow_all = True
            else:
                parser.parse(content.decode("utf-8", errors="replace").splitlines())
            self._robots[root] = parser
        return parser.can_fetch(self.user_agent, url)
