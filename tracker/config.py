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
    Setting("SEARCH_FOLLOW_SECONDS", 1.0,
            "How often each web process applies the search change log (what any node wrote) "
            "to its node's index, in seconds. 0 stops it: then only commands run on this "
            "node update its index."),
    Setting("SEARCH_CHANGES_KEEP_DAYS", 30,
            "Days the search change log keeps its entries. A node off for longer rebuilds "
            "its index from the database when it starts."),
    Setting("CACHE_DIR", None, "Raw HTTP response cache for scrapers. Empty means instance/cache."),
    Setting("EXPORTS_DIR", None,
            "Brief PDF and DOCX files, rendered once per version, language and data. Empty "
            "means instance/exports; safe to empty at any time."),
    Setting("SAMPLES_DIR", None,
            "Folder of sample data loaded by `tracker load-samples`. Empty means ../shared/samples "
            "beside the checkout, when present; without samples, the command loads the "
            "snapshot in tracker/data/snapshot."),
    Setting("MAX_IMPORT_BYTES", 50_000_000,
            "Largest file `tracker import` reads; a bigger one is refused before reading "
            "(a file takes about 2.5 times its size in memory while parsed)."),
    Setting("USER_AGENT",
            "GenevaTracker/0.1 (+https://github.com/geneva-tracker/geneva-tracker; "
            "human-rights research)",
            "User agent sent to UN sites; it names the tool and a contact URL."),
    Setting("MIN_INTERVAL_SECONDS", 3.0,
            "Minimum seconds between two requests to the same host."),
    Setting("HTTP_TIMEOUT_SECONDS", 30.0, "Connect and read timeout for each request."),
    Setting("HTTP_DEADLINE_SECONDS", 300.0,
            "Wall-clock limit on one fetch: retries, redirects, connect and every read. "
            "A server that drips bytes is cut off here; 300 s fetches 20 MB at 1 Mbit/s."),
    Setting("MAX_RESPONSE_BYTES", 20_000_000,
            "Largest response body a scraper accepts (after decompression); a larger one is "
            "refused and not cached."),
    Setting("PAGE_SIZE", 50, "Rows per page in lists."),
    Setting("PROXY_HOPS", 0,
            "How many reverse proxies stand in front of the app. Their X-Forwarded-For and "
            "X-Forwarded-Proto are then trusted for the visitor's address (audit log, rate "
            "limits) and scheme. 0 trusts no such header."),
    Setting("HEALTH_MAX_INDEX_LAG_SECONDS", 0,
            "/healthz answers 503 when the search index has lacked a change in the database "
            "for longer than this many seconds. 0 only reports the lag, so that a long "
            "import does not take a node out of a load balancer."),
    Setting("PUBLIC_READ", True,
            "Whether the UN's public data (search, States, resolutions, dashboards) is readable "
            "without signing in. Briefs, data quality and everything private always need an "
            "account."),
    Setting("SESSION_IDLE_MINUTES", 120,
            "A sign-in ends after this many minutes without a request."),
    Setting("LOGIN_LOCKOUT_ATTEMPTS", 5,
            "Wrong passwords or codes in a row before the account is locked."),
    Setting("LOGIN_LOCKOUT_MINUTES", 15, "How long a locked account stays locked."),
    Setting("LOGIN_RATE_LIMIT", "10 per minute;100 per day",
            "Sign-in attempts allowed from one address (Flask-Limiter syntax)."),
    Setting("EXPORT_RATE_LIMIT", "10 per minute;200 per day",
            "Brief exports (PDF, Word) allowed per person (Flask-Limiter syntax)."),
    Setting("RATE_LIMIT_STORAGE", "memory://",
            "Where rate-limit counters live: memory:// for one process, "
            "redis://127.0.0.1:6379 when several workers or servers share the limits."),
    Setting("RATE_LIMITS_ENABLED", True, "Turn rate limits off (only for tests of other things)."),
    Setting("MAX_CONTENT_LENGTH", 2 * 1024 * 1024,
            "Largest request body in bytes (forms); larger answers 413. Brief fields have "
            "their own length limits, well below it."),
    Setting("MAX_FILTER_VALUES", 50,
            "Most values one query parameter may repeat (e.g. ?state=…&state=…); more answers "
            "400."),
    Setting("MAX_QUERY_BYTES", 8192,
            "Longest query string (after the ?) in bytes; longer answers 414."),
    Setting("CODING_RULES", None,
            "The coder's rules file (TOML). Empty means tracker/data/coding/rules.toml; "
            "`tracker code-rules check` tells whether a file can be used."),
    Setting("CODING_REVIEW_BELOW", 0.8,
            "A communication whose weakest rule-made code is less sure than this (0 to 1) "
            "waits in the review screen's low-confidence queue."),
    Setting("COMMUNICATIONS_URL",
            "https://spcommreports.ohchr.org/LatestReports/CommunicationSent",
            "The Special Procedures listing the communications scraper walks (?page=N)."),
    Setting("LETTER_MAX_PAGES", 100,
            "Pages read from one letter or reply PDF; the rest are left out, with a note."),
    Setting("LETTER_MAX_CHARS", 1_000_000,
            "Characters of text kept from one letter or reply; the rest is cut, with a note."),
    Setting("LETTER_MAX_SECONDS", 60.0,
            "Seconds spent reading one letter or reply PDF before what was read is kept and "
            "the rest left out, so a file made to be slow cannot stall a run."),
    Setting("CASE_KEY", None,
            "Encrypts the case register's names, contact details and notes (a Fernet key; "
            "several, comma-separated, to rotate: the first encrypts, all decrypt). Empty "
            "means the file instance/case.key, which `tracker init-db` creates once. Keep it "
            "out of the database and back it up: without it those fields cannot be read."),
    Setting("CASE_IDENTITY_ROLE", "admin",
            "The lowest role that may read a defender's real name and contact details "
            "(editor or admin). Others see the pseudonym; each reading is in the audit log."),
    Setting("CASE_SUPPRESS_BELOW", 5,
            "The case map shows no count smaller than this (nor a figure from which one "
            "could be worked out), so no single defender can be picked out."),
    Setting("CASE_RETENTION_DAYS", 5 * 365,
            "Days after its last change that a case is kept before it is flagged for review "
            "(the retention date, which each case can change)."),
    Setting("REPLY_DEADLINE_DAYS", 60,
            "Days a State has to reply to a communication (the Special Procedures' own "
            "deadline); a case whose letter is older and unanswered is overdue."),
    Setting("SCHEDULE_LETTERS", True,
            "Whether `tracker scrape all` fetches the letters and replies not yet read."),
    Setting("SCHEDULE_UNDL_QUERIES", [],
            "Digital Library searches `tracker scrape all` runs after the communications, "
            "e.g. [\"human rights defenders\"]."),
    Setting("SCHEDULE_HRC_SESSIONS", [],
            "HRC session numbers whose adopted texts `tracker scrape all` reads, e.g. [58, 59]."),
    Setting("SCHEDULE_LOCK_SECONDS", 600,
            "How long the lock of a `tracker scrape all` run outlives its last heartbeat "
            "(sent every third of it); a run whose holder died is taken over after this."),
    Setting("MAIL_SERVER", None,
            "SMTP server that sends alerts, e.g. smtp.example.org. Empty: alerts go to "
            "their Atom feeds only."),
    Setting("MAIL_PORT", 25, "SMTP port: 25, 587 with MAIL_USE_TLS, or 465 with MAIL_USE_SSL."),
    Setting("MAIL_USE_TLS", False, "Upgrade the SMTP connection with STARTTLS."),
    Setting("MAIL_USE_SSL", False, "Connect to the SMTP server over TLS from the start (465)."),
    Setting("MAIL_USERNAME", None, "SMTP login; empty sends without logging in."),
    Setting("MAIL_PASSWORD", None, "SMTP password."),
    Setting("MAIL_FROM", None,
            "The alerts' From address, e.g. \"Geneva Tracker <alerts@example.org>\"; "
            "needed when MAIL_SERVER is set."),
]

DEFAULTS = {s.name: s.default for s in SETTINGS}
