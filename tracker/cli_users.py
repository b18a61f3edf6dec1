"""`tracker user …`: accounts are managed on the server, where the operator is known.

Each change is written to the audit log with the operating-system user who ran it.
Users are disabled, never deleted, so the log keeps naming them.
"""

import getpass
import secrets

import click
from flask.cli import with_appcontext
from sqlmodel import select

from tracker import accounts, audit
from tracker.accounts import ROLES, AccountError
from tracker.db import session_scope
from tracker.models import User


def _operator() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _change(username: str, action: str, change, detail: str = "") -> User:
    try:
        with session_scope() as session:
            user = accounts.require_user(session, username)
            change(session, user)
            audit.record(session, action, username=_operator(), target=user.username,
                         detail=detail, user_agent="tracker command")
            return user
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None


@click.group("user")
def user_group():
    """Add, disable and change accounts (viewer, editor, admin)."""


@user_group.command("add")
@with_appcontext
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="viewer", show_default=True,
              help="viewer reads briefs; editor changes them; admin reads the audit log.")
@click.option("--generate", is_flag=True,
              help="Make a random password and print it once, instead of asking for one.")
def add_command(username, role, generate):
    """Create an account. Editors and admins set up two-factor sign-in at their first login."""
    if generate:
        password = secrets.token_urlsafe(15)
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        with session_scope() as session:
            user = accounts.add_user(session, username, password, role)
            audit.record(session, "user-added", username=_operator(), target=user.username,
                         detail=f"role {role}", user_agent="tracker command")
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Added {user.username} ({role}).")
    if generate:
        click.echo(f"Password (shown once; ask them to change it): {password}")


@user_group.command("set-role")
@with_appcontext
@click.argument("username")
@click.argument("role", type=click.Choice(ROLES))
def set_role_command(username, role):
    """Change what an account may do; editors and admins need two-factor sign-in."""
    user = _change(username, "role-changed", lambda s, u: accounts.set_role(s, u, role),
                   detail=f"to {role}")
    click.echo(f"{user.username} is now {role}.")


@user_group.command("disable")
@with_appcontext
@click.argument("username")
def disable_command(username):
    """Stop an account from signing in and end its sessions (it is kept, not deleted)."""
    user = _change(username, "user-disabled", lambda s, u: accounts.set_disabled(s, u, True))
    click.echo(f"{user.username} is disabled; its sessions are closed.")


@user_group.command("enable")
@with_appcontext
@click.argument("username")
def enable_command(username):
    """Let a disabled account sign in again."""
    user = _change(username, "user-enabled", lambda s, u: accounts.set_disabled(s, u, False))
    click.echo(f"{user.username} is enabled.")


@user_group.command("reset-2fa")
@with_appcontext
@click.argument("username")
def reset_two_factor_command(username):
    """Forget an account's authenticator (a lost phone); it enrols again at next sign-in."""
    user = _change(username, "two-factor-reset", accounts.reset_two_factor)
    click.echo(f"{user.username} will set up two-factor sign-in again at the next sign-in.")


@user_group.command("password")
@with_appcontext
@click.argument("username")
def password_command(username):
    """Set a new password for an account (its sessions end)."""
    password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    user = _change(username, "password-changed",
                   lambda s, u: accounts.set_password(s, u, password))
    click.echo(f"Password of {user.username} changed; its sessions are closed.")


@user_group.command("list")
@with_appcontext
def list_command():
    """Every account with its role, two-factor state and last sign-in."""
    with session_scope() as session:
        for u in session.exec(select(User).order_by(User.username)):
            state = "disabled" if u.disabled else "active"
            two = "2fa on" if u.totp_secret else "2fa off"
            last = u.last_login_at.strftime("%Y-%m-%d %H:%M") if u.last_login_at else "never"
            click.echo(f"{u.username}\t{u.role}\t{state}\t{two}\tlast sign-in {last}")
