"""Accounts: passwords, roles, two-factor codes, lockout and signed-in sessions.

Plain functions over a database session, called by the login views, the `tracker user`
commands and the tests alike. Nothing here knows about requests.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlmodel import Session, select

from tracker.models import LoginSession, User

ROLES = ("viewer", "editor", "admin")
RANK = {"anonymous": 0, "viewer": 1, "editor": 2, "admin": 3}
TWO_FACTOR_ROLES = {"editor", "admin"}  # they change what partners and diplomats read
MIN_PASSWORD = 12
RECOVERY_CODES = 10
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verified when the username is unknown, so a wrong name costs the same time as a wrong
# password and does not tell a visitor which accounts exist.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class AccountError(ValueError):
    """A request about an account that cannot be done; the message says why."""


def now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes for timezone-aware columns.
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


# --- passwords ---------------------------------------------------------------------------


def check_password_policy(username: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"A password needs at least {MIN_PASSWORD} characters.")
    if len(password) > 1024:
        raise AccountError("A password may have at most 1,024 characters.")
    if username.lower() in password.lower():
        raise AccountError("A password must not contain the username.")
    if len(set(password)) < 5:
        raise AccountError("That password repeats too few characters.")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(hash_: str, password: str) -> bool:
    try:
        return _hasher.verify(hash_, password)
    except (VerificationError, InvalidHashError):
        return False


# --- users -------------------------------------------------------------------------------


def clean_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-@" for c in name):
        raise AccountError("A username is 1 to 64 letters, digits or . _ - @.")
    return name


def get_user(session: Session, username: str) -> User | None:
    try:
        name = clean_username(username)
    except AccountError:
        return None
    return session.exec(select(User).where(User.username == name)).first()


def require_user(session: Session, username: str) -> User:
    user = get_user(session, username)
    if user is None:
        raise AccountError(f"No user named {username!r}.")
    return user


def add_user(session: Session, username: str, password: str, role: str = "viewer") -> User:
    name = clean_username(username)
    if role not in ROLES:
        raise AccountError(f"Role must be one of {', '.join(ROLES)}.")
    if get_user(session, name) is not None:
        raise AccountError(f"A user named {name!r} already exists.")
    check_password_policy(name, password)
    user = User(username=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def set_role(session: Session, user: User, role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"Role must be one of {', '.join(ROLES)}.")
    user.role = role
    session.add(user)


def set_password(session: Session, user: User, password: str) -> None:
    check_password_policy(user.username, password)
    user.password_hash = hash_password(password)
    session.add(user)
    revoke_sessions(session, user)


def set_disabled(session: Session, user: User, disabled: bool) -> None:
    user.disabled = disabled
    session.add(user)
    if disabled:
        revoke_sessions(session, user)


def reset_two_factor(session: Session, user: User) -> None:
    """Forget the user's authenticator: they enrol again at their next sign-in."""
    user.totp_secret = None
    user.totp_last_step = None
    user.recovery_codes = "[]"
    session.add(user)
    revoke_sessions(session, user)


def needs_two_factor(user: User) -> bool:
    return user.role in TWO_FACTOR_ROLES or user.totp_secret is not None


# --- signing in --------------------------------------------------------------------------


@dataclass(frozen=True)
class Lockout:
    attempts: int = 5
    minutes: int = 15


def authenticate(session: Session, username: str, password: str,
                 lockout: Lockout = Lockout()) -> User:
    """Check a username and password; count failures and lock the account after too many.

    The same message answers a wrong name, a wrong password and a disabled account, so the
    answer does not tell a visitor which accounts exist.
    """
    user = get_user(session, username)
    if user is None:
        _verify(_DUMMY_HASH, password)
        raise AccountError("Wrong username or password.")
    check_not_locked(user)
    if not _verify(user.password_hash, password) or user.disabled:
        record_failure(session, user, lockout)
        raise AccountError("Wrong username or password.")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.add(user)
    return user


def check_not_locked(user: User) -> None:
    locked = _aware(user.locked_until)
    if locked is not None and locked > now():
        raise AccountError("Too many failed attempts: this account is locked for a while. "
                           "Try again later or ask an administrator.")


def password_matches(user: User, password: str) -> bool:
    return _verify(user.password_hash, password)


def record_failure(session: Session, user: User, lockout: Lockout = Lockout()) -> None:
    user.failed_logins += 1
    if user.failed_logins >= lockout.attempts:
        user.locked_until = now() + timedelta(minutes=lockout.minutes)
        user.failed_logins = 0
    session.add(user)


def signed_in(session: Session, user: User) -> None:
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now()
    session.add(user)


# --- two-factor codes --------------------------------------------------------------------


def _fernet(secret_key: str) -> Fernet:
    # A copied database alone does not give away authenticator secrets: the key lives in
    # instance/config.py (or the environment), not in the database.
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"geneva-tracker totp").derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def new_totp_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(username: str, secret: str, issuer: str = "Geneva Tracker") -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def _matching_step(secret: str, code: str, at: datetime) -> int | None:
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    step = int(at.timestamp()) // totp.interval
    for candidate in (step, step - 1, step + 1):  # one step either side for clock drift
        if secrets.compare_digest(totp.generate_otp(candidate), code):
            return candidate
    return None


def enrol_totp(session: Session, user: User, secret: str, code: str,
               secret_key: str) -> list[str]:
    """Save the authenticator once the user proves it works; return fresh recovery codes."""
    step = _matching_step(secret, code, now())
    if step is None:
        raise AccountError("That code does not match. Check the time on your phone and "
                           "type the six digits your authenticator shows now.")
    user.totp_secret = _fernet(secret_key).encrypt(secret.encode()).decode()
    user.totp_last_step = step
    session.add(user)
    return new_recovery_codes(session, user)


def verify_second_factor(session: Session, user: User, code: str, secret_key: str,
                         lockout: Lockout = Lockout()) -> str:
    """Accept a current authenticator code (once) or an unused recovery code.

    Returns "totp" or "recovery". A wrong code counts towards the lockout like a wrong
    password, so the six digits cannot be guessed.
    """
    check_not_locked(user)  # a locked account takes no code, right or wrong
    code = (code or "").strip()
    if user.totp_secret:
        try:
            secret = _fernet(secret_key).decrypt(user.totp_secret.encode()).decode()
        except InvalidToken:
            raise AccountError("This account's two-factor secret cannot be read (the "
                               "SECRET_KEY changed?). Ask an administrator to reset it.") from None
        step = _matching_step(secret, code, now())
        if step is not None and (user.totp_last_step is None or step > user.totp_last_step):
            user.totp_last_step = step
            session.add(user)
            return "totp"
    if _use_recovery_code(session, user, code):
        return "recovery"
    record_failure(session, user, lockout)
    raise AccountError("That code is not valid (or was already used).")


def _code_hash(code: str) -> str:
    return hashlib.sha256("".join(code.split()).replace("-", "").lower().encode()).hexdigest()


def new_recovery_codes(session: Session, user: User) -> list[str]:
    """Ten one-time codes for a lost phone; only their hashes are kept."""
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = secrets.token_hex(5)
        codes.append(f"{raw[:5]}-{raw[5:]}")
    user.recovery_codes = json.dumps([_code_hash(c) for c in codes])
    session.add(user)
    return codes


def recovery_codes_left(user: User) -> int:
    return len(json.loads(user.recovery_codes or "[]"))


def _use_recovery_code(session: Session, user: User, code: str) -> bool:
    if not code:
        return False
    hashes_ = json.loads(user.recovery_codes or "[]")
    wanted = _code_hash(code)
    for h in hashes_:
        if secrets.compare_digest(h, wanted):
            hashes_.remove(h)
            user.recovery_codes = json.dumps(hashes_)
            session.add(user)
            return True
    return False


# --- sessions ----------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(session: Session, user: User, *, hours: float, ip: str = "",
                 user_agent: str = "") -> str:
    """Start a signed-in session; return the token for the cookie (never stored as is)."""
    token = secrets.token_urlsafe(32)
    session.add(LoginSession(token_hash=_token_hash(token), user_id=user.id,
                             expires_at=now() + timedelta(hours=hours), ip=ip[:64],
                             user_agent=user_agent[:200]))
    return token


def resume_session(session: Session, token: str, *, idle_minutes: float
                   ) -> tuple[User, LoginSession] | None:
    """The user behind a cookie's token, if the session is live; touch it now and then."""
    if not token:
        return None
    row = session.exec(select(LoginSession).where(
        LoginSession.token_hash == _token_hash(token))).first()
    if row is None or row.revoked_at is not None:
        return None
    moment = now()
    if _aware(row.expires_at) <= moment or \
            _aware(row.last_seen_at) + timedelta(minutes=idle_minutes) <= moment:
        return None
    user = session.get(User, row.user_id)
    if user is None or user.disabled:
        return None
    # Writing on every request would serialise readers behind SQLite's write lock.
    if moment - _aware(row.last_seen_at) > timedelta(minutes=1):
        row.last_seen_at = moment
        session.add(row)
        session.commit()
    return user, row


def close_session(session: Session, token: str) -> None:
    row = session.exec(select(LoginSession).where(
        LoginSession.token_hash == _token_hash(token))).first()
    if row is not None and row.revoked_at is None:
        row.revoked_at = now()
        session.add(row)


def revoke_sessions(session: Session, user: User) -> int:
    rows = session.exec(select(LoginSession).where(
        LoginSession.user_id == user.id, LoginSession.revoked_at.is_(None))).all()
    for row in rows:
        row.revoked_at = now()
        session.add(row)
    return len(rows)
