"""The case key: it encrypts defenders' names, contact details and case notes.

It is kept outside the database (the setting CASE_KEY, or the file instance/case.key), so a
copied database, a database dump or a stolen backup of the database alone shows pseudonyms
and codes but no one's name. Several keys, comma-separated, rotate: the first encrypts and
every one decrypts (cryptography's MultiFernet).
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

KEY_FILE = "case.key"


class CaseKeyError(RuntimeError):
    """The case key is missing, malformed, or does not open a stored value."""


def key_file(instance_path: str | Path) -> Path:
    return Path(instance_path) / KEY_FILE


def create_key_file(instance_path: str | Path) -> Path | None:
    """Write a new random key to instance/case.key unless one is there; the path if written."""
    path = key_file(instance_path)
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created readable by its owner only, in one step: never world-readable, even briefly.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(Fernet.generate_key().decode() + "\n")
    return path


def parse_keys(text: str, where: str) -> MultiFernet:
    keys = [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]
    if not keys:
        raise CaseKeyError(f"{where}: no key in it")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError:
        raise CaseKeyError(f"{where}: not a Fernet key (32 bytes, url-safe base64, as "
                           "`tracker init-db` writes)") from None


def load_keys(config_value: str | None, instance_path: str | Path) -> MultiFernet:
    """The configured key(s): the setting if set, else instance/case.key."""
    if config_value:
        return parse_keys(str(config_value), "the setting CASE_KEY")
    path = key_file(instance_path)
    try:
        return parse_keys(path.read_text(encoding="ascii"), str(path))
    except FileNotFoundError:
        raise CaseKeyError(f"no case key: {path} does not exist and CASE_KEY is not set. "
                           "Run `tracker init-db` to create one, or restore yours") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseKeyError(f"{path}: cannot read the case key ({exc})") from None


def current_keys() -> MultiFernet:
    """The running app's case key(s)."""
    from flask import current_app

    return load_keys(current_app.config.get("CASE_KEY"), current_app.instance_path)


def encrypt(keys: MultiFernet, text: str | None) -> str | None:
    if not text:
        return None
    return keys.encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(keys: MultiFernet, token: str | None) -> str | None:
    if not token:
        return None
    try:
        return keys.decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken:
        raise CaseKeyError("a stored name or note does not open with this case key: the "
                           "key was changed or lost (restore the old one, or add it after "
                           "the new one in CASE_KEY)") from None
