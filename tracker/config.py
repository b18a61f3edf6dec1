"""The documented list of settings and their defaults.

Every setting can be set in ``instance/config.py`` or as ``TRACKER_<NAME>`` in the
environment (values are parsed as JSON where they parse, so ``TRACKER_DEBUG=true`` is a
boolean). A test checks that each one is documented in the README.
"""

from dataclasses import dataclass

DEV_SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - refused outside debug and testing


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = [
    Setting("SECRET_KEY", DEV_SECRET_KEY,
            "Signs sessions. The default is refused unless DEBUG or TESTING is on."),
    Setting("DATABASE_URL", None,
            "SQLAlchemy URL. Empty means SQLite at instance/tracker.sqlite (WAL, foreign keys on); "
            "PostgreSQL as postgresql+psycopg://user@host/db."),
    Setting("SEARCH_INDEX_DIR", None, "Whoosh index folder. Empty means instance/index."),
    Setting("CACHE_DIR", None, "Raw HTTP response cache for scrapers. Empty means instance/cache."),
    Setting("EXPORTS_DIR", None,
            "Brief PDF and DOCX files, rendered once per version, language and data. Empty "
            "means instance/exports; safe to empty at any time."),
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
    Setting("MAX_CONTENT_LENGTH", 2 * 1024 * 1024,
            "Largest request body in bytes (forms); larger answers 413. Brief fields have "
            "their own length limits, well below it."),
    Setting("MAX_FILTER_VALUES", 50,
            "Most values one query parameter may repeat (e.g. ?state=…&state=…); more answers "
            "400."),
    Setting("MAX_QUERY_BYTES", 8192,
            "Longest query string (after the ?) in bytes; longer answers 414."),
    Setting("COMMUNICATIONS_URL",
            "https://spcommreports.ohchr.org/LatestReports/CommunicationSent",
            "The Special Procedures listing the communications scraper walks (?page=N)."),
]

DEFAULTS = {s.name: s.default for s in SETTINGS}
