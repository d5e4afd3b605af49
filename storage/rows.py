"""Conversion between SQLite rows and the domain dataclasses.

JSON-in-TEXT columns (aliases, modalities, compared_to) and 0/1 booleans are
decoded here and nowhere else.
"""
from __future__ import annotations

import json
from dataclasses import MISSING, asdict, fields
from typing import Any, TypeVar

from .records import Benchmark, Claim, Model, Release, Source, Vendor

T = TypeVar("T")

_JSON_TUPLES = {"aliases", "compared_to", "modalities"}
_BOOLS = {"open_weights", "higher_is_better", "reviewed"}


def _decode_list(value: str | None) -> tuple | None:
    if value is None:
        return None
    if value == "[]":
        return ()
    return tuple(json.loads(value))


_CONVERTERS: dict[tuple, Any] = {}


def converter(cls: type[T], columns: tuple[str, ...]):
    """A function turning a row tuple with these columns into cls, built once per (cls, columns)."""
    key = (cls, columns)
    fn = _CONVERTERS.get(key)
    if fn is None:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        plan = []
        for i, col in enumerate(columns):
            if col not in names:
                continue
            if col in _JSON_TUPLES:
                kind = 2 if col == "modalities" else 1
            elif col in _BOOLS:
                kind = 3
            else:
                kind = 0
            plan.append((i, col, kind))

        defaults = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name not in columns:
                if f.default is not MISSING:
                    defaults[f.name] = f.default
                elif f.default_factory is not MISSING:  # type: ignore[misc]
                    defaults[f.name] = f.default_factory()  # type: ignore[misc]
                else:
                    raise ValueError(f"{cls.__name__}.{f.name} is required but the query has no such column")
        new = object.__new__

        def fn(row: tuple) -> T:
            # Bypasses the frozen dataclass __init__ (object.__setattr__ per field), which was most of
            # the cost of a /compare on a large record; the instance is the same as one built by __init__.
            values = dict(defaults)
            for i, col, kind in plan:
                value = row[i]
                if kind == 1:
                    value = () if value is None or value == "[]" else tuple(json.loads(value))
                elif kind == 2:
                    value = _decode_list(value)
                elif kind == 3 and value is not None:
                    value = bool(value)
                values[col] = value
            obj = new(cls)
            obj.__dict__.update(values)
            return obj
        _CONVERTERS[key] = fn
    return fn


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
