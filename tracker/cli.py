"""The `tracker` command: thin wrappers over functions the tests also call."""

from pathlib import Path

import click
from flask.cli import FlaskGroup

from tracker.db import session_scope
from tracker.reference import ReferenceDataError, import_scheme_csv


@click.command("add-scheme")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", required=True, help="Short name used in URLs, e.g. 'eu'.")
@click.option("--name", required=True, help="Name shown to people.")
@click.option("--description", default="", help="What the scheme is and where it comes from.")
def add_scheme_command(csv_file, slug, name, description):
    """Add or replace a region scheme from a CSV with columns iso3, region[, counts]."""
    try:
        with session_scope() as session:
            result = import_scheme_csv(session, slug=slug, name=name, description=description,
                                       text=csv_file.read_text(encoding="utf-8-sig"),
                                       filename=str(csv_file))
    except (ReferenceDataError, UnicodeDecodeError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Scheme {slug}: {result.regions} regions, {result.memberships} memberships.")


def init_app(app):
    app.cli.add_command(add_scheme_command)


def _create_app():
    from tracker import create_app

    return create_app()


main = FlaskGroup(create_app=_create_app, load_dotenv=False,
                  help="Geneva Tracker: scrape UN sources, search, and serve the web UI.")
