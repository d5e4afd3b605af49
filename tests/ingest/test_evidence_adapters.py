"""Each evidence adapter on its real published snapshot, and on broken copies of it."""
from __future__ import annotations

import json

import pytest

from ingest.sources import ADAPTERS, adapter_named
from ingest.sources.base import BenchmarkEntry, CatalogEntry, ScoreRow, ShapeError

from .evidence_support import real_files


def test_every_adapter_has_a_pinned_snapshot_and_the_same_protocol():
    from ingest.sources import snapshots
    for adapter in ADAPTERS:
        meta = snapshots.info(adapter.name)
        assert len(meta.commit) == 40 and meta.files and meta.url.startswith("https://")
        for attr in ("name", "title", "publisher", "default_url", "repository", "kind"):
            assert getattr(adapter, attr)
        assert callable(adapter.parse) and callable(adapter.companions)


def test_swe_bench_bash_only_is_the_independent_model_figure_and_submissions_stay_systems():
    rows = adapter_named("swe-bench").parse(real_files("swe-bench"))
    assert all(isinstance(r, ScoreRow) and r.benchmark == "swe-bench-verified" for r in rows)
    # the committed leaderboards.json is the 2025-08-05 version: its bash-only board tops out at Claude 4 Opus
    opus = [r for r in rows if r.variant == "bash-only" and r.model_tag == "claude-4-opus-20250514"]
    assert len(opus) == 1 and opus[0].value == 67.6 and opus[0].provenance == "independent"
    assert "bash-only" in opus[0].settings and opus[0].quote.endswith("| 67.6")
    submitted = [r for r in rows if r.variant != "bash-only"]
    assert submitted and all(r.settings.startswith("submitted system: ") for r in submitted)
    assert len({r.variant for r in rows if r.variant == "bash-only"}) == 1


def test_livebench_tasks_categories_and_overall():
    files = real_files("livebench")
    assert sorted(files) == ["categories_2025_11_25.json", "table_2025_11_25.csv"]
    rows = adapter_named("livebench").parse(files)
    opus = {r.scope: r for r in rows if r.name == "claude-opus-4-5-20251101-thinking-64k-high-effort"}
    # the release of 2025-11-25: 20 task columns in 7 categories
    assert len([s for s in opus if s.startswith("task ")]) == 20
    assert len([s for s in opus if s.startswith("category ")]) == 7
    amps = opus["task AMPS_Hard"]
    assert amps.value == 99.0 and amps.value_text == "99.0" and amps.date == "2025-11-25"
    # a category is the mean of its tasks, the overall figure the mean of the categories (as the site computes it)
    maths = (99.0 + 95.098 + 89.458) / 3
    assert opus["category Mathematics"].value == round(maths, 1)
    categories = {"Reasoning": (78.846, 77.5, 96.0), "Coding": (78.873, 80.435), "Agentic Coding": (85.0, 45.0, 35.0),
                  "Mathematics": (99.0, 95.098, 89.458), "Data Analysis": (45.923, 98.039),
                  "Language": (99.333, 66.45, 78.0), "IF": (65.667, 54.95, 65.85, 63.717)}
    expected = sum(sum(v) / len(v) for v in categories.values()) / len(categories)
    assert opus["overall"].value == round(expected, 1) == 75.6
    # without a categories file beside the table: per-task figures only, never a mean over a guessed grouping
    table = next(k for k in files if k.endswith(".csv"))
    alone = adapter_named("livebench").parse({table: files[table]})
    assert alone and all(r.scope.startswith("task ") for r in alone)


def test_lmarena_keeps_only_the_categories_users_ask_about_with_intervals():
    rows = adapter_named("lmarena").parse(real_files("lmarena"))
    assert {r.scope for r in rows} <= {"overall", "coding", "math", "hard prompts", "creative writing",
                                       "instruction following", "multi-turn", "expert"}
    assert all(r.provenance == "crowd" for r in rows)
    # the shipped file is the style-controlled board of 2025-12-11; categories such as long_user are not read
    gem = [r for r in rows if r.name == "gemini-3-pro" and r.scope == "overall"]
    assert len(gem) == 1 and gem[0].settings == "style control"
    assert round(gem[0].value) == 1492 and "95% CI 1486–1498" in (gem[0].notes or "")
    assert len({r.name for r in rows if r.scope == "overall"}) == 282


def test_aider_pass_rate_edit_format_cost_and_date():
    rows = adapter_named("aider").parse(real_files("aider"))
    # the committed file is the 2025-04-30 version (no GPT-5 yet); o3 (high) is its top single-model run
    o3 = next(r for r in rows if r.name == "o3 (high)")
    assert o3.value == 79.6 and o3.settings == "aider, edit format diff" and o3.date == "2025-04-16"
    assert "cost $111.03" in o3.notes


def test_models_dev_facts_links_and_shared_base_files():
    entries = adapter_named("models.dev").parse(real_files("models.dev"))
    assert all(isinstance(e, CatalogEntry) for e in entries)
    opus = next(e for e in entries if e.provider == "anthropic" and e.entry_id == "claude-opus-4-5")
    f = opus.facts
    assert (f["release_date"], f["price_input"], f["price_output"], f["context_limit"], f["open_weights"]) == \
           ("2025-11-24", 5.0, 25.0, 200000, False)
    flash = next(e for e in entries if e.provider == "google" and e.entry_id == "gemini-2.5-flash")
    assert flash.name == "Gemini 2.5 Flash" and flash.facts["release_date"]   # from models/google/gemini-2.5-flash.toml
    glm = next(e for e in entries if e.provider == "zhipuai" and e.entry_id == "glm-5")
    assert glm.name == "GLM-5"
    # git stores a symbolic link as its target path; the committed snapshot has none (read_file does not
    # hold them), so one is made here: it is followed to the file it names
    linked = dict(real_files("models.dev"))
    linked["providers/zhipuai/models/glm-link.toml"] = b"../../zhipuai/models/glm-5.toml"
    entries = adapter_named("models.dev").parse(linked)
    link = next(e for e in entries if e.provider == "zhipuai" and e.entry_id == "glm-link")
    assert link.name == "GLM-5"


# ---- broken copies -------------------------------------------------------------------------------
def _main(files: dict[str, bytes]) -> str:
    return sorted(files, key=lambda k: (not k.endswith((".csv", ".yml", ".json")), -len(files[k])))[0]


def _html(files):
    out = dict(files)
    out[_main(files)] = b"<!DOCTYPE html><html><body>Rate limited</body></html>"
    return out


def _truncated(files):
    out = dict(files)
    name = _main(files)
    # cut mid-record (half way less 7 bytes: with the committed aider file, +7 fell exactly between two
    # complete YAML records, which no parser can tell from a shorter file)
    out[name] = files[name][: len(files[name]) // 2 - 7]
    return out


RENAMES = {
    "swe-bench": (b'"resolved"', b'"score"'),
    "livebench": (b"model,", b"name,"),
    "lmarena": (b'"rating"', b'"elo"'),
    "aider": (b"pass_rate_2", b"pass_rate_two"),
}


def _renamed(name):
    def mutate(files):
        old, new = RENAMES[name]
        out = dict(files)
        main = _main(files)
        assert old in files[main]
        out[main] = files[main].replace(old, new)
        return out
    return mutate


@pytest.mark.parametrize("name", sorted(RENAMES))
@pytest.mark.parametrize("breakage", ["html", "truncated", "renamed"])
def test_a_leaderboard_that_changed_shape_is_refused_with_one_line(name, breakage):
    files = real_files(name)
    broken = {"html": _html, "truncated": _truncated, "renamed": _renamed(name)}[breakage](files)
    with pytest.raises(ShapeError) as err:
        adapter_named(name).parse(broken)
    assert "\n" not in str(err.value) and str(err.value)


def test_livebench_missing_task_column_is_refused():
    files = dict(real_files("livebench"))
    table = next(k for k in files if k.endswith(".csv"))
    # the categories file names the tasks a table must have (the committed snapshot is the table alone)
    files.setdefault("categories.json", json.dumps({"Reasoning": ["theory_of_mind", "zebra_puzzle", "spatial"]}).encode())
    lines = files[table].decode().splitlines()
    files[table] = ("\n".join(",".join(line.split(",")[:-1]) for line in lines) + "\n").encode()
    with pytest.raises(ShapeError, match="missing task column"):
        adapter_named("livebench").parse(files)


@pytest.mark.parametrize("breakage", ["html", "no-name", "bad-toml"])
def test_models_dev_changed_shape_is_refused(breakage):
    files = dict(real_files("models.dev"))
    path = "providers/anthropic/models/claude-opus-4-5.toml"
    if breakage == "html":
        files = {"api.json": b"<html><body>gateway timeout</body></html>"}
    elif breakage == "no-name":
        files[path] = files[path].replace(b'name = "Claude Opus 4.5 (latest)"', b'title = "Claude Opus 4.5"')
    else:
        files[path] = files[path][:40]
    with pytest.raises(ShapeError):
        adapter_named("models.dev").parse(files)


def test_models_dev_api_json_shape():
    import json
    doc = {"anthropic": {"id": "anthropic", "models": {"claude-x-1": {"name": "Claude X 1", "release_date": "2026-01-02",
                                                                      "cost": {"input": 1, "output": 2},
                                                                      "limit": {"context": 1000, "output": 10}}}}}
    entries = adapter_named("models.dev").parse({"api.json": json.dumps(doc).encode()})
    assert entries[0].facts["price_output"] == 2 and entries[0].facts["catalog_id"] == "anthropic/claude-x-1"
    with pytest.raises(ShapeError, match="none of the tracked providers"):
        adapter_named("models.dev").parse({"api.json": b'{"somebody": {"models": {}}}'})


def test_opencompass_gives_the_names_running_text_uses_and_leaves_out_the_unsafe_ones():
    entries = adapter_named("opencompass").parse(real_files("opencompass"))
    assert all(isinstance(e, BenchmarkEntry) for e in entries)
    by_name = {e.name: e for e in entries}
    # cut from the group, without a parenthesised note
    assert {"BoolQ", "DROP", "InfiniteBench", "HumanEval+", "MT-Bench-101", "WildBench"} <= set(by_name)
    assert not any("/" in n.replace("max/min", "") or "(" in n for n in by_name)
    # a code identifier, three characters or fewer (RMB is the yuan), a phrase of plain words, a prize: left out
    assert not {"matbench", "cmo_fib", "RMB", "C3", "CB", "Government Report Dataset", "ARC Prize"} & set(by_name)
    # the index names its piqa entry "OpenBookQA" too: the name is the first entry's
    assert by_name["OpenBookQA"].entry_id == "obqa" and not any(e.entry_id == "piqa" for e in entries)
    assert by_name["LLM Compression"].higher_is_better is False and by_name["IFEval"].higher_is_better is True
    assert by_name["HumanEval+"].paper == "https://arxiv.org/pdf/2305.01210"
    # launch tables write "MBPP+" for the index's "MBPP-PLUS"; a glued "Plus" is part of the name
    assert by_name["MBPP-PLUS"].aliases == ("MBPP+", "MBPP Plus") and by_name["HumanEval+"].aliases == ("HumanEval Plus",)
    assert by_name["WildBench"].aliases == ()


@pytest.mark.parametrize("body, reason", [
    (b"ifeval:\n  name: IFEval\n", "expected a list of datasets"),
    (b"- ifeval:\n    category: Instruction Following\n", "has no name"),
    (b"- a: {name: IFEval}\n  b: {name: X}\n", "not a one-key mapping"),
    (b"<!DOCTYPE html><html>rate limited</html>", "HTML page"),
])
def test_opencompass_refuses_a_file_that_changed_shape(body, reason):
    with pytest.raises(ShapeError, match=reason):
        adapter_named("opencompass").parse({"dataset-index.yml": body})


def test_evalscope_reads_the_display_names_of_its_three_lists():
    adapter = adapter_named("evalscope")
    files = real_files("evalscope")
    assert sorted(files) == ["agent.md", "llm.md", "vlm.md"] and adapter.companions("llm.md") == ["vlm.md", "agent.md"]
    entries = adapter.parse(files)
    by_name = {e.name: e for e in entries}
    assert {"MathVista", "POPE", "CharXiv", "MCP-Atlas", "PolyMath", "EQ-Bench", "Multi-IF"} <= set(by_name)
    assert by_name["MathVista"].entry_id == "math_vista" and "MultiModal" in by_name["MathVista"].category
    # custom harnesses name no benchmark; phrases of plain words and short names are not looked for in running text
    assert not {"General-QA", "Data-Collection", "Competition-MATH", "Needle-in-a-Haystack", "ARC"} & set(by_name)
    assert len([e for e in entries if e.name == "BhashaBench-V1"]) == 1  # its four subjects are one name
    assert by_name["LibriSpeech"].higher_is_better is False and by_name["MathVista"].higher_is_better is True
    # a four-capital word beside a plain one is read as a phrase, like "Competition-MATH": MBPP-Plus is left out
    # (the record has MBPP+ from OpenCompass's "MBPP-PLUS")
    assert "BigCodeBench-Hard" in by_name and "MBPP-Plus" not in by_name


def test_evalscope_refuses_a_list_without_rows():
    with pytest.raises(ShapeError, match="no table row"):
        adapter_named("evalscope").parse({"llm.md": b"# LLM Benchmarks\n\nNothing here yet.\n"})
    with pytest.raises(ShapeError, match="HTML page"):
        adapter_named("evalscope").parse({"vlm.md": b"<html><body>404</body></html>"})
