"""The slack-bolt AsyncApp factory: one app, listeners registered by function, nothing at import time.

Rules: the app gets the Web API client from bot.frontends.slack_front.client (base URL
from SLACK_API_URL, rate limits honoured); listeners run after the ack
(process_before_response=False), so slow work never delays Slack's 3 s ack.
The signing secret verifies HTTP-mode requests (Bolt answers 401 to a forged,
unsigned or stale one before any listener runs); Socket Mode needs none.
"""
from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from foundation.settings import Settings
from bot.core.context import Services
from bot.frontends.slack_front.client import client_for
from bot.frontends.slack_front.context import UserDirectory
from bot.frontends.slack_front.handlers import CoreRunner, register

log = logging.getLogger(__name__)


def build_app(settings: Settings, services: Services, client: AsyncWebClient | None = None, *,
              runner: CoreRunner | None = None) -> AsyncApp:
    """`runner` runs the core; pass one to own its worker thread (SlackFrontEnd does, and closes it)."""
    client = client or client_for(settings)
    app = AsyncApp(client=client, signing_secret=settings.slack_signing_secret or "",
                   process_before_response=False, name="briefbot",
                   logger=logging.getLogger("bot.frontends.slack_front.bolt"))
    register(app, services, runner=runner or CoreRunner(services), directory=UserDirectory(client),
             default_tz=settings.default_tz)
    return app
