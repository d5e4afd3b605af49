"""briefbot's Slack front end (slack-bolt 1.30 / slack_sdk 3.48): slash commands, Block Kit, a sender.

Named `slack_front` so it cannot be confused with the `slack` packages.
Entry points: `build_front_end(settings, services)` (for `briefbot run`),
`build_app` (the AsyncApp with its listeners), `SlackSender` (used by the
outbox through the front end's `.sender`), `check_settings` / `auth_check`
(for `briefbot slack check`).
"""
from __future__ import annotations

from bot.frontends.slack_front.bolt_app import build_app
from bot.frontends.slack_front.client import SLACK_API_URL_DEFAULT, api_base_url, client_for, make_web_client
from bot.frontends.slack_front.front import SlackFrontEnd, SlackMode, auth_check, build_front_end, check_settings
from bot.frontends.slack_front.sender import SlackSender
from bot.frontends.slack_front.server import EVENTS_PATH, SlackHttpServer

__all__ = ["EVENTS_PATH", "SLACK_API_URL_DEFAULT", "SlackFrontEnd", "SlackHttpServer", "SlackMode", "SlackSender",
           "api_base_url", "auth_check", "build_app", "build_front_end", "check_settings", "client_for",
           "make_web_client"]
