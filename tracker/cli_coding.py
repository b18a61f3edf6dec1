"""`tracker code-rules …`: check the coder's rules file and try it on a sentence.

For the person who edits tracker/data/coding/rules.toml (or the file CODING_RULES names):
`check` says whether the file can be used, `try` shows which rules fire on a text and why.
Applying the rules to the database is `tracker code`.
"""

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from tracker.coding import RulesError, code, load_rules, resolve

_file = click.argument("rules_file", required=False,
                       type=click.Path(dir_okay=False, path_type=Path))


def _load(rules_file):
    path = rules_file or current_app.config.get("CODING_RULES") or None
    try:
        return load_rules(path)
    except RulesError as exc:
        raise click.ClickException(str(exc)) from None


@click.group("code-rules")
def code_rules_group():
    """Check the coder's rules file, or try it on a sentence."""


@code_rules_group.command("check")
@with_appcontext
@_file
def check_command(rules_file):
    """Check RULES_FILE (default: the CODING_RULES setting, else the shipped rules)."""
    rules = _load(rules_file)
    counts = ", ".join(f"{scheme} {n}" for scheme, n in rules.count().items())
    click.echo(f"{rules.path}: version {rules.version}, {len(rules.rules)} rules "
               f"({counts}). It can be used.")


@code_rules_group.command("try")
@with_appcontext
@click.argument("text")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A rules file other than the CODING_RULES setting or the shipped one.")
@click.option("--field", type=click.Choice(["summary", "letter", "reply"]), default="summary",
              show_default=True, help="Read TEXT as this part of a communication.")
@click.option("--mandate", "mandates", multiple=True,
              help="A mandate slug that sent the letter, e.g. human-rights-defenders "
                   "(repeatable).")
def try_command(text, rules_file, field, mandates):
    """Show the codes the rules give TEXT, each with its rule and the words it matched."""
    rules = _load(rules_file)
    hits = code({field: text}, rules, mandates=mandates)
    strongest = [h for values in resolve(hits).values() for h in values.values()]
    for hit in hits:
        mark = "*" if any(hit is h for h in strongest) else " "
        words = ", ".join(repr(w) for w in hit.matched) or "(no rule found yes)"
        click.echo(f"{mark} {hit.scheme + ':' + hit.value:<38} {hit.confidence:.2f}  "
                   f"{hit.rule:<40} {words}")
    if hits:
        click.echo("* the hit that gives the code (the strongest for its value)")
    else:
        click.echo("No codes: the text is empty.")
