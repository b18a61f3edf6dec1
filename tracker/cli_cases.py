"""`tracker cases …`: the private case register from the command line."""

import click
from flask.cli import with_appcontext

from tracker.casekey import CaseKeyError, current_keys
from tracker.cases import CaseError
from tracker.db import session_scope


@click.group("cases")
def cases_group():
    """The organisation's private case register."""


@cases_group.command("demo")
@with_appcontext
@click.argument("count", type=click.IntRange(1, 1_000_000))
@click.option("--seed", type=int, default=1, show_default=True,
              help="Random seed: the same seed makes the same cases.")
def demo_command(count, seed):
    """Add COUNT made-up cases (pseudonyms DEMO 00001…) to try the register with."""
    from tracker.case_demo import make_demo_cases

    try:
        with session_scope() as session:
            added = make_demo_cases(session, current_keys(), count, seed=seed)
    except (CaseKeyError, CaseError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Added {added} demo cases (pseudonyms start with DEMO; not real people).")
