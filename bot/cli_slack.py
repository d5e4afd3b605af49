"""`briefbot slack manifest` and `briefbot slack check`: set up and verify the Slack app.

`manifest` prints slack/manifest.yml (Socket Mode), or with --url an HTTP-mode
variant whose commands and interactivity point at URL/slack/events. `check`
validates the Slack variables and calls auth.test: one line saying what works,
or which variable is wrong (exit 1).
"""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import yaml

from .config import ConfigError, Settings

MANIFEST = Path(__file__).resolve().parent.parent / "slack" / "manifest.yml"


def add_parsers(sub) -> None:
    p = sub.add_parser("slack", help="Slack app: print the manifest, check the configuration")
    slack_sub = p.add_subparsers(dest="slack_command", metavar="ACTION")
    m = slack_sub.add_parser("manifest", help="print the Slack app manifest (paste it at api.slack.com/apps)")
    m.add_argument("--url", metavar="BASE_URL",
                   help="HTTP mode: the public https base URL Slack should call (adds /slack/events)")
    m.set_defaults(func=cmd_manifest)
    c = slack_sub.add_parser("check", help="validate the Slack settings and call auth.test")
    c.set_defaults(func=cmd_check)
    p.set_defaults(func=lambda args, settings: (p.print_help(), 2)[1])


def manifest_text(url: str | None = None) -> str:
    text = MANIFEST.read_text(encoding="utf-8")
    if not url:
        return text
    data = yaml.safe_load(text)
    events = url.rstrip("/") + "/slack/events"
    for command in data["features"]["slash_commands"]:
        command["url"] = events
    data["settings"]["interactivity"]["request_url"] = events
    data["settings"]["socket_mode_enabled"] = False
    return "# briefbot Slack app manifest, HTTP mode\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def cmd_manifest(args, settings: Settings) -> int:
    if args.url and not args.url.startswith("https://"):
        print("briefbot slack manifest: --url must start with https:// (Slack calls only https URLs)", file=sys.stderr)
        return 2
    print(manifest_text(args.url), end="")
    return 0


def cmd_check(args, settings: Settings) -> int:
    from .slack_front import api_base_url, auth_check, check_settings, client_for
    try:
        mode = check_settings(settings)
    except ConfigError as err:
        print(f"Slack: configuration error: {err}")
        return 1
    if mode is None:
        print("Slack: not configured (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET; "
              "see docs/slack.md)")
        return 1
    try:
        identity = asyncio.run(auth_check(client_for(settings), settings))
    except ConfigError as err:
        print(f"Slack: configuration error: {err}")
        return 1
    except Exception as err:  # network trouble: say where we tried
        print(f"Slack: cannot reach {api_base_url(settings)} ({type(err).__name__}: {err})")
        return 1
    print(f"Slack OK: workspace {identity.get('team')} ({identity.get('team_id')}), bot @{identity.get('user')} "
          f"({identity.get('user_id')}), {mode.detail}")
    return 0
