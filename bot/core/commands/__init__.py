"""The command registry: every slash command the front ends offer, in one table.

Front ends (Slack, Discord, console) and the README help are checked against
this table by tests/test_consistency.py, so a command cannot exist in one place
only.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.reply import Reply
from bot.core.context import Context, Services

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


def lazy(target: str) -> Handler:
    """A handler named "module:function", imported on its first call, so listing commands (help, the
    Slack manifest check, Discord sync) and answering one command import only what that command needs."""
    module_name, _, func_name = target.partition(":")
    resolved: list[Handler] = []

    def handler(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
        if not resolved:
            import importlib
            resolved.append(getattr(importlib.import_module(module_name), func_name))
        return resolved[0](services, ctx, args)

    handler.__qualname__ = target
    return handler


SUBSCRIBE_USAGE = "/subscribe VENDOR|MODEL [here]"
UNSUBSCRIBE_USAGE = "/unsubscribe VENDOR|MODEL [here]"
DIGEST_USAGE = "/digest [preview|now|schedule DAY HH:MM TZ|off|WEEK]"
_HERE = "bot.core.commands."


def register_builtin() -> None:
    """The one table of commands: name, usage, what it answers, where its handler lives."""
    register(Command("compare", "/compare MODEL MODEL [MODEL MODEL]",
                     "Two to four models side by side: shared benchmarks, sources, head-to-head claims.",
                     lazy(_HERE + "compare:handle")))
    register(Command("model", "/model NAME", "One model: vendor, release, figures and claims.",
                     lazy(_HERE + "lookups:model_handle")))
    register(Command("releases", "/releases [VENDOR] [SINCE]",
                     "Recent releases, newest first; SINCE is a date, 30d, 6w or 2026-W05.",
                     lazy(_HERE + "lookups:releases_handle")))
    register(Command("claims", "/claims MODEL|VENDOR|WORDS [BENCHMARK]",
                     "What is claimed about a model or a vendor's models, with provenance; other words search "
                     "the claims' quotes.", lazy(_HERE + "lookups:claims_handle")))
    register(Command("digest", DIGEST_USAGE,
                     "This week's digest of releases, claims and benchmark moves; a past week with `/digest 2026-W05`.",
                     lazy(_HERE + "digest:handle")))
    register(Command("subscribe", SUBSCRIBE_USAGE,
                     "Alerts when a vendor or model ships a release or a new claim; `here` posts them in this channel.",
                     lazy(_HERE + "subscriptions:subscribe_handle"), changes_settings=True))
    register(Command("unsubscribe", UNSUBSCRIBE_USAGE, "Stop alerts for a vendor or model (`here`: this channel's).",
                     lazy(_HERE + "subscriptions:unsubscribe_handle"), changes_settings=True))
    register(Command("subscriptions", "/subscriptions [here]", "What you (and this channel) get alerts for.",
                     lazy(_HERE + "subscriptions:list_handle")))
    register(Command("brief", "/brief", "This help.", lazy(_HERE + "help:handle"), aliases=("help",)))
    # -- independent evidence (bot/core/commands/check_top.py) --
    register(Command("check", "/check MODEL",
                     "The claim ledger: each vendor claim beside its independent figure with a verdict, vendor "
                     "disagreements, and what nothing independent covers yet.", lazy(_HERE + "check_top:check_handle")))
    register(Command("top", "/top BENCHMARK [open] [N]",
                     "Best figure per model on one benchmark, like with like, with provenance and source; "
                     "`open` keeps open-weights models.", lazy(_HERE + "check_top:top_handle")))


DIGEST_CHANGES = ("now", "schedule", "off")


def is_lookup(line: str) -> bool:
    """True when a command line only reads (a share button makes sense); False when it changes a setting."""
    from bot.core.answer import ensure_registered
    from bot.core.parse import parse_command
    ensure_registered()
    parsed = parse_command(line)
    command = COMMANDS.get(parsed.name)
    if command is None or command.changes_settings:
        return False
    return not (parsed.name == "digest" and parsed.args and parsed.args[0].lower() in DIGEST_CHANGES)
