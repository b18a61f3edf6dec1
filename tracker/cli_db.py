"""`tracker db`: the schema's revisions (tracker/migrations), applied and written."""

from contextlib import contextmanager

import click
from flask.cli import with_appcontext

from tracker.db import get_engine


@contextmanager
def migration_errors():
    """A schema that cannot be upgraded is a message, not a traceback."""
    from tracker.migrate import MigrationError

    try:
        yield
    except MigrationError as exc:
        raise click.ClickException(str(exc)) from None


def echo_upgrade(upgrade) -> None:
    if upgrade.adopted is not None:
        added = f", adding {', '.join(upgrade.adopted)}" if upgrade.adopted else ""
        click.echo(f"Schema: a database made before migrations, checked and stamped with the "
                   f"baseline revision{added}.")
    if upgrade.before == upgrade.after:
        click.echo(f"Schema: at revision {upgrade.after}, the newest; nothing to do.")
    else:
        click.echo(f"Schema: upgraded from {upgrade.before or 'an empty database'} to "
                   f"revision {upgrade.after}.")


@click.group("db")
def db_group():
    """Upgrade the database's schema, and write new revisions after changing the models."""


@db_group.command("upgrade")
@with_appcontext
@click.argument("revision", default="head")
def upgrade_command(revision):
    """Apply the revisions up to REVISION (default: the newest). A database made before
    migrations is checked and stamped first; nothing is lost."""
    from tracker.migrate import upgrade_database

    with migration_errors():
        echo_upgrade(upgrade_database(get_engine(), revision))


@db_group.command("current")
@with_appcontext
def current_command():
    """Print the database's revision and the newest one this code has."""
    from tracker.migrate import current_revision, head

    with get_engine().connect() as conn:
        current = current_revision(conn)
    newest = head()
    state = ("up to date" if current == newest
             else "run `tracker db upgrade`" if current else
             "no revision: empty, or made before migrations; run `tracker db upgrade`")
    click.echo(f"{current or 'none'} (newest: {newest}; {state})")


@db_group.command("check")
@with_appcontext
def check_command():
    """Say whether the models differ from the database's schema (a revision is missing)."""
    from tracker.migrate import describe, differences

    with get_engine().connect() as conn:
        found = differences(conn)
    if not found:
        click.echo("The database's schema matches the models.")
        return
    for diff in found:
        click.echo(f"  {describe(diff)}")
    raise click.ClickException(f"{len(found)} difference(s) between the models and the "
                               "database: write a revision with `tracker db revision "
                               "--autogenerate -m ...`, or run `tracker db upgrade`.")


@db_group.command("revision")
@with_appcontext
@click.option("-m", "--message", required=True, help="What the revision changes, in a line.")
@click.option("--autogenerate", is_flag=True,
              help="Write the operations that turn the database's schema (at the newest "
                   "revision) into the models'; review them before committing.")
def revision_command(message, autogenerate):
    """Write a new revision file in tracker/migrations/versions (in a checkout)."""
    from tracker.migrate import new_revision

    with migration_errors():
        path = new_revision(get_engine(), message, autogenerate=autogenerate)
    click.echo(f"Wrote {path}: read it, test it (`tracker db upgrade`, the test suite), "
               "commit it with the models' change.")
