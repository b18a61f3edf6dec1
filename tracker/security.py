"""Web hardening in one place: the secret key check, the session cookie, trusted hosts and
the canonical base URL, and the headers every response carries.

`init_app` runs first in create_app, so its request hook runs before any other.
"""

import re
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request
from flask.globals import request_ctx
from werkzeug.exceptions import SecurityError

from scrapers.text import http_url
from tracker import ConfigError
from tracker.config import DEV_SECRET_KEY

# Only our own files may run, style or be fetched: text that escaped escaping still cannot
# run, no page can be framed (clickjacking), and no form can post to another site.
CSP = "; ".join(["default-src 'self'", "object-src 'none'", "base-uri 'none'",
                 "form-action 'self'", "frame-ancestors 'none'"])
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",  # for browsers that ignore frame-ancestors
    "X-Content-Type-Options": "nosniff",  # an export is never sniffed into HTML
    "Referrer-Policy": "same-origin",  # a search (who is being looked up) stays on the site
}
LOOPBACK = {"localhost", "127.0.0.1", "::1", "[::1]"}
PLACEHOLDERS = ("secret", "password", "changeme", "change-me", "example", "dev-only")
HOW_TO_MAKE_A_KEY = "python3 -c 'import secrets; print(secrets.token_hex(32))'"


def secret_key_problem(key) -> str | None:
    """Say why key cannot sign sessions safely, or None when it is long and random enough."""
    if not key:
        return "is not set"
    if key == DEV_SECRET_KEY:
        return "is the public development value"
    text = key.decode("latin-1") if isinstance(key, bytes) else str(key)
    size = len(key) if isinstance(key, bytes) else len(text.encode("utf-8"))
    if size < 32 or (re.fullmatch(r"[0-9a-fA-F]+", text) and len(text) < 64):
        return "is too short: it needs 32 random bytes (64 hex characters)"
    if len(set(text)) < 10 or text in (text + text)[1:-1]:  # few symbols, or one repeated run
        return "repeats itself, so it is not random"
    if any(word in text.lower() for word in PLACEHOLDERS):
        return "looks like a placeholder"
    return None


def check_secret_key(app: Flask) -> None:
    """Refuse to start with a guessable key (anyone could forge a session); tests are exempt."""
    if app.testing:
        return
    problem = secret_key_problem(app.config.get("SECRET_KEY"))
    if problem:
        raise ConfigError(
            f"SECRET_KEY {problem}. Set TRACKER_SECRET_KEY, or SECRET_KEY in "
            f"{app.instance_path}/config.py, to the output of {HOW_TO_MAKE_A_KEY} "
            "(make run writes one for you).")


def trusted_hosts(config) -> list[str] | None:
    """The Host values the app answers: TRUSTED_HOSTS plus BASE_URL's host; None for any."""
    hosts = config.get("TRUSTED_HOSTS")
    if isinstance(hosts, str):  # TRACKER_TRUSTED_HOSTS=a.org,b.org
        hosts = [h.strip() for h in hosts.split(",")]
    hosts = [h for h in hosts or [] if h]
    if not hosts:
        return None
    if config.get("BASE_URL"):
        hosts.append(urlsplit(config["BASE_URL"]).hostname)
    return hosts


def cookie_secure(config) -> bool:
    """Secure unless set, or unless the tracker only answers over http on this computer,
    where some browsers would drop a Secure cookie (and with it the forms' CSRF token)."""
    if config.get("SESSION_COOKIE_SECURE") is not None:
        return bool(config["SESSION_COOKIE_SECURE"])
    if config.get("BASE_URL"):
        return urlsplit(config["BASE_URL"]).scheme == "https"
    if config.get("PREFERRED_URL_SCHEME") == "https":
        return True
    hosts = trusted_hosts(config)
    return hosts is None or not set(hosts) <= LOOPBACK


def site_root() -> str:
    """Where the site's absolute links start: BASE_URL, else the (trusted) request host."""
    return (current_app.config.get("BASE_URL") or request.url_root).rstrip("/") + "/"


def guard_request():
    """Refuse an untrusted Host; build every URL on BASE_URL, whatever Host says."""
    if isinstance(request.routing_exception, SecurityError):
        # Answered here, before any template: the error page cannot build links without a host.
        return Response("Unknown host.\n", status=400, mimetype="text/plain")
    base = current_app.config.get("BASE_URL")
    adapter = request_ctx.url_adapter
    if base and adapter is not None:
        # The adapter already matched the route; from here on it only builds URLs.
        parts = urlsplit(base)
        adapter.url_scheme, adapter.server_name = parts.scheme, parts.netloc
        adapter.script_name = parts.path.rstrip("/") + "/"
    return None


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    check_secret_key(app)
    cfg = app.config
    if cfg.get("BASE_URL"):
        if http_url(cfg["BASE_URL"]) is None:
            raise ConfigError(f"BASE_URL must be an http(s) URL such as "
                              f"https://tracker.example.org, not {cfg['BASE_URL']!r}.")
        cfg["BASE_URL"] = cfg["BASE_URL"].rstrip("/")
    cfg["SESSION_COOKIE_SECURE"] = cookie_secure(cfg)
    cfg["TRUSTED_HOSTS"] = trusted_hosts(cfg)
    if cfg.get("PROXY_HOPS"):
        # Behind a reverse proxy the address the audit log and the rate limits see must be
        # the visitor's, read from X-Forwarded-For as set by exactly that many proxies.
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = int(cfg["PROXY_HOPS"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    app.before_request(guard_request)
    app.after_request(add_headers)
