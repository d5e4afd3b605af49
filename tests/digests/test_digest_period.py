"""ISO weeks in a destination's time zone: boundaries, DST, bad input."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from digests.period import Period, current_week, week_bounds


def test_current_week_depends_on_the_zone():
    sunday_late_utc = datetime(2026, 2, 1, 23, 30, tzinfo=timezone.utc)  # Monday morning in Tokyo
    assert current_week(sunday_late_utc, "UTC") == "2026-W05"
    assert current_week(sunday_late_utc, "Asia/Tokyo") == "2026-W06"
    assert current_week(datetime(2026, 1, 26, 3, 0, tzinfo=timezone.utc), "America/New_York") == "2026-W04"
    assert current_week(datetime(2026, 1, 1, 12, 0), "UTC") == "2026-W01"  # naive = UTC
    assert current_week(datetime(2027, 1, 1, 12, 0, tzinfo=timezone.utc), "UTC") == "2026-W53"


def test_week_bounds_are_local_midnights_in_utc():
    assert week_bounds("2026-W05", "UTC") == ("2026-01-26T00:00:00+00:00", "2026-02-02T00:00:00+00:00")
    assert week_bounds("2026-W05", "America/New_York") == ("2026-01-26T05:00:00+00:00", "2026-02-02T05:00:00+00:00")
    assert week_bounds("2026-w5", "Asia/Kolkata")[0] == "2026-01-25T18:30:00+00:00"
    # British Summer Time starts on Sunday 29 March 2026: the week ends at 23:00 UTC, not midnight
    assert week_bounds("2026-W13", "Europe/London") == ("2026-03-23T00:00:00+00:00", "2026-03-29T23:00:00+00:00")


@pytest.mark.parametrize("week, fragment", [("2026-W54", "no week 54"), ("2025-W53", "no week 53"),
                                            ("W05", "ISO week"), ("2026-05", "ISO week"), ("", "ISO week"),
                                            ("2026-W00", "no week 0")])
def test_bad_weeks_say_how_to_write_one(week, fragment):
    with pytest.raises(ValueError, match=fragment):
        week_bounds(week, "UTC")


@pytest.mark.parametrize("tz", ["Mars/Olympus", "", "../etc/passwd", "Europe/"])
def test_bad_zones_name_the_fix(tz):
    with pytest.raises(ValueError, match="IANA time zone"):
        week_bounds("2026-W05", tz)
    with pytest.raises(ValueError, match="IANA"):
        current_week(datetime.now(timezone.utc), tz)


def test_dates_are_calendar_days_and_timestamps_are_instants():
    ny = Period.of("2026-W05", "America/New_York")
    assert ny.contains("2026-01-26") and ny.contains("2026-02-01") and not ny.contains("2026-02-02")
    assert ny.contains("2026-02-02T03:00:00+00:00")  # Sunday 22:00 in New York
    assert not ny.contains("2026-01-26T04:59:59Z") and ny.contains("2026-01-26T05:00:00Z")
    assert not ny.contains(None) and not ny.contains("not a date")
    assert ny.label() == "26 Jan – 1 Feb 2026"
    assert Period.of("2026-W01", "UTC").label() == "29 Dec 2025 – 4 Jan 2026"
