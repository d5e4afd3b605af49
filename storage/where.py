"""Building a WHERE clause from optional filters: the one place placeholders and parameters are paired.

Every filter is a parameterised clause (user text never becomes SQL); `None` means "no filter", and an
empty list of values means "matches nothing" for `any_of`, which is what a filter by no ids should do.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def placeholders(values: Iterable[Any]) -> str:
    return ",".join("?" * len(list(values)))


class Where:
    def __init__(self, *, joiner: str = " and "):
        self.parts: list[str] = []
        self.params: list[Any] = []
        self.joiner = joiner

    def add(self, clause: str, *params: Any) -> "Where":
        self.parts.append(clause)
        self.params.extend(params)
        return self

    def when(self, value: Any, clause: str) -> "Where":
        """Add `clause` with `value` as its one parameter, unless value is None or empty."""
        if value not in (None, "", (), []):
            self.add(clause, value)
        return self

    def any_of(self, column: str, values: Iterable[Any] | None, *, template: str = "{column} in ({marks})"
               ) -> "Where":
        if values is not None:
            values = list(values)
            self.add(template.format(column=column, marks=placeholders(values) or "NULL"), *values)
        return self

    @property
    def sql(self) -> str:
        """The clause without the WHERE keyword ("1" when there is no filter)."""
        return self.joiner.join(self.parts) if self.parts else "1"

    def where(self) -> str:
        """" where …", or "" when there is no filter."""
        return " where " + self.joiner.join(self.parts) if self.parts else ""
