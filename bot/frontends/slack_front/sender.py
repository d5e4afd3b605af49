"""Posting digests and alerts to Slack channels and DMs (the outbox's Slack sender).

Rules: messages go out with slack_sdk's AsyncWebClient chat.postMessage. A 429
is first honoured by the client's rate-limit retry handler (it sleeps for
Retry-After and tries again); if Slack still refuses, or asks for a long wait,
the send fails as retryable with `retry_after`. 5xx answers and network errors
are retryable; channel_not_found, not_in_channel, is_archived, account_inactive,
invalid_auth, token_revoked and every other error code Slack gives for a
refused call are permanent, so the outbox pauses the destination instead of
retrying forever. A history that cannot be read (the bot posts with chat:write.public without
being a member, or lacks the history scope) counts as "nothing found". Posts are paced to at most one message per second per
channel. Every message carries metadata {event_type: briefbot_delivery,
event_payload: {key, part, parts}} so that `find_sent` can recognise a delivery
after a crash, in conversations.history. A reply split into several messages
is delivered when its last part is there; if only some parts are found, they
are remembered and a following `send` posts only the missing ones.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from storage.delivery import Destination

from bot.delivery.protocol import PermanentSendError, RetryableSendError, SendResult
from bot.render.slack_blocks import render_slack
from bot.core.reply import Reply
from bot.frontends.slack_front.client import retry_after_seconds

log = logging.getLogger(__name__)

EVENT_TYPE = "briefbot_delivery"
HISTORY_LIMIT = 50
MIN_INTERVAL = 1.0
"""Seconds between two posts to one channel (Slack allows about one message per second per channel)."""
PERMANENT_ERRORS = frozenset({
    "channel_not_found", "not_in_channel", "is_archived", "account_inactive", "invalid_auth", "token_revoked",
    "not_authed", "missing_scope", "restricted_action", "user_not_found", "user_disabled", "cannot_dm_bot",
    "team_access_not_granted", "ekm_access_denied", "no_permission", "invalid_blocks", "msg_too_long",
    "msg_blocks_too_long", "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large",
})
UNREADABLE_HISTORY = frozenset({"not_in_channel", "missing_scope"})
"""find_sent cannot look, but the channel may still accept posts."""
RETRYABLE_ERRORS = frozenset({"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable",
                              "request_timeout", "team_added_to_org"})


class SlackSender:
    platform = "slack"

    def __init__(self, client: AsyncWebClient, *, min_interval: float = MIN_INTERVAL,
                 clock: Callable[[], float] = time.monotonic):
        self.client = client
        self.min_interval = min_interval
        self.clock = clock
        self._last_post: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._dm_channels: dict[str, str] = {}
        self._found_parts: dict[tuple[str, str], dict[int, str]] = {}

    async def send(self, destination: Destination, reply: Reply, idempotency_key: str) -> SendResult:
        channel = await self._channel_id(destination)
        messages = render_slack(reply)
        already = self._found_parts.pop((destination.id, idempotency_key), {})
        last_ts = ""
        for part, body in enumerate(messages):
            if part in already:
                last_ts = already[part]
                continue
            metadata = {"event_type": EVENT_TYPE,
                        "event_payload": {"key": idempotency_key, "part": part, "parts": len(messages)}}
            async with self._lock(channel):
                await self._pace(channel)
                data = await self._call(destination, self.client.chat_postMessage(
                    channel=channel, text=body["text"], blocks=body["blocks"], metadata=metadata,
                    unfurl_links=False, unfurl_media=False))
                self._last_post[channel] = self.clock()
            last_ts = str(data.get("ts", ""))
        log.info("posted %s message(s) to slack destination %s", len(messages), destination.id)
        return SendResult(message_id=last_ts)

    async def find_sent(self, destination: Destination, idempotency_key: str) -> str | None:
        channel = await self._channel_id(destination)
        try:
            data = await self._call(destination, self.client.conversations_history(
                channel=channel, include_all_metadata=True, limit=HISTORY_LIMIT))
        except PermanentSendError as err:
            if err.reason not in UNREADABLE_HISTORY:
                raise
            # posting may still work (chat:write.public): let send() find out, at the risk of a repeat
            log.warning("cannot read the history of slack destination %s (%s): assuming nothing was sent",
                        destination.id, err.reason)
            return None
        found: dict[int, str] = {}
        parts = None
        for message in data.get("messages") or []:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") != EVENT_TYPE or payload.get("key") != idempotency_key:
                continue
            part = int(payload.get("part", 0))
            found.setdefault(part, str(message.get("ts", "")))
            parts = int(payload.get("parts", part + 1))
        if not found:
            return None
        if parts is not None and all(p in found for p in range(parts)):
            return found[parts - 1]
        log.warning("slack destination %s has %s of %s parts of delivery %s: the rest will follow",
                    destination.id, len(found), parts, idempotency_key)
        self._found_parts[(destination.id, idempotency_key)] = found
        return None

    # ---- helpers -------------------------------------------------------------------------------------
    def _lock(self, channel: str) -> asyncio.Lock:
        if channel not in self._locks:
            self._locks[channel] = asyncio.Lock()
        return self._locks[channel]

    async def _pace(self, channel: str) -> None:
        last = self._last_post.get(channel)
        if last is not None:
            wait = self.min_interval - (self.clock() - last)
            if wait > 0:
                await asyncio.sleep(wait)

    async def _channel_id(self, destination: Destination) -> str:
        """A channel id as is; a DM destination's target is a user id, whose DM is opened once."""
        if not destination.is_dm:
            return destination.target
        if destination.target not in self._dm_channels:
            data = await self._call(destination, self.client.conversations_open(users=destination.target))
            self._dm_channels[destination.target] = str((data.get("channel") or {}).get("id", ""))
        return self._dm_channels[destination.target]

    async def _call(self, destination: Destination, request):
        try:
            return await request
        except SlackApiError as err:
            raise classify(destination, err) from err
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError, SlackClientError) as err:
            raise RetryableSendError("network", f"{destination.id}: {err!r}") from err


def classify(destination: Destination, err: SlackApiError) -> RetryableSendError | PermanentSendError:
    response = err.response
    status = getattr(response, "status_code", 0) or 0
    data = response.data if response is not None and isinstance(response.data, dict) else {}
    code = data.get("error") or f"http_{status}"
    if status == 429 or code in ("ratelimited", "rate_limited"):
        wait = retry_after_seconds(getattr(response, "headers", None))
        log.warning("slack destination %s is rate limited (retry after %s s)", destination.id, wait)
        return RetryableSendError("rate_limited", destination.id, retry_after=wait)
    if status >= 500 or code in RETRYABLE_ERRORS:
        return RetryableSendError(code if data.get("error") else "server_error", f"{destination.id}: HTTP {status}")
    if code not in PERMANENT_ERRORS:
        log.warning("slack destination %s: unexpected error %s, treated as permanent", destination.id, code)
    log.error("slack destination %s refused a delivery: %s (permanent; the outbox pauses it)", destination.id, code)
    return PermanentSendError(code, destination.id)
