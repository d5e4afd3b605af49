"""Which names a benchmark catalog gives are safe to look for in running text, and how else they are written.

A catalog of benchmarks (OpenCompass's dataset index, EvalScope's lists) is read for one thing: the names of
benchmarks, so that a score an article or a launch table states on one of them is a score the record can keep
instead of a reading validation must drop (ingest.extract.validate keeps scores on known benchmarks only). Running
text must not find a benchmark where there is none, so a catalog name is read:
- as displayed, cut from its group ("SuperGLUE / BoolQ" is BoolQ) and without a parenthesised note
  ("DROP (DROP Simple Eval)", "NeedleBench V1 (Deprecated)", "BhashaBench-V1 (Legal)");
- not when it has no capital letter (`matbench`, `cmo_fib`): a code identifier, not a display name, and the
  lower-case ones are also plain words;
- not when it has three characters or fewer (RMB is also the yuan; CB, AX, C3): the record keeps short names only
  when a person added them;
- not when it is a phrase of plain words, hyphenated or not ("Government Report Dataset", "Needle-in-a-Haystack",
  "Competition-MATH"): running text says those without meaning the benchmark ("competition math"), and the
  gazetteer matches names whatever their case and separators;
- not when it is a prize (ARC Prize): articles name the organiser beside the figures of the benchmark it runs.
A "Plus" name is also written with "+" and the other way round ("MBPP-PLUS" is MBPP+, "HumanEval+" HumanEval Plus),
as launch tables write both.
"""
from __future__ import annotations

import re

from storage.resolve import name_key

_GROUP = re.compile(r".*\s/\s")
_NOTE = re.compile(r"\s*\([^()]*\)\s*")
_WORD = re.compile(r"[A-Z]?[a-z]+")
_PLAIN_WORD = re.compile(_WORD.pattern + r"|[A-Z]{4,}")
"""A word running text also writes in lower case: "Competition", "in", and, beside such words, "MATH"."""
_WORD_GAP = re.compile(r"[\s\-_]+")
_PLUS = re.compile(r"(?P<base>.*[A-Za-z0-9])(?:[\s\-_](?:PLUS|Plus)|\+)")


def display_name(raw: str) -> str | None:
    """The name running text uses for a catalog entry, or None when it cannot be found safely in running text."""
    name = _NOTE.sub(" ", _GROUP.sub("", raw)).strip()
    if not re.search(r"[A-Z]", name) or len(name_key(name)) <= 3 or name.endswith(" Prize"):
        return None
    words = _WORD_GAP.split(name)
    if len(words) > 1 and all(_PLAIN_WORD.fullmatch(w) for w in words) and any(_WORD.fullmatch(w) for w in words):
        return None
    return name


def plus_spellings(name: str) -> tuple[str, ...]:
    """The other ways a "Plus" benchmark is written: "MBPP-PLUS" -> ("MBPP+", "MBPP Plus")."""
    m = _PLUS.fullmatch(name)
    return tuple(s for s in (f"{m['base']}+", f"{m['base']} Plus") if s != name) if m else ()
