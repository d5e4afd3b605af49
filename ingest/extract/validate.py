"""Checks every candidate must pass before it is stored, whichever extractor produced it.

Rules: the quote must occur in the source text (after collapsing whitespace);
every number a claim states must occur in its quote; names are resolved with
the gazetteer, and a name it does not know stays unresolved (model_id None),
so it can only ever become an unreviewed candidate, never a fact.
"""
from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .types import ModelRef

_WS = re.compile(r"\s+")
KINDS = ("benchmark_score", "comparison")
RELATIONS = ("beats", "matches", "trails")


def squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


def quote_in_source(quote: str, source: str) -> bool:
    q = squash(quote)
    return bool(q) and q in squash(source)


def number_in_quote(value_text: str, quote: str) -> bool:
    return bool(re.search(r"(?<![\d.])" + re.escape(value_text) + r"(?![\d])", quote))


def resolve_model(gaz: Gazetteer, name: str, vendor_hint: str | None = None) -> ModelRef:
    entry = gaz.lookup(name)
    if entry is not None and entry.kind == "model":
        return ModelRef(name, entry.id, entry.vendor_id)
    return ModelRef(name, None, vendor_hint)


def resolve_kind(gaz: Gazetteer, name: str | None, kind: str) -> str | None:
    if not name:
        return None
    entry = gaz.lookup(name)
    return entry.id if entry is not None and entry.kind == kind else None


def stated_date(date: str | None, quote: str, published: str | None, problems: list[str]) -> str | None:
    """A release date is kept only when its quote states it (absolute, or relative to the article's date)."""
    from .dates import find_dates
    if not date:
        return None
    if any(d.value == str(date) for d in find_dates(quote, published)):
        return str(date)
    problems.append(f"release date {str(date)[:20]!r} not stated in its quote: dropped")
    return None


def stated_conditions(conditions: str | None, quote: str, problems: list[str]) -> str | None:
    """Conditions are kept only when the quote says them."""
    if not conditions:
        return None
    if squash(str(conditions)).casefold() in squash(quote).casefold():
        return str(conditions)
    problems.append(f"conditions {str(conditions)[:40]!r} not in the quote: dropped")
    return None
