"""/brief (alias /help): what the bot can do, generated from the command registry."""
from __future__ import annotations

from bot.core.reply import Reply, Section
from bot.core.context import Context, Services


def handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    from bot.core.commands import unique_commands
    items = tuple(f"`{c.usage}` — {c.summary}" for c in unique_commands())
    return Reply(
        title="briefbot: sourced facts on the AI model race",
        sections=(
            Section(text="Every figure comes with its source and whether it is a vendor claim, "
                         "independently measured or disputed."),
            Section(heading="Commands", items=items),
            Section(heading="Examples", items=("`/compare qwen3-max opus-4.5`", "`/model kimi-k2.5`",
                                               "`/claims moonshot`", "`/releases alibaba 2026-01-01`")),
        ),
        kind="help",
    )
