import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from flask.cli import FlaskGroup, ScriptInfo


def _commands(app):
    group = FlaskGroup(create_app=lambda: app)
    # closing the context pops the app context FlaskGroup pushes for get_command
    with click.Context(group, obj=ScriptInfo(create_app=lambda: app)) as ctx:
        return {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}


def test_cli_every_command_has_help(app):
    commands = _commands(app)
    assert {"init-db", "run", "add-scheme"} <= set(commands)
    assert {"import", "load-samples", "scrape", "formats"} <= set(commands)
    for name, command in commands.items():
        assert (command.help or command.short_help), f"{name} has no help text"
        for sub_name, sub in getattr(command, "commands", {}).items():
            assert sub.help, f"{name} {sub_name} has no help text"
            for param in sub.params:
                if isinstance(param, click.Option):
                    assert param.help, f"{name} {sub_name} {param.name} has no help"


def test_cli_init_db_reports_counts(runner):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "states 195" in result.output


def test_cli_add_scheme_bad_file_clear_error(runner, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("iso3,region\nFRA,EU\nQQQ,EU\n")
    result = runner.invoke(args=["add-scheme", str(bad), "--slug", "eu", "--name", "EU"])
    assert result.exit_code == 1
    assert f"{bad}, line 3: unknown ISO3 code 'QQQ'" in result.output
    assert "Traceback" not in result.output


def test_cli_add_scheme_good_file(runner, tmp_path):
    good = tmp_path / "eu.csv"
    good.write_text("iso3,region\nFRA,EU\nDEU,EU\n")
    result = runner.invoke(args=["add-scheme", str(good), "--slug", "eu", "--name", "EU"])
    assert result.exit_code == 0, result.output
    assert "1 regions, 2 memberships" in result.output


def test_cli_console_script_lists_commands(tmp_path):
    env = {**os.environ, "TRACKER_INSTANCE_PATH": str(tmp_path), "TRACKER_TESTING": "true"}
    result = subprocess.run([sys.executable, "-m", "tracker", "--help"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for name in ("init-db", "add-scheme", "run"):
        assert name in result.stdout


def test_cli_without_secret_key_help_works_and_commands_say_why(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("TRACKER_SECRET_KEY", "TRACKER_TESTING")}
    env.update(TRACKER_INSTANCE_PATH=str(tmp_path), TRACKER_DEBUG="true")
    result = subprocess.run([sys.executable, "-m", "tracker", "--help"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    for name in ("init-db", "import", "reindex", "run"):
        assert name in result.stdout
    result = subprocess.run([sys.executable, "-m", "tracker", "init-db"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: SECRET_KEY") and "token_hex(32)" in line


def test_cli_version_names_geneva_tracker_python_and_flask():
    from click.testing import CliRunner

    from tracker.cli import main

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0, result.output
    first, python, flask = result.output.splitlines()
    assert first.startswith("Geneva Tracker ") and first != "Geneva Tracker "
    assert python.startswith("Python 3.") and flask.startswith("Flask 3.")


def test_cli_help_hides_flasks_app_and_env_file_options(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tracker.cli import main

    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("TRACKER_TESTING", "true")
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    assert "--version" in result.output and "load-samples" in result.output
    assert "--env-file" not in result.output and "--app" not in result.output
    assert CliRunner().invoke(main, ["--app", "other:app", "routes"]).exit_code == 2


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
@pytest.mark.parametrize(("args", "expected"), [
    ([], "tracker run --host 127.0.0.1 --port 5000"),
    (["PORT=5001"], "tracker run --host 127.0.0.1 --port 5001"),
    (["HOST=0.0.0.0", "PORT=8080"], "tracker run --host 0.0.0.0 --port 8080"),
])
def test_make_run_serves_on_the_chosen_host_and_port(args, expected):
    root = Path(__file__).resolve().parents[1]
    env = {k: v for k, v in os.environ.items() if k not in ("HOST", "PORT", "MAKEFLAGS")}
    # -n prints the commands without running them (no install, no server)
    result = subprocess.run(["make", "-n", "--no-print-directory", "run", *args], cwd=root,
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].endswith(expected)
