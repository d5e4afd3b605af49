"""The application commands: each builds the equivalent command line and asks the core.

Rules: no command logic here beyond naming options and deciding who may change a
channel. `/digest` is channel configuration, so it is declared with
`default_permissions(manage_channels=True)` (Discord hides it from other members
unless a server admin changes that under Server Settings > Integrations) and
its schedule/now/off actions are checked again at run time. `/subscribe` and
`/unsubscribe` are open to everyone for personal (DM) alerts; `where: here`
needs Manage Server or Manage Channels, checked at run time. Discord's default
permissions are a bit set a member must hold in full, so the declaration names
Manage Channels only; the run-time check accepts either permission.
"""
from __future__ import annotations

import logging
import zoneinfo
from functools import lru_cache

import discord
from discord import app_commands

from bot.core.reply import error_reply
from bot.frontends.discord_front import suggest
from bot.frontends.discord_front.respond import Responder, command_line

log = logging.getLogger(__name__)

DIGEST_ACTIONS = [app_commands.Choice(name=n, value=n) for n in ("preview", "now", "schedule", "off")]
DAYS = [app_commands.Choice(name=n, value=n[:3].lower()) for n in
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")] + [
        app_commands.Choice(name="Every day", value="daily")]
WHERE = [app_commands.Choice(name="me (direct messages)", value="me"),
         app_commands.Choice(name="here (this channel)", value="here")]


@lru_cache(maxsize=1)
def _zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


class BriefbotTree(app_commands.CommandTree):
    """Turns option and dispatch errors into a helpful ephemeral answer, never silence."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.TransformerError):
            allowed = _allowed_values(interaction, error.value)
            reply = error_reply(f"“{str(error.value)[:80]}” is not a valid value for this option.",
                                f"Pick one of: {allowed}." if allowed else "Pick one of the values Discord suggests.")
        elif isinstance(error, app_commands.CommandNotFound):
            reply = error_reply(f"/{error.name} is not a command this bot knows (any more).",
                                "Try /brief for the list; an admin can refresh commands with `briefbot discord sync`.")
        else:
            log.error("discord command failed", exc_info=error)
            reply = error_reply("Something went wrong on my side while answering that.",
                                "It has been logged. Try again, or /brief for help.")
        responder = getattr(self.client, "responder", None)
        if responder is not None:
            await responder.send(interaction, reply, ephemeral=True)


def _allowed_values(interaction: discord.Interaction, value: object) -> str:
    """The choices of the option that received `value` (found in the interaction's options)."""
    command = interaction.command
    if not isinstance(command, app_commands.Command):
        return ""
    given = {o.get("name"): o.get("value") for o in (interaction.data or {}).get("options", [])}
    params = [p for p in command.parameters if p.choices and p.name in given and given[p.name] == value]
    params = params or [p for p in command.parameters if p.choices]
    return "; ".join(f"{p.display_name}: " + ", ".join(c.name for c in p.choices) for p in params)


def _choices(pairs: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=name, value=value) for name, value in pairs][:suggest.MAX_CHOICES]


def register_commands(tree: app_commands.CommandTree, responder: Responder) -> None:
    services = responder.services

    async def _suggest(func, current: str) -> list[app_commands.Choice[str]]:
        try:
            return _choices(await responder.run(func, services, current))
        except Exception:
            log.exception("autocomplete failed for %r", current[:100])
            return []

    async def model_choices(interaction: discord.Interaction, current: str):
        return await _suggest(suggest.models, current)

    async def vendor_choices(interaction: discord.Interaction, current: str):
        return await _suggest(suggest.vendors, current)

    async def subject_choices(interaction: discord.Interaction, current: str):
        return await _suggest(suggest.models_or_vendors, current)

    async def benchmark_choices(interaction: discord.Interaction, current: str):
        return await _suggest(suggest.benchmarks, current)

    async def zone_choices(interaction: discord.Interaction, current: str):
        key = (current or "").lower().replace(" ", "_")
        zones = [z for z in _zones() if key in z.lower()]
        zones.sort(key=lambda z: (not z.lower().startswith(key), not z.lower().split("/")[-1].startswith(key), z))
        return [app_commands.Choice(name=z, value=z) for z in zones[:suggest.MAX_CHOICES]]

    @tree.command(name="compare", description="Two to four models side by side, every figure with its source.")
    @app_commands.describe(model_a="First model", model_b="Second model", model_c="Third model (optional)",
                           model_d="Fourth model (optional)")
    @app_commands.autocomplete(model_a=model_choices, model_b=model_choices, model_c=model_choices,
                               model_d=model_choices)
    async def compare(interaction: discord.Interaction, model_a: str, model_b: str,
                      model_c: str | None = None, model_d: str | None = None):
        await responder.command(interaction, command_line("compare", model_a, model_b, model_c, model_d))

    @tree.command(name="model", description="One model: vendor, release, figures and claims.")
    @app_commands.describe(name="Model name")
    @app_commands.autocomplete(name=model_choices)
    async def model(interaction: discord.Interaction, name: str):
        await responder.command(interaction, command_line("model", name))

    @tree.command(name="releases", description="Recent releases, newest first.")
    @app_commands.describe(vendor="Only this vendor", since="A date (2026-01-01), 30d, 6w or 2026-W05")
    @app_commands.autocomplete(vendor=vendor_choices)
    async def releases(interaction: discord.Interaction, vendor: str | None = None, since: str | None = None):
        await responder.command(interaction, command_line("releases", vendor, since))

    @tree.command(name="claims", description="What is claimed about a model or a vendor's models, with provenance.")
    @app_commands.describe(name="Model or vendor", benchmark="Only this benchmark")
    @app_commands.autocomplete(name=subject_choices, benchmark=benchmark_choices)
    async def claims(interaction: discord.Interaction, name: str, benchmark: str | None = None):
        await responder.command(interaction, command_line("claims", name, benchmark))

    @tree.command(name="digest", description="This channel's weekly digest: preview, post now, schedule or turn off.")
    @app_commands.describe(action="What to do", week="Week to preview, e.g. 2026-W05", day="Schedule: day",
                           time="Schedule: time of day, e.g. 09:00", timezone="Schedule: IANA time zone, e.g. Europe/London")
    @app_commands.choices(action=DIGEST_ACTIONS, day=DAYS)
    @app_commands.autocomplete(timezone=zone_choices)
    @app_commands.default_permissions(manage_channels=True)
    async def digest(interaction: discord.Interaction, action: app_commands.Choice[str], week: str | None = None,
                     day: app_commands.Choice[str] | None = None, time: str | None = None,
                     timezone: str | None = None):
        if action.value == "preview":
            line = command_line("digest", "preview", week)
        elif action.value == "schedule":
            line = command_line("digest", "schedule", day.value if day else None, time, timezone)
        else:
            line = command_line("digest", action.value)
        await responder.command(interaction, line, ephemeral=action.value == "preview")

    @tree.command(name="subscribe", description="Alerts about a vendor or model, by DM or in this channel.")
    @app_commands.describe(target="Vendor or model", where="me (DM, default) or here (this channel; needs Manage Channels)")
    @app_commands.autocomplete(target=subject_choices)
    @app_commands.choices(where=WHERE)
    async def subscribe(interaction: discord.Interaction, target: str, where: app_commands.Choice[str] | None = None):
        here = where is not None and where.value == "here"
        await responder.command(interaction, command_line("subscribe", target, "here" if here else None))

    @tree.command(name="unsubscribe", description="Stop alerts about a vendor or model.")
    @app_commands.describe(target="Vendor or model", where="me (DM, default) or here (this channel)")
    @app_commands.autocomplete(target=subject_choices)
    @app_commands.choices(where=WHERE)
    async def unsubscribe(interaction: discord.Interaction, target: str, where: app_commands.Choice[str] | None = None):
        here = where is not None and where.value == "here"
        await responder.command(interaction, command_line("unsubscribe", target, "here" if here else None))

    @tree.command(name="subscriptions", description="Your alert subscriptions, or this channel's.")
    @app_commands.describe(where="me (default) or here (this channel)")
    @app_commands.choices(where=WHERE)
    async def subscriptions(interaction: discord.Interaction, where: app_commands.Choice[str] | None = None):
        here = where is not None and where.value == "here"
        await responder.command(interaction, command_line("subscriptions", "here" if here else None))

    # -- evidence: the claim ledger and like-with-like leaderboards (bot/core/commands/check_top.py) --
    @tree.command(name="check", description="Each vendor claim about a model beside its independent figure, with a verdict.")
    @app_commands.describe(name="Model name")
    @app_commands.autocomplete(name=model_choices)
    async def check(interaction: discord.Interaction, name: str):
        await responder.command(interaction, command_line("check", name))

    @tree.command(name="top", description="Best figure per model on one benchmark, like with like.")
    @app_commands.describe(benchmark="Benchmark", open_weights="Only open-weights models", count="How many (1-50)")
    @app_commands.autocomplete(benchmark=benchmark_choices)
    async def top(interaction: discord.Interaction, benchmark: str, open_weights: bool = False,
                  count: app_commands.Range[int, 1, 50] | None = None):
        await responder.command(interaction, command_line("top", benchmark, "open" if open_weights else None,
                                                          str(count) if count else None))

    @tree.command(name="brief", description="What briefbot does and how to ask it.")
    async def brief(interaction: discord.Interaction):
        await responder.command(interaction, "/brief")


APP_COMMANDS = ("compare", "model", "releases", "claims", "digest", "subscribe", "unsubscribe", "subscriptions", "brief",
                "check", "top")
"""The names registered above, for consistency tests against bot.core.commands."""
