"""The one HTTP session every scraper uses.

It identifies itself, times out, retries connection errors, 429 and 5xx with exponential
backoff (urllib3's Retry, which honours Retry-After), waits a minimum interval between
requests to one host, obeys robots.txt, keeps TLS verification on, and keeps every
response it reads in a cache keyed by URL. A re-run therefore re-parses without
fetching, and a killed run resumes where it stopped. Offline mode reads only from a
folder of saved responses, laid out like the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from scrapers import OfflineMiss, RobotsDisallowed, SourceBlocked

DEFAULT_USER_AGENT = ("GenevaTracker/0.1 (+https://github.com/geneva-tracker/geneva-tracker; "
                      "human-rights research)")
# OHCHR asks nothing explicit; 3 s keeps us far below a person clicking through the site.
HOST_MIN_INTERVAL = {"spcommreports.ohchr.org": 3.0, "www.ohchr.org": 3.0}


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
    """Polite GETs with cache, throttle, retries and robots.txt."""

    def __init__(self, *, user_agent: str = DEFAULT_USER_AGENT, cache_dir: Path | None = None,
                 offline_dir: Path | None = None, timeout: float = 30.0,
                 min_interval: float = 1.0, host_intervals: dict | None = None,
                 retries: int = 4, backoff: float = 1.0, sleep=time.sleep, clock=time.monotonic,
                 respect_robots: bool = True):
        self.user_agent = user_agent
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.offline_dir = Path(offline_dir) if offline_dir else None
        self.timeout = timeout
        self.min_interval = min_interval
        self.host_intervals = {**HOST_MIN_INTERVAL, **(host_intervals or {})}
        self.respect_robots = respect_robots
        self._sleep, self._clock = sleep, clock
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser] = {}
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self.session.verify = True
        retry = Retry(total=retries, connect=retries, read=retries, status=retries,
                      backoff_factor=backoff, status_forcelist=(429, 500, 502, 503, 504),
                      allowed_methods=frozenset({"GET", "HEAD"}),
                      respect_retry_after_header=True, raise_on_status=False)
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.requests_made = 0

    def get(self, url: str, *, refresh: bool = False, max_age: float | None = None) -> Page:
        """Return the page at url: from offline files, the cache, or the network.

        A cached copy older than max_age seconds is fetched again; None means any age.
        """
        if self.offline_dir is not None:
            page = load_response(self.offline_dir, url)
            if page is None:
                raise OfflineMiss(f"no saved response for this URL in {self.offline_dir}",
                                  location=url)
            return self._checked(page)
        if self.cache_dir is not None and not refresh:
            page = load_response(self.cache_dir, url)
            fresh = page is not None and (
                max_age is None
                or (datetime.now(UTC) - page.fetched_at).total_seconds() <= max_age)
            if fresh:
                return self._checked(page)
        if self.respect_robots and not self._allowed(url):
            raise RobotsDisallowed("robots.txt forbids this URL for our user agent", location=url)
        response = self._request(url)
        page = Page(url=url, status=response.status_code, content=response.content,
                    content_type=response.headers.get("Content-Type", ""),
                    fetched_at=datetime.now(UTC), from_cache=False)
        page = self._checked(page)
        if self.cache_dir is not None:
            save_response(self.cache_dir, url, page.status, page.content, page.content_type,
                          page.fetched_at)
        return page

    def _checked(self, page: Page) -> Page:
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
        return page

    def _request(self, url: str) -> requests.Response:
        self._throttle(url)
        try:
            response = self.session.get(url, timeout=self.timeout)
        except requests.RequestException as exc:
            raise SourceBlocked(f"could not fetch ({exc.__class__.__name__}: {exc})",
                                location=url) from None
        finally:
            self._last[urlsplit(url).netloc] = self._clock()
            self.requests_made += 1
        return response

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
                response = self._request(root + "/robots.txt")
            except SourceBlocked:
                response = None
            if response is None or response.status_code >= 500:
                parser.parse([])  # unreachable robots.txt: no rules known, allow
            elif response.status_code in (401, 403):
                parser.disallow_all = True
            elif response.status_code >= 400:
                parser.allow_all = True
            else:
                parser.parse(response.text.splitlines())
            self._robots[root] = parser
        return parser.can_fetch(self.user_agent, url)
