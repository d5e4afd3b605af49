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
        # One generated function per (class, columns), as dataclasses generates __init__: a single dict display
        # instead of a loop over the columns halves the cost of turning a row into a record, which is most of a
        # lookup's time over the bare SQL. It bypasses the frozen dataclass __init__ (object.__setattr__ per
        # field); the instance is the same as one built by __init__.
        items = [f"{name!r}: _d[{name!r}]" for name in defaults]
        for i, col, kind in plan:
            cell = f"row[{i}]"
            if kind == 1:
                cell = f"(() if row[{i}] is None or row[{i}] == '[]' else tuple(_loads(row[{i}])))"
            elif kind == 2:
                cell = f"_decode_list(row[{i}])"
            elif kind == 3:
                cell = f"(None if row[{i}] is None else bool(row[{i}]))"
            items.append(f"{col!r}: {cell}")
        source = ("def fn(row):\n    obj = _new(_cls)\n    obj.__dict__.update({" + ", ".join(items) + "})\n"
                  "    return obj\n")
        scope = {"_new": object.__new__, "_cls": cls, "_d": defaults, "_loads": json.loads, "_decode_list": _decode_list}
        exec(compile(source, f"<row converter {cls.__name__}>", "exec"), scope)  # noqa: S102 (built from field names)
        fn = scope["fn"]
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
