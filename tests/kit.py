"""The test kit: assertions every test may use (fixtures live in tests/conftest.py).

`assert_answered`: an answer, not an error, not the apology, and nothing logged
at ERROR while it was produced. `assert_not_apology`: odd input may be refused,
but never by the core's catch-all (which would hide a bug).
"""
from __future__ import annotations

import logging

from bot.core.reply import Reply
from bot.render.text import render_text

APOLOGY = "Something went wrong on my side"


def assert_not_apology(reply: Reply) -> None:
    text = render_text(reply)
    assert APOLOGY not in text, text


def assert_answered(reply: Reply, caplog=None) -> str:
    """The reply is a real answer; returns its text for further checks."""
    text = render_text(reply)
    assert not reply.is_error, text
    assert APOLOGY not in text, text
    if caplog is not None:
        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert not errors, errors
    return text
