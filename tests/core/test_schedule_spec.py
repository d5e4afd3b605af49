"""Schedule time computation across DST changes and zones, with explicit instants as the clock."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings, strategies as st

from bot.core.schedule_spec import (ScheduleSpec, describe, last_run, local_text, next_run, parse_spec, period_for)

UTC = timezone.utc


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_london_monday_0900_follows_the_clock_change_in_late_march():
    spec = ScheduleSpec("weekly", 0, "09:00", "Europe/London")
    first = next_run(spec, utc(2026, 3, 20, 12))
    second = next_run(spec, first)
    assert first == utc(2026, 3, 23, 9)          # GMT: 09:00 local = 09:00 UTC
    assert second == utc(2026, 3, 30, 8)         # BST from 29 March: 09:00 local = 08:00 UTC
    assert second - first == timedelta(days=7) - timedelta(hours=1)
    assert local_text(second, spec.tz) == "Mon 30 Mar 2026 09:00 BST"


def test_london_nonexistent_time_runs_late_by_the_gap_never_skipped():
    spec = ScheduleSpec("daily", 0, "01:30", "Europe/London")
    runs = [next_run(spec, utc(2026, 3, 27, 12))]
    for _ in range(3):
        runs.append(next_run(spec, runs[-1]))
    # 28 Mar 01:30 GMT; 29 Mar 01:30 does not exist -> 01:30 UTC (02:30 BST); 30 Mar 01:30 BST
    assert runs == [utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 30), utc(2026, 3, 30, 0, 30), utc(2026, 3, 31, 0, 30)]
    assert runs[1].astimezone(ZoneInfo("Europe/London")).strftime("%H:%M %Z") == "02:30 BST"


def test_london_ambiguous_time_runs_once_at_the_first_occurrence():
    spec = ScheduleSpec("daily", 0, "01:30", "Europe/London")
    # 25 Oct 2026: 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT)
    run = next_run(spec, utc(2026, 10, 24, 12))
    assert run == utc(2026, 10, 25, 0, 30)
    assert next_run(spec, run) == utc(2026, 10, 26, 1, 30)      # not 01:30 UTC the same day
    assert last_run(spec, utc(2026, 10, 25, 1, 45)) == run


def test_new_york_spring_forward_and_normal_days():
    daily9 = ScheduleSpec("daily", 0, "09:00", "America/New_York")
    assert next_run(daily9, utc(2026, 3, 7, 0)) == utc(2026, 3, 7, 14)    # EST
    assert next_run(daily9, utc(2026, 3, 8, 14)) == utc(2026, 3, 9, 13)   # EDT from 8 March
    gap = ScheduleSpec("weekly", 6, "02:30", "America/New_York")         # Sunday 02:30 does not exist on 8 March
    run = next_run(gap, utc(2026, 3, 7))
    assert run == utc(2026, 3, 8, 7, 30)
    assert run.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M") == "03:30"


def test_shanghai_monday_morning_is_sunday_evening_in_utc():
    spec = ScheduleSpec("weekly", 0, "07:30", "Asia/Shanghai")
    run = next_run(spec, utc(2026, 3, 28, 0))
    assert run == utc(2026, 3, 29, 23, 30)       # Monday 30 March 07:30 CST (UTC+8, no DST)
    assert next_run(spec, run) - run == timedelta(days=7)
    assert last_run(spec, run) == run and last_run(spec, run - timedelta(seconds=1)) == run - timedelta(days=7)


def test_period_names_one_run_and_the_week_it_covers():
    monday = ScheduleSpec("weekly", 0, "09:00", "Europe/London")
    assert period_for(monday, utc(2026, 3, 30, 8)) == ("2026-W13", "2026-W13")   # Monday W14 reports W13
    friday = ScheduleSpec("weekly", 4, "17:00", "Europe/London")
    assert period_for(friday, utc(2026, 4, 3, 16)) == ("2026-W14", "2026-W14")
    daily = ScheduleSpec("daily", 0, "07:30", "Asia/Shanghai")
    # 23:30 UTC on Sunday 29 March is Monday 30 March in Shanghai: the local date names the run
    assert period_for(daily, utc(2026, 3, 29, 23, 30)) == ("2026-03-30", "2026-W13")


@pytest.mark.parametrize("words,expected", [
    ([], ScheduleSpec("weekly", 0, "09:00", "Europe/Paris")),
    (["mon", "09:00", "Europe/London"], ScheduleSpec("weekly", 0, "09:00", "Europe/London")),
    (["Friday", "17:30"], ScheduleSpec("weekly", 4, "17:30", "Europe/Paris")),
    (["daily", "7:05", "Asia/Shanghai"], ScheduleSpec("daily", 0, "07:05", "Asia/Shanghai")),
    (["America/New_York", "thu"], ScheduleSpec("weekly", 3, "09:00", "America/New_York")),
    (["sun", "23:59", "UTC"], ScheduleSpec("weekly", 6, "23:59", "UTC")),
])
def test_parse_spec_fills_defaults(words, expected):
    assert parse_spec(words, default_tz="Europe/Paris") == expected


@pytest.mark.parametrize("words,fragment", [
    (["mon", "25:00"], "HH:MM"),
    (["mon", "09:00", "Mars/Olympus"], "IANA"),
    (["someday"], "expected a day"),
    (["mon", "tue"], "given twice"),
    (["daily", "mon"], "daily schedule has no day"),
])
def test_parse_spec_rejects_with_the_fix(words, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_spec(words)


def test_describe():
    assert describe(ScheduleSpec("weekly", 0, "09:00", "Europe/London")) == "every Monday at 09:00 (Europe/London)"
    assert describe(ScheduleSpec("daily", 0, "07:30", "UTC")) == "every day at 07:30 (UTC)"


ZONES = ["Europe/London", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe", "America/Santiago", "UTC"]


@settings(max_examples=300, deadline=None)
@given(at=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1)),
       zone=st.sampled_from(ZONES), cadence=st.sampled_from(["weekly", "daily"]),
       weekday=st.integers(0, 6), hour=st.integers(0, 23), minute=st.sampled_from([0, 15, 30, 59]))
def test_runs_are_ordered_and_spaced_one_period_apart(at, zone, cadence, weekday, hour, minute):
    spec = ScheduleSpec(cadence, weekday, f"{hour:02d}:{minute:02d}", zone)
    at = at.replace(tzinfo=UTC)
    prev, nxt = last_run(spec, at), next_run(spec, at)
    assert prev <= at < nxt
    assert next_run(spec, prev) == nxt                     # nothing between the two
    period = timedelta(days=1 if cadence == "daily" else 7)
    assert abs((nxt - prev) - period) <= timedelta(hours=3)  # offsets move by at most a few hours
    local = nxt.astimezone(ZoneInfo(zone))
    if cadence == "weekly":
        assert local.weekday() == weekday or local.hour < 4  # a gap may push into the next hour(s) only
