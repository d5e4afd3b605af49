"""The command core against the real seeded record: every command, and bad input."""
from __future__ import annotations

import pytest

from bot.render.text import render_text
from bot.core.context import Context


def test_compare_qwen3_max_with_opus(ask):
    reply = ask("/compare qwen3-max opus-4.5")
    assert not reply.is_error, render_text(reply)
    text = render_text(reply)
    assert "Qwen3-Max-Thinking" in reply.title and "Claude Opus 4.5" in reply.title
    # the seed document's claim, with its provenance
    assert "19 benchmarks" in text and "vendor claim" in text and "not independently verified" in text
    table = next(s.table for s in reply.sections if s.table)
    rows = {r[0]: r for r in table.rows}
    # figures from the Qwen launch table, both models on the same row, each with a footnote
    assert any(label.startswith("MMLU-Pro") for label in rows)
    mmlu = next(r for label, r in rows.items() if label.startswith("MMLU-Pro"))
    assert "85.7" in mmlu[1] and "89.5" in mmlu[2]
    # a vendor measuring a rival's model is labelled as such
    assert "about a rival's model" in text


def test_compare_resolves_spelled_out_names_without_quotes(ask):
    reply = ask("/compare Qwen3 Max Thinking claude opus 4.5")
    assert not reply.is_error, render_text(reply)
    assert "Qwen3-Max-Thinking" in reply.title and "Claude Opus 4.5" in reply.title


def test_compare_four_models(ask):
    reply = ask("/compare qwen3-max opus-4.5 gemini-3-pro kimi-k2.5")
    assert not reply.is_error, render_text(reply)
    table = next(s.table for s in reply.sections if s.table)
    assert len(table.columns) == 5


@pytest.mark.parametrize("line, expect", [
    ("/compare qwen3-max", "two to four"),
    ("/compare", "two to four"),
    ("/compare a b c d e f g h i j k", "at most 4"),
    ("/compare qwen3-max qwen3-max", "twice"),
    ("/compare qwen3-max gpt-9-ultra", "gpt-9-ultra"),
    ("/model", "needs a model"),
    ("/nonsense", "don't know the command"),
    ("", "empty command"),
    ("/claims", "needs a model or a vendor"),
    ("/releases nowhere-labs", "vendor"),
])
def test_bad_input_gets_a_clear_message(ask, line, expect):
    reply = ask(line)
    assert reply.is_error
    assert expect.lower() in render_text(reply).lower()


def test_unknown_model_gets_suggestions(ask):
    reply = ask("/model kimi k2.6")
    assert reply.is_error
    assert "did you mean" in render_text(reply).lower() and "Kimi K2.5" in render_text(reply)


def test_family_name_lists_candidates(ask):
    reply = ask("/model qwen3")
    assert reply.is_error
    text = render_text(reply)
    assert "several models" in text and text.count("qwen3") >= 2


def test_model_card(ask):
    reply = ask("/model kimi k2.5")
    assert not reply.is_error
    text = render_text(reply)
    assert "Moonshot AI" in text and "Benchmark figures" in text


def test_releases_and_vendor_filter(ask):
    everything = ask("/releases")
    assert not everything.is_error and everything.sections[0].items
    moonshot = ask("/releases moonshot")
    assert moonshot.sections[0].items
    assert all("Moonshot AI" in item for item in moonshot.sections[0].items)
    since = ask("/releases 2026-01-01")
    dates = [item.split("**")[1] for item in since.sections[0].items]
    assert dates and all(d >= "2026-01-01" for d in dates)
    older = ask("/releases 2000-01-01").sections[0].items
    assert len(older) > len(dates), "the date filter must actually drop older releases"


def test_claims_by_model_vendor_and_benchmark(ask):
    assert not ask("/claims kimi-k2.5").is_error
    assert not ask("/claims moonshot").is_error
    reply = ask('/claims qwen3-max mmlu-pro')
    assert not reply.is_error
    assert reply.sections[0].items and all("MMLU-Pro" in i for i in reply.sections[0].items)


def test_help_lists_every_command(ask):
    from bot.core.commands import unique_commands
    text = render_text(ask("/brief"))
    for command in unique_commands():
        assert f"/{command.name}" in text
    assert render_text(ask("/help")) == text


def test_injection_strings_are_inert(ask, store):
    before = store.stats()
    for line in ["/model '; DROP TABLE models; --", "/claims \" OR 1=1 --", "/model <script>alert(1)</script>",
                 "/model [click](http://evil.example) **bold** @everyone", "/compare 模型 模型2", "/model 😀"]:
        reply = ask(line)
        assert reply.is_error
    assert store.stats() == before


def test_context_is_optional(services):
    from bot.core.answer import answer
    assert not answer(services, "/brief", Context(platform="slack")).is_error


def test_compare_splits_rows_by_tool_use_and_flags_differing_settings(ask):
    reply = ask("/compare kimi-k2.5 deepseek-v3.2 gpt-5.2")
    table = next(s.table for s in reply.sections if s.table)
    labels = [r[0] for r in table.rows]
    assert "Humanity's Last Exam" in labels and "Humanity's Last Exam (with tools)" in labels
    # AIME 2025: Kimi K2.5 reports one attempt (avg@32) with a 96k budget, the others state no budget or attempts:
    # unstated is no difference; a real difference is a marker on the row and one legend line
    legend = render_text(reply)
    assert "AIME 2025" in labels or "AIME 2025 †" in labels
    assert sum(label.endswith("†") for label in labels) == sum("†" in r[0] for r in table.rows)
    assert legend.count("settings differ") <= 1 and "Not like-for-like" not in legend


def test_two_reporters_of_the_same_figure_are_both_shown(ask):
    """Alibaba and Moonshot both report DeepSeek-V3.2 on LiveCodeBench v6, with different numbers."""
    reply = ask("/compare kimi-k2.5 deepseek-v3.2")
    table = next(s.table for s in reply.sections if s.table)
    row = next(r for r in table.rows if r[0] == "LiveCodeBench v6")
    assert "80.8" in row[2] and "83.3" in row[2]
    notes = render_text(reply)
    assert "Alibaba Cloud (about a rival's model)" in notes and "Moonshot AI (about a rival's model)" in notes


def test_claims_falls_back_to_full_text_search_of_quotes(ask):
    reply = ask("/claims video generation")
    assert not reply.is_error and "mentions" in reply.title
    assert any("Kimi K2.5" in item for item in reply.sections[0].items)
    assert ask("/claims zzqx-nothing").is_error
