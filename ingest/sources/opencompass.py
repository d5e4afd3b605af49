"""OpenCompass's dataset index: a catalog of the benchmarks one evaluation platform runs (name, category, paper).

Published in `open-compass/opencompass` as `dataset-index.yml`, a list of one-key mappings
(`- ifeval: {name: IFEval, category: ..., paper: ..., configpath: ...}`). It is read for one
thing: the names of benchmarks, so that a score a launch table or an article states on one of
them ("HumanEval+", "WildBench", "OlympiadBench") is a score the record can keep instead of a
reading it must drop (ingest.extract.validate keeps scores on known benchmarks only).

Which of its names are read is benchmark_names.py's rule, shared with the other benchmark catalogs.
A category of bits per character is lower-is-better; every other entry is a score where
higher is better, which is what the record assumes of a benchmark.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from storage.resolve import name_key

from .base import BenchmarkEntry, ShapeError, yaml_list
from .benchmark_names import display_name, plus_spellings

_LOWER_IS_BETTER = re.compile(r"bits per character|\bBPC\b", re.IGNORECASE)


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
        doc = yaml_list(data, name, "datasets")
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
