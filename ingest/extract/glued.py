"""Tables flattened with nothing between their cells: "BenchmarkGemini 3.1 ProClaude Opus 4.6GPT-5.2" then
"ARC-AGI-277,1 %37,6 %54,2 %".

Some pages lose a table's markup entirely when stored as text: each row becomes one line with its cells glued
together. Such a row can still be read when every figure carries a unit, because the unit ends the cell.
Rules: a header is a line that splits, where a lower-case letter or a digit meets a capital, into an optional
corner word and then two or more model names and nothing else; a row under it is a label followed by exactly
one percentage (at most 100) per model; where the label and the first figure could part in more than one place
("ARC-AGI-2" + "77,1 %" or "ARC-AGI-27" + "7,1 %"), the label must be a benchmark the record knows, and the one
split that makes it so is taken (two such splits: the row is skipped); a label the record does not know
("SWE-Bench") is kept by its written name when it ends in no digit (so the split is plain) and the table's other
rows name benchmarks the record knows, as in pipe tables. Rows of prices, sizes or dates have no
percentages and are left alone. Lines are looked at only when the text has a figure glued to the next one
("%3"), so other texts pay one substring test.
"""
from __future__ import annotations

import re
from typing import Callable

_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_GLUE = re.compile(r"[a-z0-9)](?=[A-Z])|[" + _CJK + r"](?=[A-Za-z])|[0-9a-z)](?=[" + _CJK + r"])")
"""Where two glued cells meet: a lower case letter or digit before a capital ("4.5Opus"), or a change of script
("벤치마크Opus", "4.6변화")."""
_GLUED_FIGURES = re.compile(r"%\s?\d")
_PERCENT = r"(?:100|\d{1,2})(?:[.,]\d{1,2})?\s?%"
_MAX_MODELS = 8
_ROW_TAILS = {k: re.compile(r"(?:" + _PERCENT + r"\s*){" + str(k) + r"}$") for k in range(2, _MAX_MODELS + 1)}
_ONE = re.compile(_PERCENT)
_DELTA_TAIL = re.compile(r"(?<=%)\s*[+\-−±]\d{1,3}(?:[.,]\d{1,2})?\s?(?:pp|%|p\.p\.|points?)?$")
_BOUND_WORDS = {">": "more than", "＞": "more than", "≥": "at least", "<": "less than", "＜": "less than", "≤": "at most",
                "~": "approximate", "≈": "approximate"}


def applies(text: str) -> bool:
    """Cheap gate: a figure glued to the next one somewhere in the text."""
    return "%" in text and bool(_GLUED_FIGURES.search(text))


def header(line: str, model: Callable) -> list[tuple[str, str | None]]:
    """The models a glued header names, in order, or [] when the line is no such header."""
    if len(line) > 200 or "|" in line or not _GLUE.search(line):
        return []
    cuts = [0] + [m.end() for m in _GLUE.finditer(line)] + [len(line)]
    pieces = [line[a:b] for a, b in zip(cuts, cuts[1:])]
    found: list[tuple[str, str | None]] = []
    i = 0
    while i < len(pieces):
        j = next((j for j in range(len(pieces), i, -1) if model("".join(pieces[i:j]).strip())), None)
        if j is None:
            if i > 0:
                return []  # a corner word only before the first model
            i += 1
            continue
        name, model_id, _ = model("".join(pieces[i:j]).strip())
        found.append((name, model_id))
        i = j
    return found if len(found) >= 2 else []


def row(line: str, width: int, benchmark: Callable) -> tuple[tuple, list[tuple[float, str, str | None]]] | None:
    """(benchmark, [(value, as written, bound)]) for a glued row of `width` percentages, else None; the first cell may
    be a bound (">90%" is "more than")."""
    tail_pattern = _ROW_TAILS.get(width)
    if tail_pattern is None or "%" not in line:
        return None
    line = _DELTA_TAIL.sub("", line.strip())  # "…37.6%68.8%+31.2pp": the change column is no score
    tail = tail_pattern.search(line)
    if tail is None:
        return None
    found = []
    # the first figure may start one or two characters later ("ARC-AGI-277,1 %": "77,1" or "7,1")
    for shift in range(0, 3):
        start = tail.start() + shift
        values = _ONE.findall(line, start)
        if start >= len(line) or not line[start].isdigit() or len(values) != width or \
                "".join(values).replace(" ", "") != line[start:].replace(" ", ""):
            continue
        label = line[:start].strip()
        bound = _BOUND_WORDS.get(label[-1:]) if label else None
        label = label.rstrip("".join(_BOUND_WORDS)).strip()  # "ARC-AGI>90%": the first cell is a bound, not the name's
        bench = benchmark(label) if label else None
        if bench is not None and (bench[0] or not label[-1].isdigit()):
            found.append((bench, values, bound))
    known = [f for f in found if f[0][0]]
    if len(known) > 1 or not known and len(found) != 1:
        return None
    bench, values, bound = (known or found)[0]
    out = []
    for i, v in enumerate(values):
        raw = v.rstrip("% ").strip()
        out.append((float(raw.replace(",", ".")), raw, bound if i == 0 else None))
    return bench, out
