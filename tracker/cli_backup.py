"""`tracker backup` and `tracker restore`: one encrypted file for the whole instance."""

import os
import time
from importlib import metadata
from pathlib import Path

import click
from flask import current_app
from flask.cli import ScriptInfo, with_appcontext
from sqlalchemy.exc import SQLAlchemyError

from tracker.backup import BackupError

PASSPHRASE_ENV = "TRACKER_BACKUP_PASSPHRASE"  # noqa: S105 - a variable's name
MIN_PASSPHRASE = 12

_passphrase_file = click.option(
    "--passphrase-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=f"Read the passphrase from this file (its first line). Without it: the "
         f"environment variable {PASSPHRASE_ENV}, else it is asked for.")


def _passphrase(path: Path | None, *, new: bool) -> str:
    if path is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        passphrase = lines[0] if lines else ""
    elif os.environ.get(PASSPHRASE_ENV):
        passphrase = os.environ[PASSPHRASE_ENV]
    else:
        passphrase = click.prompt("Passphrase", hide_input=True, confirmation_prompt=new,
                                  err=True)
    if new and len(passphrase) < MIN_PASSPHRASE:
        # The passphrase is all that stands between a copied file and every name in it.
        raise click.ClickException(f"the passphrase is shorter than {MIN_PASSPHRASE} "
                                   "characters; five random words make a good one")
    if not passphrase:
        raise click.ClickException("the passphrase is empty")
    return passphrase


def _version() -> str:
    try:
        return metadata.version("geneva-tracker")
    except metadata.PackageNotFoundError:
        return "unknown"


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB"


@click.command("backup")
@with_appcontext
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_passphrase_file
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def backup_command(file, passphrase_file, force):
    """Write the whole database and the instance's settings (config.py, case.key) to FILE,
    encrypted with a passphrase. The search index, caches and exports are left out: they
    are rebuilt."""
    from tracker.backup import write_backup
    from tracker.db import get_engine

    if file.exists() and not force:
        raise click.ClickException(f"{file} exists; add --force to overwrite it")
    passphrase = _passphrase(passphrase_file, new=True)
    start = time.perf_counter()
    try:
        summary = write_backup(get_engine(), file, passphrase,
                               instance_path=current_app.instance_path, app_version=_version())
    except (BackupError, OSError) as exc:
        raise click.ClickException(f"no backup written: {exc}") from None
    tables = summary.manifest["tables"]
    click.echo(f"Backup written to {file}: {len(tables)} tables, {summary.rows} rows, "
               f"settings files {', '.join(summary.files) or 'none'}; {_size(file)} in "
               f"{time.perf_counter() - start:.1f} s.")
    for name, why in summary.skipped_files.items():
        click.echo(f"left out instance/{name}: {why}", err=True)
    if os.environ.get("TRACKER_CASE_KEY"):
        click.echo("The case key comes from the environment (TRACKER_CASE_KEY), which the "
                   "backup does not hold: keep a copy of it apart.", err=True)
    click.echo("Keep the passphrase apart from the file: with both, anyone reads every case; "
               "without the passphrase, no one can restore it.")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_passphrase_file
@click.option("--replace", is_flag=True,
              help="Empty a database that holds rows (the audit log too) and put the backup's "
                   "case.key in place of another; without it both are refused.")
def restore_command(file, passphrase_file, replace):
    """Restore a file made by `tracker backup` into the database DATABASE_URL names (SQLite
    or PostgreSQL), write the settings files that are missing, and rebuild the search index.
    The whole file is checked before anything is written."""
    from tracker import instance_path
    from tracker.backup import plan_settings, verify_backup, write_settings

    passphrase = _passphrase(passphrase_file, new=False)
    start = time.perf_counter()
    try:
        summary = verify_backup(file, passphrase)
        plan = plan_settings(summary.files, instance_path(), replace=replace)
    except BackupError as exc:
        raise click.ClickException(f"{exc}. Nothing was restored.") from None
    m = summary.manifest
    click.echo(f"Checked {file}: made {m['created_at']} by Geneva Tracker {m['app_version']} "
               f"on {m['dialect']}; {len(m['tables'])} tables, {summary.rows} rows.")
    # config.py first: without it (no SECRET_KEY) a fresh instance cannot start.
    created = write_settings(summary.files, plan, instance_path(), "write")
    try:
        app = click.get_current_context().ensure_object(ScriptInfo).load_app()
        with app.app_context():
            _restore_database(file, passphrase, replace, summary)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
    write_settings(summary.files, plan, instance_path(), "replace")
    for name, action in plan.items():
        if action != "same":
            click.echo(f"instance/{name}: " + {
                "write": "restored", "replace": "replaced by the backup's",
                "keep": "kept as it is here (the backup's differs)"}[action])
    with app.app_context():
        _after_restore()
    click.echo(f"Restored in {time.perf_counter() - start:.1f} s.")


def _restore_database(file, passphrase, replace, summary):
    from tracker.backup import restore_database
    from tracker.db import get_engine

    try:
        restore_database(get_engine(), file, passphrase, replace=replace, verified=summary)
    except BackupError as exc:
        raise click.ClickException(f"{exc}. Nothing was restored.") from None
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise click.ClickException(f"the database refused the restore ({reason}). Nothing "
                                   "was restored.") from None
    click.echo(f"Database restored: {summary.rows} rows in one transaction.")


def _after_restore():
    """Rebuild the search index, and say if the case key in use does not open the cases."""
    from sqlmodel import Session, select

    from tracker.casekey import CaseKeyError, current_keys, decrypt
    from tracker.changelog import note_everything
    from tracker.db import get_engine
    from tracker.models import Case
    from tracker.search import IndexBusy, rebuild_index

    with Session(get_engine()) as session:
        note_everything(session)  # every other node rebuilds its index too
        session.commit()
        token = session.exec(select(Case.identity).where(Case.identity.is_not(None))
                             .limit(1)).first()
        try:
            if token:
                decrypt(current_keys(), token)
        except CaseKeyError as exc:
            click.echo(f"warning: the restored cases' names do not open: {exc}", err=True)
        try:
            n = rebuild_index(current_app.config["SEARCH_INDEX_DIR"], session)
        except IndexBusy as exc:
            click.echo(f"search index not rebuilt: {exc} Run `tracker reindex`.", err=True)
            return
    click.echo(f"Search index rebuilt: {n} entries.")
