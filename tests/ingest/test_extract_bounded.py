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
    # dev-140's shape: a benchmark as a Markdown link, whose address is blanked to spaces, then figures (the gap
    # patterns chain optional spaces, and took 4 s on this one line)
    "CodeGeeX2-6B は向上しています。[HumanEval](https://huggingface.co/datasets/THUDM/" + "humaneval-x" * 8 + ") ベンチマーク"
    "では、6 言語すべてで大幅な改善が見られ（Python +57%、C++ +71%、Java +54%、JavaScript +83%、Go +56%、Rust +321%）、"
    "Python では Pass@1 一回合格率 35.9% に達しました。",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_is_extracted_quickly(extract, text):
    start = time.process_time()
    extract(text)
    assert time.process_time() - start < 3.0


def test_input_beyond_the_cap_is_ignored(extract):
    ext = extract("x " * MAX_CHARS + "OpenAI released GPT-5.1 today.")
    assert ext.releases == ()
