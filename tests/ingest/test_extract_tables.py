"""Score tables: Markdown, HTML (through the same trafilatura path as a fetched page) and tables flattened into text.

The tables are excerpts of real articles in tests/data/extraction/dev/.
"""
from __future__ import annotations

import json
from pathlib import Path

from ingest.articles import html_article

from .conftest import scores

DEV = Path(__file__).resolve().parent.parent / "data" / "extraction" / "dev"


def test_markdown_table_with_models_in_columns(read):
    ext = read("Performance vs concurrents :\n"
                  "| Benchmark | GPT-4 | Claude 3.5 | Gemini Pro | Mistral L2 |\n|---|---|---|---|---|\n"
                  "| HumanEval (code) | 67,0% | 92,0% | 74,4% | 87,3% |\n"
                  "| TruthfulQA | 59,0% | 67,0% | 62,0% | 64,5% |\n")  # 014
    got = scores(ext)
    assert ("GPT-4", "humaneval", 67.0) in got and ("GPT-4", "truthfulqa", 59.0) in got
    assert not any(s[0] == "Gemini Pro" for s in got)  # a bare family is no model
    humaneval = next(c for c in ext.claims if c.value == 67.0)
    assert humaneval.conditions == "code" and humaneval.benchmark_text is None


def test_pipe_rows_with_models_first_skip_dash_cells(extract):
    ext = extract("| MMLU-Pro (Reasoning & Knowledge) | GPQA Diamond (Scientific Reasoning) | LiveCodeBench (Coding) | "
                  "IFBench (instruction Following) |\n"
                  "gpt-4.1 | 81% | 67% | 46% | 43% |\n"
                  "o3-mini | 79% | 75% | 72% | - |\n")  # 016: the header has no corner cell
    got = scores(ext)
    assert {("gpt-4.1", "mmlu-pro", 81.0), ("gpt-4.1", "ifbench", 43.0)} <= got
    assert {s for s in got if s[0] == "OpenAI o3-mini"} == {("OpenAI o3-mini", "mmlu-pro", 79.0),
                                                            ("OpenAI o3-mini", "gpqa-diamond", 75.0),
                                                            ("OpenAI o3-mini", "livecodebench", 72.0)}


def test_html_table_footnotes_metric_column_and_em_dash(extract):
    article = json.loads((DEV / "035-kimi-k2-readme-html-table.json").read_text(encoding="utf-8"))
    ext = extract(html_article(article["text"], article["url"]).text)
    got = scores(ext)
    assert {("kimi-k2-instruct", "aime-2024", 69.6), ("deepseek-v3-0324", "aime-2024", 59.4),  # "59.4<sup>*</sup>"
            ("claude-opus-4", "gpqa-diamond", 74.9), ("gpt-4.1", "swe-bench-verified", 54.6)} <= got
    assert not any(s[0] == "gemini-2.5-flash-preview-05-20" and s[1] == "swe-bench-verified" for s in got)  # "—"
    aime = next(c for c in ext.claims if c.value == 69.6)
    assert aime.conditions == "Avg@64"
    qwen = next(c for c in ext.claims if c.subject.model_id == "qwen3-235b-a22b" and c.value == 40.1)
    assert "non-thinking" in qwen.conditions


def test_table_flattened_into_text(extract):
    ext = extract("以下是 DeepSeek-R1 和 OpenAI-o1-1217 的性能对比表,结合任务背景描述和具体数据:\n\n"
                  "任务任务背景评估方式DeepSeek-R1OpenAI-o1-1217对比分析\nAIME 2024\n"
                  "美国数学竞赛,考察代数、几何、数论等高难度数学问题。\nPass@1(正确率)\n79.8%\n79.2%\n"
                  "DeepSeek-R1 略胜 (+0.6%),两者在复杂数学任务中的表现差距很小。\nCodeforces\n"
                  "编程竞赛平台,考察算法设计和逻辑编程能力。\nPercentile(排名)\n96.3%\n96.6%\n"
                  "OpenAI-o1-1217 略高 (+0.3%),反映在算法和编程逻辑任务上性能相近。\nMATH-500\n"
                  "数学竞赛问题,涵盖公式推导、高级计算和数学证明。\nPass@1(正确率)\n97.3%\n96.4%\n")  # 001
    assert {("deepseek-r1", "aime-2024", 79.8), ("o1-1217", "aime-2024", 79.2), ("deepseek-r1", "math-500", 97.3),
            ("o1-1217", "math-500", 96.4), ("deepseek-r1", "codeforces-percentile", 96.3)} <= scores(ext)
    assert all("Pass@1" in (c.conditions or "") for c in ext.claims if c.value in (79.8, 96.4))


def test_a_short_column_label_is_the_model_the_article_names_in_full(extract):
    ext = extract("| Modèle | Paramètres | Context |\n|---|---|---|\n| Claude 3.5 Sonnet | Undisclosed | 200K |\n"
                  "| Mistral Large 2 | 123B | 128K |\n\nMistral AI a dévoilé Mistral Large 2, égalant GPT-4.\n"
                  "| Benchmark | GPT-4 | Claude 3.5 | Mistral L2 |\n|---|---|---|---|\n"
                  "| MMLU (knowledge) | 86,4% | 88,7% | 88,2% |\n")  # 014
    got = scores(ext)
    assert ("claude-3.5-sonnet-1022", "mmlu", 88.7) in got and ("Mistral Large 2", "mmlu", 88.2) in got
    assert ("GPT-4", "mmlu", 86.4) in got  # named on its own in prose: a model, never "GPT-4 Turbo"
    assert "Claude 3.5" not in {m.text for m in ext.new_models}


def test_a_row_label_is_not_spelled_out_by_its_neighbour_row(extract):
    ext = extract("| MMLU-Pro (Reasoning & Knowledge) | GPQA Diamond (Scientific Reasoning) |\n"
                  "qwen-3-fast | 78% | 66% |\nqwen-3 | 84% | 79% |\n")  # 016
    assert {s[0] for s in scores(ext) if s[2] == 84.0} != {"qwen-3-fast"}


def test_a_table_flattened_cell_by_cell_with_blank_lines_and_cell_notes(extract):
    ext = extract("評価項目 (ベンチマーク)\n\nGemini 3.0 Pro\n\nGPT-5.1 (OpenAI)\n\nClaude 4.5 Sonnet (Anthropic)\n\n勝敗・備考\n\n"
                  "① 超難関推論\n\n\n(Humanity's Last Exam)\n\n37.5%\n\n\n(Deep Think: 41.0%)\n\n26.5%\n\n13.7%\n\n圧倒的優位\n\n\n"
                  "③ 実践コーディング\n\n\n(LiveCodeBench Elo)\n\n2,439\n\n2,243\n\n1,418\n\n圧倒的優位\n")  # 039
    got = scores(ext)
    assert {("gemini-3-pro", "hle", 37.5), ("gemini-3-pro", "hle", 41.0), ("GPT-5.1", "hle", 26.5),
            ("Claude Sonnet 4.5", "hle", 13.7), ("gemini-3-pro", "livecodebench", 2439.0),
            ("Claude Sonnet 4.5", "livecodebench", 1418.0)} <= got
    deep = next(c for c in ext.claims if c.value == 41.0)
    assert deep.conditions == "Deep Think"
    elo = next(c for c in ext.claims if c.value == 2439.0)
    assert elo.conditions == "Elo"


def test_tier_first_column_labels_are_the_claude_models_prose_names(extract):
    ext = extract("Anthropic droppte Claude Opus 4.6 gegen 18:40 Uhr.\nGleicher Preis wie Opus 4.5.\n"
                  "| Benchmark | Opus 4.6 | Opus 4.5 | Änderung |\n|---|---|---|---|\n"
                  "| BrowseComp | 84.0% | 67.8% | +16.2% |\n")  # 052
    got = scores(ext)
    assert ("Claude Opus 4.6", "browsecomp", 84.0) in got and ("claude-opus-4.5", "browsecomp", 67.8) in got


def test_table_glued_without_separators(read):
    ext = read("Schneller Vergleich\n\nFeatureGemini 3.1 ProClaude Opus 4.6GPT-5.2\n"
                  "Veröffentlichung19. Feb. 2026Jan. 2026Dez. 2025\n"
                  "Input-Preis2 $/1M Token15 $/1M Token~10 $/1M Token\n"
                  "ARC-AGI-277,1 %37,6 %54,2 %\nSWE-Bench80,6 %72,6 %76,2 %\n\n"
                  "BenchmarkGemini 3.1 ProClaude Opus 4.6GPT-5.2\n"
                  "Humanity's Last Exam (ohne Tools)44,4 %41,2 %34,5 %\n")  # 073: an HTML table stored as bare text
    got = scores(ext)
    assert got == {("Gemini 3.1 Pro", "arc-agi-2", 77.1), ("Claude Opus 4.6", "arc-agi-2", 37.6),
                   ("gpt-5.2", "arc-agi-2", 54.2), ("Gemini 3.1 Pro", "swe-bench", 80.6),
                   ("Claude Opus 4.6", "swe-bench", 72.6), ("gpt-5.2", "swe-bench", 76.2),
                   ("Gemini 3.1 Pro", "hle", 44.4), ("Claude Opus 4.6", "hle", 41.2), ("gpt-5.2", "hle", 34.5)}
    hle = next(c for c in ext.claims if c.value == 44.4)
    assert hle.conditions == "ohne Tools" and hle.quote == "Humanity's Last Exam (ohne Tools)44,4 %41,2 %34,5 %"


def test_glued_table_rows_are_not_read_again_as_prose(extract):
    ext = extract("Gemini 3.1 Pro vs. Claude Opus 4.6 vs. GPT-5.2: Der beste KI-Modellvergleich (2026)\n\n"
                  "BenchmarkGemini 3.1 ProClaude Opus 4.6GPT-5.2\n"
                  "ARC-AGI-2 (Neuartiges Denken)77,1 %37,6 %54,2 %\n")  # 073
    assert scores(ext) == {("Gemini 3.1 Pro", "arc-agi-2", 77.1), ("Claude Opus 4.6", "arc-agi-2", 37.6),
                           ("gpt-5.2", "arc-agi-2", 54.2)}  # not GPT-5.2 (the heading's last model) with 77.1


CARD = Path(__file__).resolve().parents[1] / "data" / "modelcards" / "kimi-k2.5-table-excerpt.md"


def test_a_markdown_model_card_with_an_html_table_gives_every_cell_as_its_publishers_report(extract):
    # GitHub and Hugging Face READMEs put benchmark tables in <table> blocks: read as plain Markdown, the card gave
    # no score at all. Every cell is Moonshot's report, the rivals' columns included.
    from ingest.articles import read_article
    article = read_article(str(CARD))
    claims = [c for c in extract(article.text).claims if c.kind == "benchmark_score"]
    got = {(c.subject.model_id, c.benchmark_id, c.value) for c in claims}
    assert {("kimi-k2.5", "hle", 30.1), ("gpt-5.2", "hle", 34.5), ("claude-opus-4.5", "hle", 30.8),
            ("kimi-k2.5", "hle", 50.2), ("gemini-3-pro", "aime-2025", 95.0)} <= got
    assert {c.reported_by for c in claims} == {"moonshot"}
    assert not any(c.subject.model_id is None and "Qwen3-VL" in c.subject.text and c.value is None for c in claims)


def test_an_unattributed_launch_table_is_the_first_named_models_vendors_even_when_rivals_outnumber_it(extract):
    # DeepSeek's R1 table (shared/data/modelcards/deepseek-r1.md): three OpenAI columns, two DeepSeek ones
    text = ("We introduce DeepSeek-R1, which incorporates cold-start data before RL.\n\n"
            "| Benchmark (Metric) | Claude-3.5-Sonnet-1022 | GPT-4o 0513 | DeepSeek V3 | OpenAI o1-mini | "
            "OpenAI o1-1217 | DeepSeek R1 |\n|---|---|---|---|---|---|---|\n"
            "| MMLU (Pass@1) | 88.3 | 87.2 | 88.5 | 85.2 | 91.8 | 90.8 |\n")
    claims = [c for c in extract(text).claims if c.kind == "benchmark_score"]
    assert len(claims) == 6 and {c.reported_by for c in claims} == {"deepseek"}
    # a table of one vendor's models is that vendor's, as before
    own = extract("| Model | GPQA |\n|---|---|\n| GPT-5.1 | 88.1 |\n| GPT-5 | 85.7 |\n").claims
    assert {c.reported_by for c in own if c.kind == "benchmark_score"} == {"openai"}


def test_a_cell_with_a_noted_second_figure_gives_both(extract):
    ext = extract("| 特徴 | Claude Opus 4.5 | Gemini 3.0 Pro | 勝者 |\n|---|---|---|---|\n"
                  "| SWE-bench (Verified) | 80.9% | 76.2% | Claude |\n"
                  "| AIME 2025 (Math) | 87.0% (Code: 100%) | 95.0% (Code: 100%) | Gemini |\n")  # 066
    got = {(c.subject.model_id, c.value): c.conditions for c in ext.claims if c.benchmark_id == "aime-2025"}
    assert got[("claude-opus-4.5", 87.0)] == "Math" and got[("claude-opus-4.5", 100.0)] == "Math; Code"
    assert ("gemini-3-pro", 95.0) in got and ("gemini-3-pro", 100.0) in got


def test_a_category_column_before_the_benchmark_column_groups_rows_and_names_nothing(extract):
    # deepseek-ai/DeepSeek-V3 README.md @ acbbd8938cde6914e00e6a1c43c673fceaba9418, "Chat Model" table (excerpt)
    ext = extract("| | **Benchmark (Metric)** | **DeepSeek V2.5-0905** | **Claude-3.5-Sonnet-1022** | **GPT-4o 0513** | "
                  "**DeepSeek V3** |\n|---|---|---|---|---|---|\n"
                  "| | Architecture | MoE | - | - | MoE |\n"
                  "| | # Total Params | 236B | - | - | 671B |\n"
                  "| English | MMLU (EM) | 80.6 | **88.3** | 87.2 | **88.5** |\n"
                  "| | GPQA-Diamond (Pass@1) | 41.3 | **65.0** | 49.9 | 59.1 |\n"
                  "| Code | SWE Verified (Resolved) | 22.6 | **50.8** | 38.8 | 42.0 |\n"
                  "| Math | AIME 2024 (Pass@1) | 16.7 | 16.0 | 9.3 | **39.2** |\n")
    got = scores(ext)
    assert {("deepseek-v3", "mmlu", 88.5), ("claude-3.5-sonnet-1022", "gpqa-diamond", 65.0),
            ("gpt-4o-0513", "swe-bench-verified", 38.8), ("deepseek-v3", "aime-2024", 39.2)} <= got
    assert len(got) == 16  # every figure cell once; parameters and architecture are not scores
    mmlu = next(c for c in ext.claims if c.value == 80.6)
    assert mmlu.conditions == "EM"


def test_a_shots_column_is_each_rows_condition(extract):
    # deepseek-ai/DeepSeek-V3 README.md @ acbbd89, "Base Model" table (excerpt)
    ext = extract("|  | Benchmark (Metric) | # Shots | DeepSeek-V2 | Qwen2.5 72B | LLaMA3.1 405B | DeepSeek-V3 |\n"
                  "|---|---|---|---|---|---|---|\n"
                  "| English | BBH (EM) | 3-shot | 78.8 | 79.8 | 82.9 | **87.5** |\n"
                  "| | MMLU (Acc.) | 5-shot | 78.4 | 85.0 | 84.4 | **87.1** |\n")
    mmlu = next(c for c in ext.claims if c.value == 87.1)
    assert mmlu.subject.model_id == "deepseek-v3" and mmlu.conditions == "Acc.; 5-shot"


def test_a_label_spelled_like_a_model_beside_known_models_is_a_model(extract):
    # dev-080 (Tencent/Hunyuan-Large README_CN.md) and dev-083 (THUDM/GLM-4 README.md): families nobody taught the
    # record, in a header or a first column with models it knows
    ext = extract("| Model            | LLama3.1-405B | LLama3.1-70B | Mixtral-8x22B | DeepSeek-V2 | Hunyuan-Large |\n"
                  "|------------------|---------------|--------------|---------------|-------------|---------------|\n"
                  "| MMLU             | 85.2          | 79.3         | 77.8          | 78.5        | **88.4**          |\n"
                  "| MMLU-Pro         | **61.6**          | 53.8         | 49.5          | -           | 60.2          |\n")
    got = scores(ext)
    assert {("Hunyuan-Large", "mmlu", 88.4), ("Hunyuan-Large", "mmlu-pro", 60.2)} <= got
    ext = extract("| Model               | MMLU | C-Eval | GPQA | GSM8K | MATH | HumanEval |\n"
                  "|:--------------------|:----:|:------:|:----:|:-----:|:----:|:---------:|\n"
                  "| Llama-3-8B          | 66.6 |  51.2  |  -   | 45.8  |  -   |   33.5    |\n"
                  "| Llama-3-8B-Instruct | 68.4 |  51.3  | 34.2 | 79.6  | 30.0 |   62.2    |\n"
                  "| ChatGLM3-6B-Base    | 61.4 |  69.0  | 26.8 | 72.3  | 25.7 |   58.5    |\n")
    assert ("ChatGLM3-6B-Base", "mmlu", 61.4) in scores(ext)


def test_a_category_word_beside_models_is_not_a_model(extract):
    ext = extract("| Benchmark | Average | GPT-4.1 | Claude Opus 4 |\n|---|---|---|---|\n"
                  "| MMLU | 80.0 | 90.2 | 88.8 |\n")
    assert {s[0] for s in scores(ext)} == {"gpt-4.1", "claude-opus-4"}


def test_a_dated_api_snapshot_is_the_model_the_record_knows(extract):
    # dev-083 (THUDM/GLM-4 README.md), the multimodal table
    ext = extract("|                            | **MMBench-EN-Test** | **MMMU** | **OCRBench** |\n"
                  "|----------------------------|---------------------|----------|--------------|\n"
                  "| **gpt-4o-2024-05-13**      | 83.4                | 69.2     | 736          |\n"
                  "| **gpt-4-turbo-2024-04-09** | 81.0                | 61.7     | 656          |\n")
    got = scores(ext)
    assert ("gpt-4o-0513", "mmmu", 69.2) in got
    assert ("gpt-4-turbo-2024-04-09", "mmmu", 61.7) in got  # a model the curated record does not know stays as written


def test_a_chinese_lead_over_a_model_is_no_score_of_it(extract):
    # dev-080: "higher than LLama3.1-405B by 2.6%"
    ext = extract("值得注意的是，在MMLU数据集上，我们的模型表现出了显著的提升， 相比与LLama3.1-405B模型高出2.6%。")
    assert not any(s[2] == 2.6 for s in scores(ext))


def test_an_abbreviated_instruct_label_is_the_instruct_model(extract):
    # dev-080 (Tencent/Hunyuan-Large README_CN.md), the instruct models' table
    ext = extract("| Model                | LLama3.1 405B Inst. | LLama3.1 70B Inst. | Mixtral 8x22B Inst. | "
                  "DeepSeekV2.5 Chat | Hunyuan-Large Inst. |\n"
                  "|----------------------|---------------------|--------------------|---------------------|"
                  "-------------------|---------------------|\n"
                  "| MMLU                 | 87.3                | 83.6               | 77.8                | 80.4    "
                  "          | **89.9**            |\n"
                  "| ARC-C                | **96.9**            | 94.8               | 90.0                | -       "
                  "          | 94.6                |\n")
    got = scores(ext)
    assert {("llama-3.1-405b-instruct", "mmlu", 87.3), ("llama-3.1-405b-instruct", "arc-challenge", 96.9),
            ("Hunyuan-Large-Instruct", "mmlu", 89.9)} <= got


def test_a_sized_label_is_its_own_checkpoint_not_a_longer_name_elsewhere(extract):
    # dev-083 (THUDM/GLM-4 README.md): the chat table's "ChatGLM3-6B" is not the base table's "ChatGLM3-6B-Base"
    ext = extract("| Model               | AlignBench | MT-Bench | IFEval | MMLU |\n"
                  "|:--------------------|:----------:|:--------:|:------:|:----:|\n"
                  "| Llama-3-8B-Instruct |    6.40    |   8.00   |  68.6  | 68.4 |\n"
                  "| ChatGLM3-6B         |    5.18    |   5.50   |  28.1  | 61.4 |\n"
                  "| GLM-4-9B-Chat       |    7.01    |   8.35   |  69.0  | 72.4 |\n\n"
                  "### 基座模型典型任务\n\n"
                  "| Model               | MMLU | C-Eval | GPQA | GSM8K | MATH | HumanEval |\n"
                  "|:--------------------|:----:|:------:|:----:|:-----:|:----:|:---------:|\n"
                  "| Llama-3-8B          | 66.6 |  51.2  |  -   | 45.8  |  -   |   33.5    |\n"
                  "| ChatGLM3-6B-Base    | 61.4 |  69.0  | 26.8 | 72.3  | 25.7 |   58.5    |\n"
                  "| GLM-4-9B            | 74.7 |  77.1  | 34.3 | 84.0  | 30.4 |   70.1    |\n")
    got = scores(ext)
    assert {("ChatGLM3-6B", "alignbench", 5.18), ("ChatGLM3-6B", "mt-bench", 5.5),
            ("ChatGLM3-6B-Base", "c-eval", 69.0)} <= got
    assert not any(s[0] == "ChatGLM3-6B-Base" and s[1] == "alignbench" for s in got)


def test_a_metric_in_full_width_brackets_names_the_benchmark_variant(extract):
    # the row is dev-079's (deepseek-ai/DeepSeek-V3 README_zh.md); the header is shortened to two models
    ext = extract("| | **基准（指标）** | **GPT-4o 0513** | **DeepSeek V3** |\n|---|---|---|---|\n"
                  "| 代码 | HumanEval-Mul（通过率@1） | 80.5 | **82.6** |\n"
                  "| | Codeforces（百分位数） | 23.6 | **51.6** |\n")
    assert ("deepseek-v3", "codeforces-percentile", 51.6) in scores(ext)


def _dev_text(name: str) -> str:
    return json.loads((DEV / name).read_text(encoding="utf-8"))["text"]


def test_a_markdown_table_pasted_onto_one_line(extract):
    # dev-121: the table lost its line breaks; "MATH (500)" is MATH-500
    text = _dev_text("121-deepseek-r1-en-dataku-md-table.json")
    line = next(line for line in text.splitlines() if line.startswith("| Benchmark | DeepSeek R1"))
    got = scores(extract(line))
    assert {("deepseek-r1", "math-500", 97.3), ("deepseek-v3", "math-500", 61.6),
            ("deepseek-r1", "codeforces-rating", 2029.0), ("deepseek-v3", "mmlu", 87.1)} <= got
    assert len(got) == 32


def test_rows_separated_by_spaces_under_a_models_line_or_a_benchmark_heading(read):
    # dev-113: a launch table pasted with spaces only, then per-benchmark blocks of model rows
    ext = read(_dev_text("113-gpt-5-o3-4o-ja-qiita-table.json"))
    got = scores(ext)
    assert {("GPT-5", "mmmu", 84.2), ("gpt-4.1", "mmmu", 74.8), ("GPT-5 mini", "collie", 98.5),
            ("GPT-5", "healthbench", 67.2), ("GPT-5", "healthbench", 54.3), ("gpt-4o-0513", "healthbench-hard", 0.0)} <= got
    assert not any(s[1] == "mmmu" and s[2] in (32.0, 59.8) for s in got)  # the HealthBench rows are not prose
    charxiv = next(c for c in ext.claims if c.value == 81.1)
    assert charxiv.benchmark_text == "CharXiv reasoning" and charxiv.conditions == "python enabled"


def test_one_models_column_beside_deltas_and_notes(extract):
    # dev-114: "テスト項目 | Grok 4スコア | 第2位との差 | 備考"; the deltas are no scores
    got = scores(extract(_dev_text("114-grok-4-ja-qiita-table-deltas.json")))
    table = {s for s in got if s[0] == "Grok 4"}
    assert {("Grok 4", "aime-2025", 100.0), ("Grok 4", "hle", 44.4), ("Grok 4", "arc-agi-2", 15.9)} <= table
    assert not any(s[2] in (19.5, 3.0) for s in got)


def test_a_table_of_conditions_about_the_benchmark_its_intro_names(extract):
    # dev-119: "System | Ergebnis ohne Tools | Mit Tools (Web/Coding)" under a sentence about HLE
    ext = extract(_dev_text("119-hle-grok-4-de-begerow-table.json"))
    got = scores(ext)
    assert {("Grok 4", "hle", 25.4), ("Grok 4", "hle", 38.6), ("Grok 4 Heavy", "hle", 44.4), ("OpenAI o3", "hle", 24.9)} <= got
    assert not any(s[0].startswith("Gemini") for s in got)  # "Gemini-Pro (Google)": a family's tier, no model
    assert next(c for c in ext.claims if c.value == 25.4).conditions == "Ergebnis ohne Tools"


def test_spaced_rows_with_winner_and_difference_columns_and_glossed_benchmarks(extract):
    # dev-152: "Benchmark Gemini 3.1 Pro Claude Opus 4.6 Ganador Diferencia", rows end in "Gemini +8.3pp"
    ext = extract(_dev_text("152-gemini-3-1-pro-opus-4-6-es-apiyi-table.json"))
    got = {(c.subject.text, c.benchmark_id or c.benchmark_text, c.value) for c in ext.claims if c.kind == "benchmark_score"}
    claude = {s[1:] for s in got if s[0] == "Claude Opus 4.6"}
    assert {("arc-agi-2", 68.8), ("mcp-atlas", 59.5), ("hle", 40.0), ("hle", 53.1), ("mmmlu", 91.1),
            ("gdpval-aa", 1606.0)} <= claude
    assert ("Gemini 3.1 Pro", "gdpval-aa", 1317.0) in got and len(got) == 24
    assert not any(s[2] in (8.3, 289.0, 13.0) for s in got)  # differences and win counts are no scores


def test_a_glued_row_whose_first_cell_is_a_bound(extract):
    # dev-151: "ARC-AGI>90%85.1%82.3%" under "CaracterísticaGPT-5.2 (OpenAI)Claude Opus 4.5 (Anthropic)Gemini 3 Pro (Google)"
    ext = extract(_dev_text("151-gpt-5-2-opus-4-5-gemini-3-es-javadex-table.json"))
    arc = {(c.subject.text, c.value, c.conditions) for c in ext.claims if c.kind == "benchmark_score" and
           (c.benchmark_id or "").startswith("arc-agi")}
    assert ("Claude Opus 4.5", 85.1, None) in arc and ("GPT-5.2", 90.0, "more than") in arc
    assert not any(c.benchmark_text and ">" in c.benchmark_text for c in ext.claims)


def test_a_markdown_table_of_swe_bench_subsets_beside_price_and_context_columns(extract):
    # dev-176: "| Модель | SWE-bench Lite (%) | SWE-bench Full (%) | Стоимость (за 1М токенов) | Контекст |"
    ext = extract(_dev_text("176-swe-bench-ru-aimanual-table.json"))
    got = {(c.subject.text, c.benchmark_id, c.value) for c in ext.claims if c.kind == "benchmark_score"}
    assert {("DeepSeek v3.2", "swe-bench-lite", 78.3), ("DeepSeek v3.2", "swe-bench-full", 62.1),
            ("Claude Sonnet 4.5", "swe-bench-full", 55.9)} <= got
    assert not any(v in (0.8, 1.5, 200.0) for _, _, v in got)  # prices and context sizes are no scores
    assert next(c for c in ext.claims if c.value == 55.9).conditions is None  # "(%)" is a unit, no condition


def test_a_model_cell_in_another_word_order_links_to_the_record(extract):
    text = ("| Model | SWE-bench Verified | GPQA Diamond |\n|---|---|---|\n| Claude 4.0 Sonnet | 72.7 | 75.4 |\n"
            "| Gemini 3 Pro | 76.2 | 91.9 |\n")
    ext = extract(text)
    assert {c.subject.model_id for c in ext.claims if c.kind == "benchmark_score"} == {"claude-sonnet-4", "gemini-3-pro"}


def test_footnote_marks_and_memory_columns_in_a_readme(extract):
    # dev-179: "AGIEval<sup>1</sup>" headers; a quantisation table of memory (GB) beside MMLU under an intro naming MMLU
    ext = extract(_dev_text("179-xverse-13b-readme-ja-table.json"))
    got = {(c.subject.text, c.benchmark_id or c.benchmark_text, c.value) for c in ext.claims if c.kind == "benchmark_score"}
    assert ("XVERSE-13B", "agieval", 41.4) in got or ("XVERSE-13B", "AGIEval", 41.4) in got
    assert not any(b and b.endswith(" 1") for _, b, _ in got)
    assert not any(v in (28.2, 16.8, 10.9) for _, _, v in got)  # memory in GB is no MMLU score


def test_a_glued_header_across_scripts_and_rows_ending_in_a_change(extract):
    # dev-166: "벤치마크Opus 4.5Opus 4.6변화" then "ARC AGI 2 (새로운 유형의 추론)37.6%68.8%+31.2pp"
    ext = extract("주요 벤치마크 비교\n\n벤치마크Opus 4.5Opus 4.6변화\nARC AGI 2 (새로운 유형의 추론)37.6%68.8%+31.2pp\n"
                  "OSWorld (에이전틱 컴퓨터 사용)66.3%72.7%+6.4pp\nSWE-bench Verified (실제 코딩)80.9%80.8%-0.1pp\n")
    got = {(c.subject.model_id or c.subject.text, c.benchmark_id, c.value) for c in ext.claims if c.kind == "benchmark_score"}
    assert {("claude-opus-4.5", "arc-agi-2", 37.6), ("Claude Opus 4.6", "arc-agi-2", 68.8),
            ("Claude Opus 4.6", "swe-bench-verified", 80.8)} <= got
    assert not any(v in (31.2, 6.4, 0.1) for _, _, v in got)


def test_two_snapshots_side_by_side_stay_two_models_and_a_br_note_is_a_condition(extract):
    text = ("| Model | #TP | #AP | HumanEval | MBPP+ |\n|---|---|---|---|---|\n"
            "| **Claude-3-Opus**                   |  -   |  -   |   84.2    |   72.0    |\n"
            "| **GPT-4-Turbo-1106**                |  -   |  -   |   87.8    |   69.3    |\n"
            "| **GPT-4-Turbo-0409**                |  -   |  -   |   88.2    |   72.2    |\n")  # 221
    got = {(c.subject.text, c.value) for c in extract(text).claims if c.benchmark_id == "humaneval"}
    assert {("GPT-4-Turbo-1106", 87.8), ("GPT-4-Turbo-0409", 88.2)} <= got
    ext = extract(_dev_text("224-phi-3-medium-128k-instruct-azureml-card-en-table.json"))
    phi = {c for c in ext.claims if c.kind == "benchmark_score" and c.subject.text.startswith("Phi-3")}
    assert phi and {c.subject.text for c in phi} == {"Phi-3-Medium-128k-Instruct"}  # "…<br>14b" is a note


def test_rows_that_lost_their_category_cell_and_footnote_digits_glued_to_names(extract):
    # dev-263: a Qwen launch table whose category column spanned rows before it was flattened to Markdown
    text = ("| Capability | Benchmark | GPT-5.2 -Thinking | Claude-Opus -4.5 | Gemini 3 Pro |\n|---|---|---|---|---|\n"
            "| Knowledge | MMLU-Pro | 87.4 | 89.5 | 89.8 |\n| MMLU-Redux | 95.0 | 95.6 | 95.9 | |\n"
            "| STEM | GPQA | 92.4 | 87.0 | 91.9 |\n| HLE1 | 35.5 | 30.8 | 37.5 | |\n"
            "| HMMT Nov 25 | - | - | 93.3 | |\n| Agentic Search | HLE (w/ tools)2 | 45.5 | 43.2 | 45.8 |\n")
    got = {(c.subject.text, c.benchmark_id or c.benchmark_text, c.value, c.conditions)
           for c in extract(text).claims if c.kind == "benchmark_score"}
    assert ("Claude-Opus -4.5", "mmlu-redux", 95.6, None) in got or ("Claude Opus 4.5", "mmlu-redux", 95.6, None) in got
    values = {(b, v) for _, b, v, _ in got}
    assert {("mmlu-redux", 95.0), ("hle", 35.5), ("hle", 45.5), ("hmmt-nov-2025", 93.3)} <= values
    assert not any(b in ("Knowledge", "STEM", "Agentic Search") or str(b).endswith(("1", "2")) for b, _ in values)


def test_model_card_abbreviations_of_benchmarks(extract):
    text = ("| Benchmark | Seed-OSS-36B-Instruct | Qwen3-32B |\n|---|---|---|\n| GPQA-D | 71.4 | 66.7 |\n"
            "| ArcAGI V2 | 1.45 | 0 |\n| TAU1-Retail | 70.4 | 40.9 |\n| HMMT25 | 55.4 | 38.8 |\n")  # 255, 256
    got = {(c.benchmark_id, c.value) for c in extract(text).claims if c.kind == "benchmark_score"}
    assert {("gpqa-diamond", 71.4), ("arc-agi-2", 1.45), ("tau-bench", 70.4), ("hmmt-2025", 55.4)} <= got
    assert not extract("Researchers at TAU found that GPT-5 scored 80% on a new test.").claims  # no bare 'TAU'


def test_a_benchmark_of_the_opencompass_catalog_is_known_and_a_cut_year_is_the_dated_test(extract_as_seeded):
    extract = extract_as_seeded
    text = ("| **Benchmark** | **DeepSeek V3.1** | **Qwen3 MoE-2507** | **Kimi-K2** | **GPT-4.1** |\n|---|---|---|---|---|\n"
            "| Humaneval+<sub>(pass@1)</sub> | 92.68 | 94.51 | 85.98 | 93.29 |\n"
            "| MBPP+<sub>(pass@1)</sub> | 79.89 | 79.89 | 81.75 | 79.37 |\n")  # 253, first five columns
    got = {(c.subject.model_id, c.benchmark_id, c.value) for c in extract(text).claims if c.kind == "benchmark_score"}
    # HumanEval+ and MBPP+ ("MBPP-PLUS") are in the record only through the committed OpenCompass dataset index
    assert {("deepseek-v3.1", "humaneval-plus", 92.68), ("gpt-4.1", "humaneval-plus", 93.29)} <= got
    assert {("deepseek-v3.1", "mbpp-plus", 79.89), ("gpt-4.1", "mbpp-plus", 79.37)} <= got
    text = ("评测基准 Hunyuan-0.5B-Instruct Qwen3-0.6B\nAIME’24 17.2 10.7\nAIME’25 20.0 15.1\n"
            "GPQA-Diamond 23.3 27.9\n")  # 309: a flattened table, the year cut after a curly apostrophe
    got = {(c.subject.text, c.benchmark_id, c.value) for c in extract(text).claims if c.kind == "benchmark_score"}
    assert {("Qwen3-0.6B", "aime-2024", 10.7), ("Qwen3-0.6B", "aime-2025", 15.1)} <= got
    text = "| Model | AIME25 | HMMT25 | CNMO24 |\n|---|---|---|---|\n| Grok 4 | 98.8 | 93.9 | 85.5 |\n"  # 254
    got = {(c.benchmark_id, c.value) for c in extract(text).claims if c.kind == "benchmark_score"}
    assert got == {("aime-2025", 98.8), ("hmmt-2025", 93.9), ("cnmo-2024", 85.5)}


def test_a_data_split_before_a_bracketed_subset_is_the_benchmark_on_that_split(extract):
    text = ("| Model | Size | MMB test (en) | MMB test (cn) |\n|---|---|---|---|\n"
            "| GPT-4V (2023.11.06) | - | 77.0 | 74.4 |\n")  # 126
    got = {(c.benchmark_id, c.value, c.conditions) for c in extract(text).claims if c.kind == "benchmark_score"}
    # the model label's snapshot date is a condition too, as in any cell of that row
    assert got == {("mmbench", 77.0, "test; en; 2023.11.06"), ("mmbench", 74.4, "test; cn; 2023.11.06")}


def test_markdown_escaped_points_in_cells_are_decimal_points(extract):
    text = ("### HumanEval (Pass@1,10,100)\n\n| **Model**           | **Pass@1** | **Pass@10** | **Pass@100** |\n"
            "| :-----------------: | :--------: | :---------: | :----------: |\n"
            "| CodeGen-16B-multi   | 19\\.2      | 34\\.6       | 55\\.2        |\n"
            "| CodeGeeX-13B        | 22\\.9      | 39\\.6       | 60\\.9        |\n")  # 140
    got = {(c.subject.text, c.benchmark_id, c.value, c.conditions) for c in extract(text).claims}
    assert {("CodeGen-16B-multi", "humaneval", 19.2, "Pass@1"), ("CodeGeeX-13B", "humaneval", 60.9, "Pass@100")} <= got
    assert len(got) == 6


def test_a_cell_with_a_second_figure_in_brackets_is_its_first_figure(extract):
    from ingest.articles import inline_html_tables
    html = ('<table>\n<thead>\n<tr>\n<th align="center">Benchmark</th>\n<th align="center"><sup>Qwen3-30B-A3B-Base-2507*'
            '</sup></th>\n<th align="center"><sup>Qwen2.5-32B-Base*</sup></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
            '<td align="center">MMLU-Pro</td>\n<td align="center">59.8</td>\n<td align="center">58.5 (55.1)</td>\n</tr>\n'
            '<tr>\n<td align="center">MMLU</td>\n<td align="center">82.7</td>\n<td align="center">84 (83.3)</td>\n</tr>\n'
            '</tbody>\n</table>\n')  # 255: the first figure is the publisher's run, the bracket what the maker reported
    got = {(c.subject.text, c.benchmark_id, c.value) for c in extract(inline_html_tables(html)).claims}
    assert {("Qwen2.5-32B-Base", "mmlu-pro", 58.5), ("Qwen2.5-32B-Base", "mmlu", 84.0)} <= got
    assert not {v for _, _, v in got} & {55.1, 83.3}


def test_a_column_of_the_language_model_each_system_is_built_on_names_no_row(extract_as_seeded):
    from ingest.articles import inline_html_tables

    def row(*cells):
        return "    <tr>\n" + "".join(f"        <td>{c}</td>\n" for c in cells) + "    </tr>\n"
    html = ("<table>\n" + row("Method", "LLM", "MM-VET", "POPE(adversarial)", "TouchStone")
            + row("BLIP-2", "Vicuna-13B", "22.4", "-", "-") + row("Otter", "MPT-7B", "24.7", "-", "-")
            + row("MiniGPT4", "Vicuna-13B", "24.4", "70.4", "531.7") + row("LLaVA", "LLaMA2-7B", "28.1", "66.3", "602.7")
            + row("LLaVA-1.5", "Vicuna-13B", "36.3", "84.5", "-") + "</table>\n")  # 230; POPE via EvalScope's list
    got = {(c.subject.text, c.benchmark_id, c.value) for c in extract_as_seeded(inline_html_tables(html)).claims}
    assert {("BLIP-2", "mm-vet", 22.4), ("LLaVA-1.5", "mm-vet", 36.3), ("LLaVA-1.5", "pope", 84.5)} <= got
    assert not any(s[0].startswith(("Vicuna", "MPT", "LLaMA")) for s in got)
