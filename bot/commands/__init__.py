"""The command registry: every slash command the front ends offer, in one table.

Front ends (Slack, Discord, console) and the README help are checked against
this table by tests/test_consistency.py, so a command cannot exist in one place
only.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..reply import Reply
from ..services import Context, Services

Handler = Callable[[Services, Context, tuple[str, ...]], Reply]


@dataclass(frozen=True)
class Command:
    name: str
    usage: str
    summary: str
    handler: Handler
    aliases: tuple[str, ...] = ()
    changes_settings: bool = False
    """Needs a channel admin when it targets the channel (front ends declare this too)."""


COMMANDS: dict[str, Command] = {}


def register(command: Command) -> None:
    COMMANDS[command.name] = command
    for alias in command.aliases:
        COMMANDS[alias] = command


def unique_commands() -> list[Command]:
    seen, out = set(), []
    for command in COMMANDS.values():
        if command.name not in seen:
            seen.add(command.name)
            out.append(command)
    return out


def register_builtin() -> None:
    from . import compare, digest, evidence, help as help_cmd, lookups, subscriptions
    register(Command("compare", "/compare MODEL MODEL [MODEL MODEL]",
                     "Two to four models side by side: shared benchmarks, sources, head-to-head claims.",
                     compare.handle))
    register(Command("model", "/model NAME", "One model: vendor, release, figures and claims.", lookups.model_handle))
    register(Command("releases", "/releases [VENDOR] [SINCE]",
                     "Recent releases, newest first; SINCE is a date, 30d, 6w or 2026-W05.", lookups.releases_handle))
    register(Command("claims", "/claims MODEL|VENDOR|WORDS [BENCHMARK]",
                     "What is claimed about a model or a vendor's models, with provenance; other words search "
                     "the claims' quotes.", lookups.claims_handle))
    register(Command("brief", "/brief", "This help.", help_cmd.handle, aliases=("help",)))
    for module in (digest, subscriptions):
        module.register_commands(register, Command)
    evidence.register_commands(register, Command)  # /check, /top
