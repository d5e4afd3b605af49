"""Turning a chat command line into a command name and arguments.

Chat clients mangle input: Slack turns quotes into curly quotes, people paste
stray backticks, leave quotes unbalanced or type 4,000 characters. Parsing never
raises on any of that: it returns what it could read, and the command decides
whether that is enough.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_INPUT_CHARS = 1000
MAX_ARG_CHARS = 100
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'",
                         "\u00ab": '"', "\u00bb": '"', "`": " "})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class CommandLine:
    name: str
    """Lower-case command name without the slash; '' when the line was empty."""
    args: tuple[str, ...]
    raw: str
    truncated: bool = False
    """The input was longer than MAX_INPUT_CHARS and was cut before parsing."""


def split_args(text: str) -> list[str]:
    """Whitespace-separated words; "double" or 'single' quotes group words; unbalanced quotes close at the end."""
    args, current, quote, started = [], [], None, False
    for ch in text:
        if quote:
            if ch == quote:
                quote = None
            else:
                current.append(ch)
        elif ch in "\"'" and not current:
            quote, started = ch, True
        elif ch.isspace():
            if current or started:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(ch)
    if current or started:
        args.append("".join(current))
    return [a.strip() for a in args if a.strip()]


def parse_command(text: str, default: str = "") -> CommandLine:
    raw = text or ""
    cleaned = unicodedata.normalize("NFKC", raw).translate(_QUOTES)
    cleaned = _CONTROL.sub(" ", cleaned).strip()
    truncated = len(cleaned) > MAX_INPUT_CHARS
    cleaned = cleaned[:MAX_INPUT_CHARS]
    words = split_args(cleaned)
    if words and words[0].startswith("/"):
        name, args = words[0][1:].lower(), words[1:]
    elif default:
        name, args = default, words
    elif words:
        name, args = words[0].lower(), words[1:]
    else:
        name, args = "", []
    return CommandLine(name=name, args=tuple(args), raw=raw, truncated=truncated)
