"""`briefbot slack manifest` and `briefbot slack check`: set up and verify the Slack app.

`manifest` prints the shipped manifest.yml (Socket Mode), or with --url an HTTP-mode
variant whose commands and interactivity point at URL/slack/events. `check`
validates the Slack variables and calls auth.test: one line saying what works,
or which variable is wrong (exit 1).
"""
from __future__ import annotations

import asyncio
from importlib import resources

import click

from . import BadInput, db_option, pass_state


def manifest_text(url: str | None = None) -> str:
    text = resources.files("bot.frontends.slack_front").joinpath("manifest.yml").read_text(encoding="utf-8")
    if not url:
        return text
    import yaml
    data = yaml.safe_load(text)
    events = url.rstrip("/") + "/slack/events"
    for command in data["features"]["slash_commands"]:
        command["url"] = events
    data["settings"]["interactivity"]["request_url"] = events
    data["settings"]["socket_mode_enabled"] = False
    return "# briefbot Slack app manifest, HTTP mode\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@click.group()
def slack() -> None:
    """Slack app: print the manifest, check the configuration."""


@slack.command()
@click.option("--url", metavar="BASE_URL", help="HTTP mode: the public https base URL Slack should call (adds /slack/events)")
def manifest(url: str | None) -> int:
    """Print the Slack app manifest (paste it at api.slack.com/apps)."""
    if url and not url.startswith("https://"):
        raise BadInput("slack manifest: --url must start with https:// (Slack calls only https URLs)")
    click.echo(manifest_text(url), nl=False)
    return 0


@slack.command()
@db_option
@pass_state
def check(state) -> int:
    """Validate the Slack settings and call auth.test: one line."""
    from foundation.settings import ConfigError
    from bot.frontends.slack_front import api_base_url, auth_check, check_settings, client_for
    settings = state.settings
    try:
        mode = check_settings(settings)
    except ConfigError as err:
        click.echo(f"Slack: configuration error: {err}")
        return 1
    if mode is None:
        click.echo("Slack: not configured (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET; "
                   "see docs/slack.md)")
        return 1
    try:
        identity = asyncio.run(auth_check(client_for(settings), settings))
    except ConfigError as err:
        click.echo(f"Slack: configuration error: {err}")
        return 1
    except Exception as err:  # network trouble: say where we tried
        click.echo(f"Slack: cannot reach {api_base_url(settings)} ({type(err).__name__}: {err})")
        return 1
    click.echo(f"Slack OK: workspace {identity.get('team')} ({identity.get('team_id')}), bot @{identity.get('user')} "
               f"({identity.get('user_id')}), {mode.detail}")
    return 0


COMMANDS = (slack,)
