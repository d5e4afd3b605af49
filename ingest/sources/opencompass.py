"""OpenCompass's dataset index: a catalog of the benchmarks one evaluation platform runs (name, category, paper).

Published in `open-compass/opencompass` as `dataset-index.yml`, a list of one-key mappings
(`- ifeval: {name: IFEval, category: ..., paper: ..., configpath: ...}`). It is read for one
thing: the names of benchmarks, so that a score a launch table or an article states on one of
them ("HumanEval+", "WildBench", "OlympiadBench") is a score the record can keep instead of a
reading it must drop (ingest.extract.validate keeps scores on known benchmarks only).

Which names are read, and why (running text must not find a benchmark where there is none):
- the name as displayed, cut from its group ("SuperGLUE / BoolQ" is BoolQ) and without a
  parenthesised note ("DROP (DROP Simple Eval)", "NeedleBench V1 (Deprecated)");
- not a name with no capital letter (`matbench`, `cmo_fib`): a code identifier, not a display
  name, and the lower-case ones are also plain words;
- not a name of three characters or fewer (RMB is also the yuan, CB, AX, C3): the record keeps
  short names only when a person added them;
- not a phrase of plain words ("Government Report Dataset", "Anthropics Evals"): running text
  says those without meaning the benchmark;
- not a prize (ARC Prize): articles name the organiser beside the figures of the benchmark it runs;
- a "Plus" name is also written with "+" and the other way round ("MBPP-PLUS" is MBPP+, "HumanEval+" HumanEval
  Plus), as launch tables write both;
- a name listed twice (the index names its piqa entry "OpenBookQA" too) is the first entry's.
A category of bits per character is lower-is-better; every other entry is a score where
higher is better, which is what the record assumes of a benchmark.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import yaml

from storage.resolve import name_key

from .base import BenchmarkEntry, ShapeError, decode_text

_GROUP = re.compile(r".*\s/\s")
_NOTE = re.compile(r"\s*\([^()]*\)\s*")
_PLAIN_WORD = re.compile(r"[A-Z]?[a-z]+")
_PLUS = re.compile(r"(?P<base>.*[A-Za-z0-9])(?:[\s\-_](?:PLUS|Plus)|\+)")
_LOWER_IS_BETTER = re.compile(r"bits per character|\bBPC\b", re.IGNORECASE)


def display_name(raw: str) -> str | None:
    """The name running text uses for the entry, or None when it cannot be found safely in running text."""
    name = _NOTE.sub(" ", _GROUP.sub("", raw)).strip()
    if not re.search(r"[A-Z]", name) or len(name_key(name)) <= 3 or name.endswith(" Prize"):
        return None
    words = name.split()
    if len(words) > 1 and all(_PLAIN_WORD.fullmatch(w) for w in words):
        return None
    return name


def plus_spellings(name: str) -> tuple[str, ...]:
    """The other ways a "Plus" benchmark is written: "MBPP-PLUS" -> ("MBPP+", "MBPP Plus")."""
    m = _PLUS.fullmatch(name)
    return tuple(s for s in (f"{m['base']}+", f"{m['base']} Plus") if s != name) if m else ()


class OpenCompass:
    name = "opencompass"
    title = "OpenCompass dataset index"
    publisher = "OpenCompass (Shanghai AI Laboratory)"
    default_url = "https://raw.githubusercontent.com/open-compass/opencompass/main/dataset-index.yml"
    repository = "open-compass/opencompass"
    kind = "catalog"

    def companions(self, main_name: str) -> list[str]:
        return []

    def parse(self, files: Mapping[str, bytes]) -> list[BenchmarkEntry]:
        if len(files) != 1:
            raise ShapeError("opencompass: expected the one file dataset-index.yml")
        (name, data), = files.items()
        try:
            doc = yaml.safe_load(decode_text(data, name))
        except yaml.YAMLError as err:
            raise ShapeError(f"{name}: not valid YAML ({str(err).splitlines()[0]})") from None
        if not isinstance(doc, list):
            raise ShapeError(f"{name}: expected a list of datasets")
        entries, seen = [], set()
        for i, item in enumerate(doc):
            if not isinstance(item, dict) or len(item) != 1:
                raise ShapeError(f"{name}: item {i} is not a one-key mapping of a dataset")
            (key, body), = item.items()
            if not isinstance(body, dict) or not isinstance(body.get("name"), str):
                raise ShapeError(f"{name}: dataset {str(key)[:40]!r} has no name")
            shown = display_name(body["name"])
            if shown is None or name_key(shown) in seen:
                continue
            seen.add(name_key(shown))
            category = str(body.get("category") or "").strip() or None
            entries.append(BenchmarkEntry(entry_id=str(key), name=shown, aliases=plus_spellings(shown),
                                          category=category, paper=str(body.get("paper") or "").strip() or None,
                                          higher_is_better=not _LOWER_IS_BETTER.search(category or "")))
        if not entries:
            raise ShapeError(f"{name}: no dataset with a usable name")
        return entries
