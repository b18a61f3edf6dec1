"""Web hardening in one place, starting with the secret key check.

`init_app` runs first in create_app.
"""

import re

from flask import Flask

from tracker import ConfigError
from tracker.config import DEV_SECRET_KEY

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



def init_app(app: Flask) -> None:
    check_secret_key(app)
