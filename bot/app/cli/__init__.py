"""`briefbot`: the one command-line entry point (a composition root), built with click.

The root group carries `--db` and `-v`; every subcommand lives in its own module
here and also accepts `--db` after its name (`briefbot schedule add … --db X`).
Settings are loaded once, lazily, when a command first needs them, so `--help`
costs nothing. A command imports a chat library or openai only when it uses one.
User mistakes are one-line `click.ClickException`s: exit 2 for bad input, 1 for
a command that failed; a traceback means a bug. Bad local state (a read-only,
corrupt or locked database, a missing directory, a full disk) is one line too,
naming the file and the cause (storage.store_errors), exit 1.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

import click

QUIET_COMMANDS = {"ask", "console", "demo", "digest"}
"""Interactive commands show answers, not start-up log lines, unless asked (-v or BRIEFBOT_LOG_LEVEL)."""


class BadInput(click.ClickException):
    """The user's input cannot be used (exit 2); the message says what to type instead."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"briefbot: {self.format_message()}", err=True)


class Failed(click.ClickException):
    """The command ran but could not do its job (exit 1)."""

    exit_code = 1

    def show(self, file=None) -> None:
        click.echo(f"briefbot: {self.format_message()}", err=True)


@dataclass
class CliState:
    db: str | None = None
    verbose: bool = False
    command: str | None = None
    _settings: object | None = None

    @property
    def settings(self):
        """Settings from the environment and .env, loaded on first use; a bad variable is one line, exit 2."""
        if self._settings is None:
            from foundation.settings import ConfigError, Settings, configure_logging
            try:
                settings = Settings.load(db_override=self.db)
            except ConfigError as err:
                raise BadInput(f"configuration error: {err}") from None
            if self.command in QUIET_COMMANDS and not settings.log_level_chosen and not self.verbose:
                settings = replace(settings, log_level="WARNING")
            configure_logging(settings, self.verbose)
            self._settings = settings
        return self._settings


def _remember_db(ctx: click.Context, _param, value):
    if value:
        ctx.find_object(CliState).db = value
    return value


def db_option(f):
    """`--db PATH` on a subcommand too, so it may come after the subcommand's name."""
    return click.option("--db", metavar="PATH", expose_value=False, callback=_remember_db, is_eager=True,
                        help="SQLite database file (default: $BRIEFBOT_DB or the user data dir)")(f)


pass_state = click.make_pass_decorator(CliState)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.option("--db", metavar="PATH", help="SQLite database file (default: $BRIEFBOT_DB or the user data dir)")
@click.option("-v", "--verbose", is_flag=True, help="log debug output")
@click.version_option(package_name="briefbot")
@click.pass_context
def cli(ctx: click.Context, db: str | None, verbose: bool) -> None:
    """Sourced briefings on the AI model race: releases, claims, digests and alerts."""
    ctx.obj = ctx.obj or CliState()
    ctx.obj.db = db or ctx.obj.db
    ctx.obj.verbose = verbose
    ctx.obj.command = ctx.invoked_subcommand
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
        ctx.exit(2)


@cli.result_callback()
@click.pass_context
def _exit_with_the_commands_code(ctx: click.Context, result, **_params) -> None:
    """A command returns its exit code; this makes click exit with it in every mode (console script,
    `main()`, CliRunner), not only when `main()` reads the return value."""
    if isinstance(result, int) and result:
        ctx.exit(result)


def _register() -> None:
    from . import delivery_ops, digest_ops, discord_ops, ingest_ops, record_ops, slack_ops, sources_ops
    for module in (record_ops, digest_ops, delivery_ops, ingest_ops, sources_ops, slack_ops, discord_ops):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this in-process; the console script exits with it)."""
    state = CliState()
    try:
        result = cli.main(args=argv, prog_name="briefbot", standalone_mode=False, obj=state)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        storage_error = _storage_error(err, state)
        if storage_error is None:
            raise
        click.echo(f"briefbot: {storage_error}", err=True)
        return 1
    return int(result or 0)


def _storage_error(err: Exception, state: CliState):
    """The one-line StorageError for bad local state met anywhere in a command, else None (a bug)."""
    import sqlite3
    from storage.store_errors import StorageError, explain
    if isinstance(err, StorageError):
        return err
    if isinstance(err, sqlite3.Error) or (isinstance(err, OSError) and err.errno is not None):
        settings = state._settings
        return explain(err, getattr(settings, "db_path", None) or state.db)
    return None


def command_line() -> list[str]:
    """argv that runs this same entry point in a child process (tests, benchmarks, the crash harness)."""
    script = Path(sys.executable).with_name("briefbot")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from bot.app.cli import entry_point; entry_point()"]


def entry_point() -> None:  # pragma: no cover - the console script
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    entry_point()
