"""Extraction stays linear: hostile or huge input is cut and parsed in bounded time."""
from __future__ import annotations

import time

import pytest

from ingest.extract.textnorm import MAX_CHARS

HOSTILE = [
    "GPT-" * 20000,
    "1," * 40000,
    "Qwen3-" + "-A22B" * 10000,
    ("| AIME 2024 | " + "79.8% | " * 50 + "\n") * 400,
    "Claude Opus 4.5 scored " + "76.8, " * 10000 + "on SWE-bench Verified",
    "2025年" * 20000,
    "Kimi K2 " * 10000,
    ("(" * 5000) + "MMLU" + (")" * 5000),
    "DeepSeek-R1 发布 " * 8000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_is_extracted_quickly(extract, text):
    start = time.process_time()
    extract(text)
    assert time.process_time() - start < 3.0


def test_input_beyond_the_cap_is_ignored(extract):
    ext = extract("x " * MAX_CHARS + "OpenAI released GPT-5.1 today.")
    assert ext.releases == ()
