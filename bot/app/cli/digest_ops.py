"""`briefbot digest`: preview a weekly digest in any of the four formats.

Slack and Discord formats print the JSON message bodies (one list, in sending
order) that a user can paste into Block Kit Builder or post to a webhook.
Exit codes: 0 ok, 2 bad input (week, zone, name).
"""
from __future__ import annotations

import click

from . import BadInput, db_option, pass_state
from .record_ops import FORMATS


@click.command()
@click.option("--week", help="ISO week such as 2026-W05 (default: the current week in --tz)")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text")
@click.option("--vendor", "vendors", multiple=True, metavar="NAME", help="only these vendors (repeatable)")
@click.option("--model", "models", multiple=True, metavar="NAME", help="only these models (repeatable)")
@click.option("--kind", "kinds", multiple=True, metavar="KIND",
              help="only these claim kinds: benchmark_score, comparison, capability, availability, pricing")
@click.option("--tz", help="IANA time zone of the week (default: $BRIEFBOT_TZ or UTC)")
@click.option("--destination", default="", hidden=True)
@db_option
@pass_state
def digest(state, week, fmt, vendors, models, kinds, tz, destination) -> int:
    """Preview a weekly digest (text, markdown, slack or discord JSON)."""
    from bot.app.services import build_services
    from bot.core.digest_reply import digest_reply_for
    from bot.core.errors import BriefbotError
    from bot.core.commands.common import digest_filters
    from bot.render import render_as
    settings = state.settings
    services = build_services(settings)
    try:
        filters = digest_filters(services, vendors, models, kinds)
        reply = digest_reply_for(services, week=week, tz=tz or settings.default_tz, filters=filters,
                                 destination_id=destination, settings=settings)
    except BriefbotError as err:
        raise BadInput(f"digest: {err.message}" + (f"\n{err.hint}" if err.hint else "")) from None
    click.echo(render_as(reply, fmt), nl=False)
    return 0


COMMANDS = (digest,)
