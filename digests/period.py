"""Digest periods: ISO weeks in a destination's IANA time zone.

A week runs from Monday 00:00 to the next Monday 00:00 *local time*, so a
channel in Tokyo and one in London get the week their readers live in. Rules:
bad input raises ValueError with a message a user can act on; the record's
timestamps are compared as instants, while a date-only value (most seed rows,
"2026-01-27") is a calendar day and belongs to the week containing that day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from foundation.clock import parse_week, zone





def normalize_week(week: str) -> str:
    year, number = parse_week(week)
    return f"{year}-W{number:02d}"


def current_week(now: datetime, tz: str) -> str:
    """The ISO week containing `now` as seen in `tz` (a naive `now` is taken as UTC)."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    year, number, _ = now.astimezone(zone(tz)).isocalendar()
    return f"{year}-W{number:02d}"


def previous_week(week: str, weeks: int = 1) -> str:
    year, number = parse_week(week)
    monday = date.fromisocalendar(year, number, 1) - timedelta(weeks=weeks)
    y, n, _ = monday.isocalendar()
    return f"{y}-W{n:02d}"


def week_bounds(week: str, tz: str) -> tuple[str, str]:
    """(start, end) of the week as UTC ISO instants: start inclusive, end exclusive."""
    p = Period.of(week, tz)
    return p.start_utc.isoformat(), p.end_utc.isoformat()


@dataclass(frozen=True)
class Period:
    week: str
    """Normalized ISO week, e.g. 2026-W05."""
    tz: str
    first_day: date
    """Local Monday."""
    end_day: date
    """Local Monday of the following week (exclusive)."""
    start_utc: datetime
    end_utc: datetime

    @classmethod
    def of(cls, week: str, tz: str) -> "Period":
        year, number = parse_week(week)
        zi = zone(tz)
        first = date.fromisocalendar(year, number, 1)
        end = first + timedelta(days=7)
        start_utc = datetime.combine(first, time(0), zi).astimezone(timezone.utc)
        end_utc = datetime.combine(end, time(0), zi).astimezone(timezone.utc)
        return cls(f"{year}-W{number:02d}", tz, first, end, start_utc, end_utc)

    @property
    def last_day(self) -> date:
        return self.end_day - timedelta(days=1)

    def label(self) -> str:
        """'26 Jan – 1 Feb 2026'."""
        a, b = self.first_day, self.last_day
        left = f"{a.day} {a:%b}" + (f" {a.year}" if a.year != b.year else "")
        return f"{left} – {b.day} {b:%b} {b.year}"

    def query_range(self) -> tuple[str, str]:
        """A string range wide enough for any format of first_seen (one day of slack each side).

        SQL narrows the rows with the index; `contains` then decides exactly."""
        return (self.first_day - timedelta(days=1)).isoformat(), (self.end_day + timedelta(days=1)).isoformat()

    def contains(self, value: str | None) -> bool:
        return _in_range(value, self.first_day, self.end_day, self.start_utc, self.end_utc)


def _in_range(value: str | None, first_day: date, end_day: date, start: datetime, end: datetime) -> bool:
    if not value:
        return False
    value = value.strip()
    if len(value) == 10:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return False
        return first_day <= day < end_day
    try:
        when = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return start <= when < end
