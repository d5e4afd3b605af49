"""Checking a generated summary against the facts it was given.

Rule: every number, and every model or vendor name, in the text must occur in
the facts; anything else is treated as invented and the text is rejected. The
check is deliberately strict and simple (a false rejection costs a plainer
lead paragraph; a false acceptance puts an invented figure in front of a
channel). Names are found two ways: the record's own model and vendor names,
and any model-like token (letters with digits: "GPT-6", "K2.5", "o3"; or
CamelCase: "DeepSeek").
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MODEL_TOKEN = re.compile(r"(?<![\w-])(?=[\w.\-]*[A-Za-z])(?=[\w.\-]*\d)[A-Za-z0-9][\w.\-]*[A-Za-z0-9]")
_CAMEL = re.compile(r"(?<![\w-])[A-Z][a-z]+[A-Z][\w\-]*")
"""CamelCase words ("DeepSeek", "OpenAI", "MiniMax") are how AI vendors and models tend to be named."""


def numbers(text: str) -> set[float]:
    out = set()
    for token in _NUMBER.findall(text):
        try:
            out.add(float(token.replace(",", "")))
        except ValueError:  # pragma: no cover - the pattern only matches numbers
            continue
    return out


def _mentions(text_lower: str, name: str) -> bool:
    name = name.lower().strip()
    if len(name) < 3 or name not in text_lower:
        return False
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text_lower) is not None


def check(text: str, facts_text: str, known_names: Iterable[str] = ()) -> list[str]:
    """Problems found (empty when the text is grounded); each names the offending number or name."""
    problems: list[str] = []
    if not text.strip():
        return ["the text is empty"]
    allowed = numbers(facts_text)
    for value in sorted(numbers(text) - allowed):
        problems.append(f"the number {value:g} is not in the facts")
    facts_lower, text_lower = facts_text.lower(), text.lower()
    seen = set()
    for name in known_names:
        key = name.lower().strip()
        if key in seen:
            continue
        seen.add(key)
        if _mentions(text_lower, name) and not _mentions(facts_lower, name):
            problems.append(f"the name “{name}” is not in the facts")
    for token in dict.fromkeys(_MODEL_TOKEN.findall(text) + _CAMEL.findall(text)):
        if token.lower() not in facts_lower:
            problems.append(f"the name “{token}” is not in the facts")
    return problems


def check_digest(text: str, digest, facts: str, known_names: Iterable[str] = ()) -> list[str]:
    return check(text, facts, known_names)
