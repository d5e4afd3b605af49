"""User-facing errors: raised anywhere in the core, turned into a reply in one place.

A `BriefbotError` carries a message a user can act on and, where there is one,
the fix. Anything else that escapes a command is a bug: the dispatcher logs it
and answers a generic apology instead of a stack trace.
"""
from __future__ import annotations


class BriefbotError(Exception):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(BriefbotError):
    """The command line itself is malformed (CLI exits 2 on these)."""


class UnknownName(BriefbotError):
    """A model or vendor name that the record does not know, with suggestions."""


class PermissionDenied(BriefbotError):
    """The asker may not change this channel's settings."""
