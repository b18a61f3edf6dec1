"""Signing in and out, two-factor enrolment, and one's own account."""

from __future__ import annotations

import time

import segno
from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _

from tracker import accounts
from tracker.accounts import AccountError, Lockout
from tracker.auth import OPEN, VIEWER, access, client_ip, current_user, limiter, log
from tracker.db import get_session
from tracker.models import User

bp = Blueprint("account", __name__)
PENDING_SECONDS = 300  # between a right password and the second factor


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _lockout() -> Lockout:
    cfg = current_app.config
    return Lockout(cfg["LOGIN_LOCKOUT_ATTEMPTS"], cfg["LOGIN_LOCKOUT_MINUTES"])


def safe_next(target: str | None) -> str:
    """Only a path on this site: a sign-in link must not send anyone elsewhere."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")) \
            and "\n" not in target and "\r" not in target:
        return target
    return url_for("search.index")


def _complete(user: User, method: str, next_: str | None = None):
    db = get_session()
    accounts.signed_in(db, user)
    lifetime = current_app.permanent_session_lifetime.total_seconds() / 3600
    token = accounts.open_session(db, user, hours=lifetime, ip=client_ip(),
                                  user_agent=request.headers.get("User-Agent", ""))
    target = safe_next(next_ if next_ is not None else session.get("pending", {}).get("next"))
    session.clear()  # a fresh cookie at every sign-in: nothing carried over
    session["sid"] = token
    session.permanent = True
    g.user = user  # a page rendered in this same request (the recovery codes) shows it
    log("login", user=user, detail=method)
    db.commit()
    return redirect(target)


def _pending_user(stage: str) -> User | None:
    pending = session.get("pending") or {}
    if pending.get("stage") != stage or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = get_session().get(User, pending.get("uid"))
    return None if user is None or user.disabled else user


def _start_again():
    flash(_("Sign in again: the sign-in took too long."), "error")
    return redirect(url_for("account.login"))


@bp.route("/login", methods=["GET", "POST"])
@access(OPEN)
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if request.method == "GET":
        if current_user() is not None:
            return redirect(safe_next(request.args.get("next")))
        return render_template("account/login.html", next=request.args.get("next", ""))
    db = get_session()
    username = request.form.get("username", "")[:64]
    try:
        user = accounts.authenticate(db, username, request.form.get("password", "")[:1024],
                                     _lockout())
    except AccountError as exc:
        known = accounts.get_user(db, username)
        log("login-locked" if known is not None and "locked" in str(exc) else "login-failed",
            user=known, username=username)
        db.commit()
        flash(str(exc), "error")
        return render_template("account/login.html", next=request.form.get("next", ""),
                               username=username), 401
    if not accounts.needs_two_factor(user):
        return _complete(user, "password", request.form.get("next", ""))
    stage = "code" if user.totp_secret else "enrol"
    db.commit()
    session["pending"] = {"uid": user.id, "at": time.time(), "stage": stage,
                          "next": request.form.get("next", "")}
    return redirect(url_for(f"account.{stage}"))


@bp.route("/login/code", methods=["GET", "POST"])
@access(OPEN)
@limiter.limit(_login_limit, methods=["POST"])
def code():
    user = _pending_user("code")
    if user is None:
        return _start_again()
    if request.method == "GET":
        return render_template("account/code.html")
    db = get_session()
    try:
        method = accounts.verify_second_factor(db, user, request.form.get("code", "")[:64],
                                               current_app.config["SECRET_KEY"], _lockout())
    except AccountError as exc:
        log("two-factor-failed", user=user)
        db.commit()
        flash(str(exc), "error")
        return render_template("account/code.html"), 401
    if method == "recovery":
        log("recovery-code-used", user=user,
            detail=f"{accounts.recovery_codes_left(user)} left")
        flash(_("You used a recovery code; %(n)d left. Renew them on your account page.",
                n=accounts.recovery_codes_left(user)), "info")
    return _complete(user, method)


def _qr_svg(uri: str) -> str:
    return segno.make(uri, error="m").svg_inline(scale=4, dark="#111", light="#fff")


@bp.route("/login/enrol", methods=["GET", "POST"])
@access(OPEN)
@limiter.limit(_login_limit, methods=["POST"])
def enrol():
    user = _pending_user("enrol")
    if user is None:
        return _start_again()
    secret = session.get("enrol_secret") or accounts.new_totp_secret()
    session["enrol_secret"] = secret
    uri = accounts.provisioning_uri(user.username, secret)
    if request.method == "GET":
        return render_template("account/enrol.html", secret=secret, qr=_qr_svg(uri))
    db = get_session()
    try:
        codes = accounts.enrol_totp(db, user, secret, request.form.get("code", "")[:64],
                                    current_app.config["SECRET_KEY"])
    except AccountError as exc:
        flash(str(exc), "error")
        return render_template("account/enrol.html", secret=secret, qr=_qr_svg(uri)), 400
    log("two-factor-enrolled", user=user)
    response = _complete(user, "totp-enrolled")
    # Shown once, on the page that follows; never stored in clear.
    return render_template("account/recovery.html", codes=codes,
                           next=response.location), 200


@bp.post("/logout")
@access(OPEN)
def logout():
    db = get_session()
    token = session.get("sid")
    if token:
        accounts.close_session(db, token)
    if current_user() is not None:
        log("logout")
    db.commit()
    session.clear()
    flash(_("You are signed out."), "info")
    return redirect(url_for("search.index"))


@bp.get("/account")
@access(VIEWER)
def show():
    user = current_user()
    return render_template("account/show.html", user=user,
                           codes_left=accounts.recovery_codes_left(user))


@bp.post("/account/password")
@access(VIEWER)
@limiter.limit(_login_limit)
def change_password():
    db = get_session()
    user = current_user()
    try:
        if not accounts.password_matches(user, request.form.get("current", "")[:1024]):
            accounts.record_failure(db, user, _lockout())
            db.commit()
            raise AccountError(_("Your current password is not right."))
        if request.form.get("new", "") != request.form.get("again", ""):
            raise AccountError(_("The two new passwords differ."))
        accounts.set_password(db, user, request.form.get("new", "")[:1024])
    except AccountError as exc:
        flash(str(exc), "error")
        return redirect(url_for("account.show"))
    log("password-changed")
    db.commit()
    session.clear()  # every session was closed with the old password, this one too
    flash(_("Password changed. Sign in with the new one."), "info")
    return redirect(url_for("account.login"))


@bp.post("/account/recovery-codes")
@access(VIEWER)
def renew_codes():
    db = get_session()
    user = current_user()
    if not user.totp_secret:
        flash(_("Set up two-factor sign-in first."), "error")
        return redirect(url_for("account.show"))
    codes = accounts.new_recovery_codes(db, user)
    log("recovery-codes-renewed")
    db.commit()
    return render_template("account/recovery.html", codes=codes,
                           next=url_for("account.show"))
