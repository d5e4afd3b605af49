"""/subscribe, /unsubscribe and /subscriptions: vendor alerts for a person or a channel.

Rules: without "here" a subscription belongs to the asker's DM destination
(platform, workspace, user) and anyone may make one; with "here" it belongs to
the channel and needs a channel admin (or a bot admin), like every command
that changes a channel's settings. A name is tried as a vendor first, then as
a model; an unknown one is answered with suggestions, never guessed.
"""
from __future__ import annotations

from foundation.clock import stamp
from storage.delivery import subscribe, subscriptions_for, unsubscribe

from bot.core import destinations
from bot.core.commands import SUBSCRIBE_USAGE, UNSUBSCRIBE_USAGE
from bot.core.errors import UnknownName, UsageError
from bot.core.reply import Reply, Section
from bot.core.context import Context, Services




def _split(args: tuple[str, ...], usage: str) -> tuple[str, bool]:
    words = [a for a in args if a.strip()]
    here = bool(words) and words[-1].lower() == "here"
    if here:
        words = words[:-1]
    name = " ".join(words).strip()
    if not name:
        raise UsageError("Name a vendor or a model to follow.", f"Usage: `{usage}`, e.g. `/subscribe openai`.")
    if len(name) > 100:
        raise UsageError("That name is too long (over 100 characters).", f"Usage: `{usage}`.")
    return name, here


def _target(services: Services, name: str) -> tuple[str, str, str]:
    """(kind, id, display name) for a vendor or a model."""
    vendor_id = services.resolver.resolve_vendor(name)
    if vendor_id:
        vendor = services.store.vendor(vendor_id)
        return "vendor", vendor_id, vendor.name if vendor else vendor_id
    resolution = services.resolver.resolve(name)
    if resolution.ok:
        model = services.store.model(resolution.model_id)
        return "model", resolution.model_id, model.name if model else resolution.model_id
    suggestions = [*services.resolver.suggest_vendors(name), *resolution.candidates, *resolution.suggestions][:6]
    if suggestions:
        raise UnknownName(f"I don't know a vendor or model called “{name}”. Did you mean: "
                          + ", ".join(f"`{s}`" for s in suggestions) + "?",
                          "Subscribe with one of those names, e.g. " + f"`/subscribe {suggestions[0]}`.")
    raise UnknownName(f"I don't know a vendor or model called “{name}”, and nothing in the record is close.",
                      "Try `/releases` to see vendors and models, or check the spelling.")


def _destination(services: Services, ctx: Context, here: bool) -> str:
    place = destinations.chosen(ctx, here)
    destinations.require_change(services, ctx, place, "change this channel's alerts")
    return destinations.ensure(services, ctx, place).id


def _where(here: bool) -> str:
    return "this channel" if here else "your DMs"


def _where_title(here: bool) -> str:
    return "This channel" if here else "Your DMs"


def subscribe_handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    name, here = _split(args, SUBSCRIBE_USAGE)
    kind, target_id, display = _target(services, name)
    dest = _destination(services, ctx, here)
    now = stamp(services.clock())
    new = subscribe(services.store, dest, kind, target_id, f"{ctx.platform}:{ctx.user}", now)
    text = (f"{_where_title(here)} will get alerts for {display} ({kind}) releases and claims, batched every "
            f"few minutes." if new else f"{_where_title(here)} already {'gets' if here else 'get'} alerts for {display}.")
    return Reply(title=f"Subscribed to {display}" if new else f"Already subscribed to {display}",
                 sections=(Section(text=text),),
                 footnotes=(f"Stop with `/unsubscribe {target_id}{' here' if here else ''}`.",))


def unsubscribe_handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    name, here = _split(args, UNSUBSCRIBE_USAGE)
    kind, target_id, display = _target(services, name)
    place = destinations.chosen(ctx, here)
    destinations.require_change(services, ctx, place, "change this channel's alerts")
    if not unsubscribe(services.store, place.id, kind, target_id):
        return Reply(title=f"Not subscribed to {display}",
                     sections=(Section(text=f"{_where_title(here)} had no alerts for {display}."),),
                     footnotes=("`/subscriptions` lists what you follow.",))
    return Reply(title=f"Unsubscribed from {display}",
                 sections=(Section(text=f"No more alerts for {display} in {_where(here)}."),))


def list_handle(services: Services, ctx: Context, args: tuple[str, ...]) -> Reply:
    store = services.store
    sections = []
    words = [a.lower() for a in args if a.strip()]
    if words not in ([], ["here"]):
        raise UsageError(f"`/subscriptions` takes nothing or `here` (got “{' '.join(args)[:60]}”).",
                         "`/subscriptions` lists yours and this channel's; `/subscriptions here` only this channel's.")
    if ctx.platform == destinations.CONSOLE:
        places = [("This console", destinations.personal(ctx).id)]
    elif words == ["here"]:
        places = [("This channel", destinations.channel(ctx).id)]
    else:
        places = [("Your DMs", destinations.personal(ctx).id)]
        if not ctx.is_dm:
            places.append(("This channel", destinations.channel(ctx).id))
    for label, dest in places:
        subs = subscriptions_for(store, dest)
        items = tuple(f"{s.target_id} ({s.target_kind})" for s in subs)
        sections.append(Section(heading=label, items=items, text=None if items else "Nothing yet."))
    return Reply(title="Your alert subscriptions", sections=tuple(sections),
                 footnotes=(f"Add with `{SUBSCRIBE_USAGE}`; remove with `{UNSUBSCRIBE_USAGE}`.",))
