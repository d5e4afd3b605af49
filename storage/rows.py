"""Conversion between SQLite rows and the domain dataclasses.

JSON-in-TEXT columns (aliases, modalities, compared_to) and 0/1 booleans are
decoded here and nowhere else.
"""
from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any, TypeVar

from .records import Benchmark, Claim, Model, Release, Source, Vendor

T = TypeVar("T")

_JSON_TUPLES = {"aliases", "compared_to", "modalities"}
_BOOLS = {"open_weights", "higher_is_better", "reviewed"}


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for key, value in row.items():
        if key not in names:
            continue
        if key in _JSON_TUPLES:
            value = None if value is None else tuple(json.loads(value))
            if key != "modalities" and value is None:
                value = ()
        elif key in _BOOLS and value is not None:
            value = bool(value)
        values[key] = value
    return cls(**values)


def to_row(obj: Any) -> dict[str, Any]:
    row = asdict(obj)
    for key in list(row):
        value = row[key]
        if key in _JSON_TUPLES:
            row[key] = None if value is None else json.dumps(list(value), ensure_ascii=False)
        elif key in _BOOLS and value is not None:
            row[key] = int(value)
    return row


TABLE_OF = {Vendor: "vendors", Source: "sources", Model: "models", Benchmark: "benchmarks",
            Release: "releases", Claim: "claims"}
