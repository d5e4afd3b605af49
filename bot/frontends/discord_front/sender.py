"""Posting digests and alerts to Discord channels and DMs (the outbox's Discord sender).

Rules: messages go through discord.py's HTTP layer, so its rate limiter handles
429s (it sleeps for `retry_after` and retries; only when the wait would exceed
the client's max_ratelimit_timeout does it give up, which becomes a retryable
error here). Each message carries a `nonce` derived from the idempotency key
with `enforce_nonce`, so Discord itself turns a resend within a few minutes into
the original message. A reply split into several messages gives each part its
own nonce; the *last* part carries the key's own nonce, so `find_sent` reports a
delivery only when the whole reply made it. Discord documents the nonce on the
create response and the gateway event, not on messages read back from history,
so the last part also shows a short reference in its footer ("ref 1a2b3c4d5e",
within the renderer's footer reserve) and `find_sent` matches either. Missing
access and unknown channels
are permanent (the outbox pauses the destination); 5xx and network failures may
pass later.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging

import aiohttp
import discord
from discord.http import Route

from storage.delivery import Destination

from bot.delivery.protocol import PermanentSendError, RetryableSendError, SendResult
from bot.render.discord_embeds import render_discord
from bot.core.reply import Reply

log = logging.getLogger(__name__)

NONCE_CHARS = 25
"""Discord accepts a string nonce of at most 25 characters."""
HISTORY_LIMIT = 50
REF_CHARS = 10


def reference_for(key: str) -> str:
    """The footer marker of a delivery; survives in channel history where the nonce may not."""
    return f"ref {nonce_for(key)[:REF_CHARS]}"


def _mark(embeds: list[dict], marker: str) -> None:
    last = embeds[-1]
    text = last.get("footer", {}).get("text", "")
    last["footer"] = {**last.get("footer", {}), "text": f"{text} · {marker}" if text else marker}


def nonce_for(key: str, index: int = 0, total: int = 1) -> str:
    base = key if index == total - 1 else f"{key}#part{index}"
    return hashlib.sha256(base.encode("utf-8")).hexdigest()[:NONCE_CHARS]


class DiscordSender:
    platform = "discord"

    def __init__(self, client: discord.Client):
        self.client = client
        self._dm_channels: dict[str, str] = {}

    def _http(self):
        if self.client.user is None or self.client.is_closed():
            raise RetryableSendError("not_connected", "the Discord client is not logged in")
        return self.client.http

    async def send(self, destination: Destination, reply: Reply, idempotency_key: str) -> SendResult:
        http = self._http()
        channel_id = await self._channel_id(destination)
        messages = render_discord(reply)
        last_id = ""
        if messages[-1]["embeds"]:
            _mark(messages[-1]["embeds"], reference_for(idempotency_key))
        for index, body in enumerate(messages):
            payload = {**body, "nonce": nonce_for(idempotency_key, index, len(messages)), "enforce_nonce": True,
                       "allowed_mentions": {"parse": []}}
            route = Route("POST", "/channels/{channel_id}/messages", channel_id=channel_id)
            data = await self._call(destination, http.request(route, json=payload))
            last_id = str(data["id"])
        log.info("posted %s message(s) to discord destination %s", len(messages), destination.id)
        return SendResult(message_id=last_id)

    async def find_sent(self, destination: Destination, idempotency_key: str) -> str | None:
        http = self._http()
        channel_id = await self._channel_id(destination)
        wanted, marker = nonce_for(idempotency_key), reference_for(idempotency_key)
        own_id = str(self.client.user.id) if self.client.user else None
        messages = await self._call(destination, http.logs_from(channel_id, HISTORY_LIMIT))
        for message in messages:
            if str(message.get("nonce")) == wanted:
                return str(message["id"])
            footers = [(e.get("footer") or {}).get("text", "") for e in message.get("embeds") or []]
            by_us = own_id is None or str((message.get("author") or {}).get("id")) == own_id
            if by_us and any(f == marker or f.endswith(" · " + marker) for f in footers):
                return str(message["id"])
        return None

    async def _channel_id(self, destination: Destination) -> str:
        """A channel id as is; a DM destination's target is a user id, whose DM channel is opened once."""
        if not destination.is_dm:
            return destination.target
        if destination.target not in self._dm_channels:
            data = await self._call(destination, self._http().start_private_message(int(destination.target)))
            self._dm_channels[destination.target] = str(data["id"])
        return self._dm_channels[destination.target]

    async def _call(self, destination: Destination, request):
        try:
            return await request
        except discord.Forbidden as err:
            raise PermanentSendError("missing_access", f"{destination.id}: {err.text or err}") from err
        except discord.NotFound as err:
            raise PermanentSendError("unknown_channel", f"{destination.id}: {err.text or err}") from err
        except discord.RateLimited as err:
            raise RetryableSendError("rate_limited", str(err), retry_after=err.retry_after) from err
        except discord.DiscordServerError as err:
            raise RetryableSendError("server_error", f"{err.status}: {err.text}") from err
        except discord.HTTPException as err:
            if err.status >= 500:
                raise RetryableSendError("server_error", f"{err.status}: {err.text}") from err
            if err.status == 429:  # e.g. a 429 without Discord's headers (a proxy): try later
                raise RetryableSendError("rate_limited", err.text) from err
            if err.status == 401:
                raise PermanentSendError("invalid_auth", err.text) from err
            raise PermanentSendError(f"http_{err.status}", f"{err.code}: {err.text}") from err
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as err:
            raise RetryableSendError("network", repr(err)) from err
