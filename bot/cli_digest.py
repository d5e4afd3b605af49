"""`briefbot digest`: preview a weekly digest in any of the four formats.

Slack and Discord formats print the JSON message bodies (one list, in sending
order) that a user can paste into Block Kit Builder or post to a webhook.
Exit codes: 0 ok, 1 a renderer is missing, 2 bad input (week, zone, name).
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys

from .app import build_services
from .config import Settings
from .digest_reply import digest_reply_for
from .errors import BriefbotError

FORMATS = {"text": ("bot.render.text", "render_text"), "markdown": ("bot.render.markdown", "render_markdown"),
           "slack": ("bot.render.slack_blocks", "render_slack"),
           "discord": ("bot.render.discord_embeds", "render_discord")}


def add_parsers(sub) -> None:
    p = sub.add_parser("digest", help="preview a weekly digest (text, markdown, slack or discord JSON)")
    p.add_argument("--week", help="ISO week such as 2026-W05 (default: the current week in --tz)")
    p.add_argument("--format", choices=sorted(FORMATS), default="text")
    p.add_argument("--vendor", action="append", default=[], metavar="NAME", help="only these vendors (repeatable)")
    p.add_argument("--model", action="append", default=[], metavar="NAME", help="only these models (repeatable)")
    p.add_argument("--kind", action="append", default=[], metavar="KIND",
                   help="only these claim kinds: benchmark_score, comparison, capability, availability, pricing")
    p.add_argument("--tz", help="IANA time zone of the week (default: $BRIEFBOT_TZ or UTC)")
    p.add_argument("--destination", default="", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_digest)


def load_renderer(fmt: str):
    """The renderer function, or None when its module is not part of this build."""
    module_name, func = FORMATS[fmt]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name == module_name:
            return None
        raise
    return getattr(module, func, None)


def cmd_digest(args, settings: Settings) -> int:
    render = load_renderer(args.format)
    if render is None:
        print(f"briefbot digest: the {args.format} renderer ({FORMATS[args.format][0]}) is not available in this "
              "build; try --format text or --format markdown.", file=sys.stderr)
        return 1
    services = build_services(settings)
    try:
        filters = _filters(services, args)
        reply = digest_reply_for(services, week=args.week, tz=args.tz or settings.default_tz, filters=filters,
                                 destination_id=args.destination, settings=settings)
    except BriefbotError as err:
        print(f"briefbot digest: {err.message}" + (f"\n{err.hint}" if err.hint else ""), file=sys.stderr)
        return 2
    out = render(reply)
    if isinstance(out, str):
        print(out, end="" if out.endswith("\n") else "\n")
    else:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def _filters(services, args) -> dict:
    from .commands.common import resolve_model
    from .errors import UnknownName
    vendors = []
    for name in args.vendor:
        vendor_id = services.resolver.resolve_vendor(name)
        if vendor_id is None:
            suggestions = services.resolver.suggest_vendors(name)
            raise UnknownName(f"I don't know a vendor called “{name}”.",
                              ("Did you mean " + ", ".join(suggestions) + "?") if suggestions else None)
        vendors.append(vendor_id)
    models = [resolve_model(services, name).id for name in args.model]
    return {"vendors": vendors, "models": models, "kinds": list(args.kind)}
