"""The documented list of settings and their defaults.

Every setting can be set in ``instance/config.py`` or as ``TRACKER_<NAME>`` in the
environment (values are parsed as JSON where they parse, so ``TRACKER_DEBUG=true`` is a
boolean). A test checks that each one is documented in the README.
"""

from dataclasses import dataclass

DEV_SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - refused outside testing


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = [
    Setting("SECRET_KEY", DEV_SECRET_KEY,
            "Signs sessions: 32 random bytes or more (64 hex characters, as "
            "secrets.token_hex(32) gives). The default and weak values are refused unless "
            "TESTING is on; DEBUG does not exempt."),
    Setting("BASE_URL", None,
            "The site's public address, e.g. https://tracker.example.org. Every absolute link "
            "(feeds, JSON, briefs) is built on it, never on the request's Host header; its "
            "host is trusted. Empty means the request's host, once checked against "
            "TRUSTED_HOSTS."),
    Setting("TRUSTED_HOSTS", ["127.0.0.1", "localhost"],
            "Host header values the app answers; any other gets 400. A leading dot admits "
            "subdomains. Empty admits any host (only behind a proxy that checks it)."),
    Setting("SESSION_COOKIE_SECURE", None,
            "Send the session cookie over HTTPS only. Empty means yes, unless BASE_URL is "
            "http:// or the app only answers on this computer (TRUSTED_HOSTS all loopback)."),
    Setting("SESSION_COOKIE_SAMESITE", "Lax",
            "The session cookie's SameSite attribute; it is always HttpOnly."),
    Setting("PERMANENT_SESSION_LIFETIME", 12 * 3600,
            "Seconds a session stays valid after it was last written (12 hours)."),
    Setting("DATABASE_URL", None,
            "SQLAlchemy URL. Empty means SQLite at instance/tracker.sqlite (WAL, foreign keys on); "
            "PostgreSQL as postgresql+psycopg://user@host/db."),
    Setting("SEARCH_INDEX_DIR", None, "Whoosh index folder. Empty means instance/index."),
    Setting("CACHE_DIR", None, "Raw HTTP response cache for scrapers. Empty means instance/cache."),
    Setting("SAMPLES_DIR", None,
            "Folder of sample data loaded by `tracker load-samples`. Empty means ../shared/samples "
            "beside the checkout, when present."),
    Setting("USER_AGENT",
            "GenevaTracker/0.1 (+https://github.com/geneva-tracker/geneva-tracker; "
            "human-rights research)",
            "User agent sent to UN sites; it names the tool and a contact URL."),
    Setting("MIN_INTERVAL_SECONDS", 3.0,
            "Minimum seconds between two requests to the same host."),
    Setting("HTTP_TIMEOUT_SECONDS", 30.0, "Connect and read timeout for each request."),
    Setting("PAGE_SIZE", 50, "Rows per page in lists."),
    Setting("COMMUNICATIONS_URL",
            "https://spcommreports.ohchr.org/LatestReports/CommunicationSent",
            "The Special Procedures listing the communications scraper walks (?page=N)."),
]

DEFAULTS = {s.name: s.default for s in SETTINGS}
