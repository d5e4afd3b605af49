"""Who is asking and may they change this channel: a Slack request into a core Context.

Rules: this module only translates Slack facts. A workspace admin or owner
(users.info is_admin / is_owner) is reported as `is_channel_admin`; a channel id
starting with D (or named "directmessage") is a DM. Who may change what, and
which destination a command means, are decided in bot.core.destinations.
users.info answers are cached for a few minutes per user; when users.info fails
(missing users:read scope, Slack down) the user is treated as a plain member,
never as an admin.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.context import Context

log = logging.getLogger(__name__)

USER_CACHE_SECONDS = 300.0


@dataclass(frozen=True)
class SlackUser:
    id: str
    is_admin: bool = False
    is_owner: bool = False
    tz: str | None = None
    """IANA zone from the user's Slack profile."""


class UserDirectory:
    """users.info with a short cache, so that a burst of commands costs one call per user."""

    def __init__(self, client: AsyncWebClient, ttl: float = USER_CACHE_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.client = client
        self.ttl = ttl
        self.clock = clock
        self._cache: dict[str, tuple[float, SlackUser | None]] = {}

    async def get(self, user_id: str) -> SlackUser | None:
        if not user_id:
            return None
        cached = self._cache.get(user_id)
        if cached and self.clock() - cached[0] < self.ttl:
            return cached[1]
        try:
            data = (await self.client.users_info(user=user_id)).get("user") or {}
            user = SlackUser(user_id, bool(data.get("is_admin")), bool(data.get("is_owner")), data.get("tz"))
        except SlackApiError as err:
            log.warning("users.info for %s failed (%s): treating them as a member", user_id,
                        err.response.get("error") if err.response is not None else err)
            user = None
        except Exception:
            log.exception("users.info for %s failed: treating them as a member", user_id)
            user = None
        self._cache[user_id] = (self.clock(), user)
        return user


def is_dm_channel(channel_id: str, channel_name: str | None = None) -> bool:
    return channel_name == "directmessage" or channel_id.startswith("D")


def build_context(*, team_id: str, channel_id: str, user_id: str, channel_name: str | None,
                  user: SlackUser | None, default_tz: str = "UTC") -> Context:
    is_dm = is_dm_channel(channel_id, channel_name)
    workspace_admin = bool(user and (user.is_admin or user.is_owner))
    return Context(platform="slack", workspace=team_id, channel=channel_id, user=user_id,
                   is_channel_admin=workspace_admin,
                   is_dm=is_dm, tz=(user.tz if user and user.tz else default_tz))
