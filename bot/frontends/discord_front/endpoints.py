"""Where discord.py talks to: the REST base and the gateway URL.

DISCORD_API_URL and DISCORD_GATEWAY_URL (for REST and gateway proxies, and the
local fake Discord in tests) are applied by overwriting class attributes of
discord.py: `discord.http.Route.BASE` and `DiscordWebSocket.DEFAULT_GATEWAY`.
These are PROCESS-WIDE: every discord.py client in the process (there is one
in briefbot) uses them. `reset_endpoints` restores Discord's defaults.
"""
from __future__ import annotations

import logging
import re

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import INTERNAL_API_VERSION, Route

log = logging.getLogger(__name__)

DEFAULT_API_URL = f"https://discord.com/api/v{INTERNAL_API_VERSION}"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/"


def api_base(url: str) -> str:
    """'http://host:8080' or 'http://host:8080/api/v10' -> 'http://host:8080/api/v10'."""
    url = url.strip().rstrip("/")
    if not re.search(r"/api/v\d+$", url):
        url += f"/api/v{INTERNAL_API_VERSION}"
    return url


def apply_endpoints(api_url: str | None, gateway_url: str | None) -> None:
    if api_url:
        Route.BASE = api_base(api_url)
        log.info("Discord REST base is %s (process-wide)", Route.BASE)
    if gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url.strip())
        log.info("Discord gateway is %s (process-wide)", gateway_url)


def reset_endpoints() -> None:
    Route.BASE = DEFAULT_API_URL
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(DEFAULT_GATEWAY_URL)
