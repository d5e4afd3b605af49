"""`briefbot`: the command-line entry point (a composition root).

Subcommands live in small `cli_*` modules, each with `add_parsers(sub)`, so
that the record, digests, delivery and ingest commands can grow apart. Exit
codes: 0 ok, 1 the command failed, 2 usage error (including a chat command
that was malformed, e.g. `/compare` with one model).
"""
from __future__ import annotations

import argparse
import importlib
from dataclasses import replace
import sys

from .config import ConfigError, Settings, configure_logging

QUIET_COMMANDS = {"ask", "console", "demo", "digest"}
CLI_MODULES = ("bot.cli_record", "bot.cli_digest", "bot.cli_delivery", "bot.cli_ingest",
               "bot.cli_slack", "bot.cli_discord")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", description="Sourced briefings on the AI model race.")
    parser.add_argument("--db", metavar="PATH", help="SQLite database file (default: $BRIEFBOT_DB or the user data dir)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in CLI_MODULES:
        importlib.import_module(name).add_parsers(sub)
    _accept_db_everywhere(sub)
    return parser


def _accept_db_everywhere(sub) -> None:
    """Every subcommand, nested ones included (`schedule add ... --db X`), accepts --db after its name."""
    for command in sub.choices.values():
        if not any("--db" in a.option_strings for a in command._actions):
            command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_db_everywhere(action)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        settings = Settings.load(db_override=args.db)
    except ConfigError as err:
        print(f"briefbot: configuration error: {err}", file=sys.stderr)
        return 2
    if args.command in QUIET_COMMANDS and "BRIEFBOT_LOG_LEVEL" not in settings.raw and not args.verbose:
        settings = replace(settings, log_level="WARNING")  # answers, not start-up chatter, on the terminal
    configure_logging(settings, args.verbose)
    try:
        return int(args.func(args, settings) or 0)
    except ConfigError as err:
        print(f"briefbot: configuration error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
