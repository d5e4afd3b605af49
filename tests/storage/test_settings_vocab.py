"""Evaluation settings read into a small vocabulary: only real differences count (issue 12)."""
from __future__ import annotations

import pytest

from storage.settings_vocab import differences, parse, same_test


@pytest.mark.parametrize("a, b", [
    ("8K", "8k output tokens"),
    ("EM; output length limited to 8K", "Acc; 8k output tokens"),
    ("thinking", "extended thinking"),
    ("high thinking level", "xhigh reasoning effort"),
    ("avg@32", "pass@1"),
    ("averaged over 5 independent runs", "avg@4"),
    ("", "thinking; avg@32; max completion budget 96k tokens"),  # unstated is no difference
])
def test_no_real_difference(a, b):
    assert differences([parse(a), parse(b)]) == []


@pytest.mark.parametrize("a, b, word", [
    ("thinking", "non-thinking", "thinking vs not"),
    ("extended thinking", "without extended thinking", "thinking vs not"),
    ("8k output tokens", "max-tokens 64k", "output budget"),
    ("pass@1", "cons@64", "number of attempts"),
    ("single attempt", "multiple attempts (parallel test-time compute)", "number of attempts"),
])
def test_real_differences_are_named(a, b, word):
    assert word in differences([parse(a), parse(b)])


def test_tools_split_a_benchmark_except_an_agentic_one():
    assert not same_test("with tools", "", "hle")
    assert same_test("xhigh reasoning effort; with tools", "thinking; equipped with search, code-interpreter and web-browsing tools", "hle")
    assert same_test("in-house framework with minimal tools (bash, createfile)", "", "swe-bench-verified")
    assert not same_test("base model; 5-shot", "5-shot", "mmlu") and not same_test("text-only subset", "", "hle")


def test_labels_are_short_words():
    assert parse("thinking; with tools; avg@3; max-tokens 64k").label() == "thinking · tools · 64k budget · 1 attempt"
    assert parse(None).label() == "not stated"
