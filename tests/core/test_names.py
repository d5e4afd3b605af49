"""Names users type, each with its expected outcome (issue 12), on the real seeded record.

Outcomes: MODEL (exactly this model), VERSIONS (did you mean these versions, no pick), FAMILY (this
family's models), VENDOR (this vendor's models; the vendor is named), VENDOR_ID (commands that take a
vendor accept it), NONE (no pick; suggestions may follow, but never a model with other version numbers).
The rule behind VERSIONS is generic: a name whose version is a prefix of several versions ("gpt5" for
GPT-5, GPT-5.1, GPT-5.2), or that lacks a minor version other models have, never picks one; only the
literal id or display name does ("DeepSeek-V3").
"""
from __future__ import annotations

import re

import pytest

from bot.core.commands.compare import group_words
from bot.render.text import render_text

MODEL, VERSIONS, FAMILY, VENDOR, NONE = "model", "versions", "family", "vendor", "none"

CASES = [
    # exact ids, names and aliases, in the spellings people type
    ("kimi-k2.5", MODEL, "kimi-k2.5"),
    ("Kimi K2.5", MODEL, "kimi-k2.5"),
    ("kimi k2.5", MODEL, "kimi-k2.5"),
    ("KIMI-K2.5", MODEL, "kimi-k2.5"),
    ("kimi_k2.5", MODEL, "kimi-k2.5"),
    ("k2.5", MODEL, "kimi-k2.5"),
    ("qwen3-max", MODEL, "qwen3-max-thinking"),
    ("Qwen3 Max", MODEL, "qwen3-max-thinking"),
    ("Qwen3 Max Thinking", MODEL, "qwen3-max-thinking"),
    ("qwen3-max-thinking", MODEL, "qwen3-max-thinking"),
    ("Qwen3-Max-Thinking", MODEL, "qwen3-max-thinking"),
    ("opus-4.5", MODEL, "claude-opus-4.5"),
    ("Opus 4.5", MODEL, "claude-opus-4.5"),
    ("claude opus 4.5", MODEL, "claude-opus-4.5"),
    ("Claude-Opus-4.5", MODEL, "claude-opus-4.5"),
    ("claude 4.5 opus", MODEL, "claude-opus-4.5"),
    ("Claude Opus 4", MODEL, "claude-opus-4"),
    ("claude-opus-4", MODEL, "claude-opus-4"),
    ("Claude Sonnet 4", MODEL, "claude-sonnet-4"),
    ("claude 3.5 sonnet", MODEL, "claude-3.5-sonnet-1022"),
    ("gpt-5.2", MODEL, "gpt-5.2"),
    ("GPT-5.2", MODEL, "gpt-5.2"),
    ("gpt 5.2", MODEL, "gpt-5.2"),
    ("gpt5.2", MODEL, "gpt-5.2"),
    ("GPT-5.2 Thinking", MODEL, "gpt-5.2"),
    ("gemini 3 pro", MODEL, "gemini-3-pro"),
    ("Gemini-3-Pro", MODEL, "gemini-3-pro"),
    ("deepseek-v3.2", MODEL, "deepseek-v3.2"),
    ("DeepSeek V3.2", MODEL, "deepseek-v3.2"),
    ("DeepSeek-V3", MODEL, "deepseek-v3"),
    ("deepseek-v3", MODEL, "deepseek-v3"),
    ("deepseek r1", MODEL, "deepseek-r1"),
    ("DeepSeek-R1", MODEL, "deepseek-r1"),
    ("r1", MODEL, "deepseek-r1"),
    ("kimi k2 thinking", MODEL, "kimi-k2-thinking"),
    ("Kimi-K2-Instruct", MODEL, "kimi-k2-instruct"),
    ("gpt-4.1", MODEL, "gpt-4.1"),
    ("o1-mini", MODEL, "o1-mini"),
    ("chatgpt", MODEL, "chatgpt"),
    ("Llama 4 Maverick", MODEL, "llama-4-maverick"),
    ("QwQ-32B-Preview", MODEL, "qwq-32b-preview"),
    ("claude opuss 4.5", MODEL, "claude-opus-4.5"),  # a typo, same version numbers: fuzzy pick is safe
    # a version that is a prefix of other versions: did you mean, never a pick
    ("gpt5", VERSIONS, ["gpt-5.2"]),
    ("gpt-5", VERSIONS, ["gpt-5.2"]),
    ("GPT 5", VERSIONS, ["gpt-5.2"]),
    ("opus 4", VERSIONS, ["claude-opus-4", "claude-opus-4.5"]),
    ("claude-opus 4", VERSIONS, ["claude-opus-4", "claude-opus-4.5"]),  # neither the id nor the display name
    ("Claude Opus 4 ", MODEL, "claude-opus-4"),  # the display name, literally: picks it
    ("deepseek v3", VERSIONS, ["deepseek-v3", "deepseek-v3.2", "deepseek-v3-0324"]),
    ("DeepSeek V3", VERSIONS, ["deepseek-v3", "deepseek-v3.2"]),
    ("kimi k2", VERSIONS, ["kimi-k2.5", "kimi-k2-instruct", "kimi-k2-thinking", "kimi-k2-base"]),
    ("Kimi-K2", VERSIONS, ["kimi-k2.5", "kimi-k2-instruct"]),
    # families list their models
    ("qwen3", FAMILY, ["qwen3-max-thinking", "qwen3-235b-a22b"]),
    ("deepseek-r1", MODEL, "deepseek-r1"),
    ("qwen2.5", FAMILY, ["qwen2.5-72b", "qwen2.5-72b-instruct"]),
    ("o1", FAMILY, ["o1-1217", "o1-mini"]),
    ("llama", VENDOR, ("meta", ["llama-4-maverick"])),
    ("qwen3-vl", FAMILY, ["qwen3-vl-235b-a22b-thinking"]),
    # vendor names and aliases list the vendor's models; "claude" is no pseudo-model
    ("claude", VENDOR, ("anthropic", ["claude-opus-4.5", "claude-sonnet-4"])),
    ("Claude", VENDOR, ("anthropic", ["claude-opus-4.5"])),
    ("kimi", VENDOR, ("moonshot", ["kimi-k2.5"])),
    ("Kimi", VENDOR, ("moonshot", ["kimi-k2.5"])),
    ("moonshot", VENDOR, ("moonshot", ["kimi-k2.5"])),
    ("qwen", VENDOR, ("alibaba", ["qwen3-max-thinking"])),
    ("alibaba", VENDOR, ("alibaba", ["qwen3-max-thinking"])),
    ("deepseek", VENDOR, ("deepseek", ["deepseek-v3.2", "deepseek-r1"])),
    ("gemini", VENDOR, ("google-deepmind", ["gemini-3-pro"])),
    ("google", VENDOR, ("google-deepmind", ["gemini-3-pro"])),
    ("gpt", VENDOR, ("openai", ["gpt-5.2"])),
    ("openai", VENDOR, ("openai", ["gpt-5.2"])),
    ("anthropic", VENDOR, ("anthropic", ["claude-opus-4.5"])),
    # not in the record: no pick, and never a different version
    ("gpt-5.1", NONE, "gpt-5.2"),
    ("gpt-6", NONE, "gpt-5.2"),
    ("claude sonnet 4.5", NONE, "claude-sonnet-4"),
    ("kimi k2.55", NONE, "kimi-k2.5"),
    ("kimi k3", NONE, "kimi-k2.5"),
    ("qwen4", NONE, None),
    ("gemini 2.5 pro", NONE, "gemini-2.5-flash-preview-05-20"),
    ("vs", NONE, None),
    ("zzqx", NONE, None),
]


def test_there_are_at_least_sixty_spellings():
    assert len(CASES) >= 60 and len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("typed, outcome, expected", CASES, ids=[c[0] for c in CASES])
def test_spelling(services, ask, typed, outcome, expected):
    resolution = services.resolver.resolve(typed)
    if outcome == MODEL:
        assert resolution.model_id == expected, resolution
        return
    assert not resolution.ok, f"{typed!r} must not pick {resolution.model_id}"
    text = render_text(ask(f"/model {typed}"))
    if outcome == VERSIONS:  # every listed version is offered; "gpt5" offers exactly the GPT-5.x in the record
        assert resolution.why == "versions" and set(expected) <= set(resolution.candidates)
        assert typed.lower().replace(" ", "").replace("-", "") != "gpt5" or list(resolution.candidates) == expected
        assert "Did you mean" in text and all(f"`{m}`" in text for m in expected)
    elif outcome == FAMILY:
        assert resolution.why == "family" and set(expected) <= set(resolution.candidates)
        assert "several models" in text
    elif outcome == VENDOR:
        vendor_id, some = expected
        assert resolution.why == "vendor" and resolution.vendor_id == vendor_id
        assert set(some) <= set(resolution.candidates) and "claude" not in resolution.candidates
        assert services.resolver.resolve_vendor(typed) == vendor_id
        assert "not one model" in text
    else:
        assert not resolution.candidates or resolution.why != "versions"
        # a suggestion may name a near model, but the typed version numbers never silently change
        assert not re.search(r"^\S+\n=+\n\n\s+Vendor:", text), text


@pytest.mark.parametrize("line, names", [
    ("qwen3-max vs opus-4.5", ["qwen3-max", "opus-4.5"]),
    ("qwen3-max vs. opus-4.5", ["qwen3-max", "opus-4.5"]),
    ("qwen3-max versus opus-4.5", ["qwen3-max", "opus-4.5"]),
    ("Qwen3 Max Thinking and Claude Opus 4.5", ["Qwen3 Max Thinking", "Claude Opus 4.5"]),
    ("kimi k2.5, gpt-5.2, gemini 3 pro", ["kimi k2.5", "gpt-5.2", "gemini 3 pro"]),
    ("kimi k2.5, gpt-5.2 and opus 4.5", ["kimi k2.5", "gpt-5.2", "opus 4.5"]),
    ("Qwen3 Max Thinking Claude Opus 4.5", ["Qwen3 Max Thinking", "Claude Opus 4.5"]),
    ("qwen3-max opus-4.5", ["qwen3-max", "opus-4.5"]),
])
def test_compare_accepts_joiners_and_multi_word_names(services, line, names):
    assert group_words(services, tuple(line.split())) == names


def test_compare_with_vs_answers(ask):
    reply = ask("/compare qwen3-max vs opus-4.5")
    assert not reply.is_error and reply.title == "Compare: Qwen3-Max-Thinking vs Claude Opus 4.5"


@pytest.mark.parametrize("command", ["/releases kimi", "/releases deepseek", "/releases qwen", "/claims claude",
                                     "/subscribe kimi", "/subscribe deepseek", "/releases gemini"])
def test_vendor_aliases_work_wherever_a_vendor_is_accepted(ask, command):
    reply = ask(command)
    assert not reply.is_error, render_text(reply)


def test_when_gpt5_and_gpt51_arrive_gpt5_still_asks(services, store, ask):
    """The evidence work adds GPT-5 and GPT-5.1: "gpt5" then offers all three, in version order; only the
    literal id or display name picks GPT-5."""
    from storage import Model
    store.upsert_many([Model("gpt-5", "openai", "GPT-5", family="gpt-5", aliases=("GPT-5",)),
                       Model("gpt-5.1", "openai", "GPT-5.1", family="gpt-5", aliases=("GPT-5.1",))])
    for typed in ("gpt5", "gpt 5", "GPT5"):
        resolution = services.resolver.resolve(typed)
        assert not resolution.ok and list(resolution.candidates) == ["gpt-5", "gpt-5.1", "gpt-5.2"], typed
    assert "Did you mean GPT-5 (`gpt-5`), GPT-5.1 (`gpt-5.1`), GPT-5.2 (`gpt-5.2`)?" in render_text(ask("/model gpt5"))
    assert services.resolver.resolve("gpt-5").model_id == "gpt-5"
    assert services.resolver.resolve("GPT-5").model_id == "gpt-5"
    assert services.resolver.resolve("gpt-5.1").model_id == "gpt-5.1"


def test_a_reply_with_a_table_round_trips_through_json(ask):
    from bot.core.reply import Reply
    reply = ask("/compare qwen3-max vs opus-4.5")
    assert any(s.table for s in reply.sections)
    assert Reply.from_json(reply.to_json()) == reply
