"""Web hardening in one place: the secret key check and the headers every response carries.

`init_app` runs first in create_app.
"""

import re

from flask import Flask, Response

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


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    check_secret_key(app)
    app.after_request(add_headers)
