"""What a command needs to answer, built once by the composition root.

Commands receive a `Services` and a `Context` (who asks, where) and never build
a store or read settings themselves.
"""
from __future__ import annotations

from foundation.clock import utc_now
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from storage import Store
from storage.resolve import Resolver


@dataclass
class Services:
    store: Store
    resolver: Resolver
    admins: frozenset[str] = frozenset()
    """Platform user ids (e.g. "slack:U123", "discord:42") allowed to change channel settings."""
    clock: Callable[[], datetime] = utc_now
    summarizer: object | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def for_store(cls, store: Store, **kwargs) -> "Services":
        return cls(store=store, resolver=Resolver(store), **kwargs)


@dataclass(frozen=True)
class Context:
    """Who is asking and where; front ends fill it from the platform request."""

    platform: str = "console"
    workspace: str = ""
    channel: str = "console"
    user: str = "local"
    is_channel_admin: bool = False
    """The front end's answer to "may this user change this channel's settings?"."""
    is_dm: bool = False
    tz: str = "UTC"
