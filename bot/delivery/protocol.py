"""The contract between the outbox and the platform senders (Slack, Discord, local sink).

The outbox decides *what* is sent and when; a sender only knows *how* to put one
rendered message on its platform. Senders classify failures so the outbox can
retry what may pass later and pause what never will.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from storage.delivery import Destination

from bot.core.reply import Reply


class SendError(Exception):
    """Base of sender failures; `reason` is the platform's error code or a short text."""

    def __init__(self, reason: str, detail: str | None = None):
        super().__init__(reason if detail is None else f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class RetryableSendError(SendError):
    """May pass later (429, 5xx, timeouts). `retry_after` seconds when the platform said so."""

    def __init__(self, reason: str, detail: str | None = None, retry_after: float | None = None):
        super().__init__(reason, detail)
        self.retry_after = retry_after


class PermanentSendError(SendError):
    """Will never pass as things are (channel_not_found, not_in_channel, missing access, invalid_auth):
    the outbox records it and pauses the destination instead of retrying."""


@dataclass(frozen=True)
class SendResult:
    message_id: str
    """The platform's id of the (last) message posted, e.g. Slack ts or Discord message id."""


class Sender(Protocol):
    platform: str

    async def send(self, destination: Destination, reply: Reply, idempotency_key: str) -> SendResult:
        """Post the reply (split into several messages if needed), tagged with the key so that
        `find_sent` can recognise it later (Slack message metadata, Discord nonce)."""
        ...

    async def find_sent(self, destination: Destination, idempotency_key: str) -> str | None:
        """After a crash mid-send: the message id if the platform already has a message with this key."""
        ...


class FrontEnd(Protocol):
    """A chat front end run by `briefbot run`: serves commands and provides a sender."""

    name: str
    sender: Sender

    async def start(self) -> None: ...

    async def stop(self) -> None: ...
