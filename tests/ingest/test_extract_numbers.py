"""Figures written the local way: decimal commas, full-width digits, CJK score units, percent in words."""
from __future__ import annotations

from ingest.extract.textnorm import figures, normalise

from .conftest import scores


def values(text: str) -> list[tuple[float, str | None]]:
    return [(f.value, f.unit) for f in figures(normalise(text))]


def test_decimal_comma_and_cjk_units_in_real_sentences():
    # 013, 021, 003, 012
    assert values("Magistral Medium a par exemple obtenu un score de précision de 73,6 % sur AIME-2024") == [(73.6, "%")]
    assert values("En la evaluación (MMMU) obtuvo un 84,2% de precisión.") == [(84.2, "%")]
    assert values("前者L1获得了91.6的成绩,而o1仅有85.5分,Qwen2.5表现也不错83.1。") == [(91.6, None), (85.5, "分"),
                                                                              (83.1, None)]
    korean = values("'GPT-4o(13.7%)'의 3배에 달하는 수준이다.")  # the 4 is the model's, dropped by its name
    assert (13.7, "%") in korean and (3.0, None) not in korean


def test_full_width_digits_and_percent_in_words():
    assert values("スコアは７６．８点") == [(76.8, "点")]
    assert values("76.8 percent, 44,9 Prozent, 52,9 pour cent, 71,7 por ciento, 49 процента") == [
        (76.8, "%"), (44.9, "%"), (52.9, "%"), (71.7, "%"), (49.0, "%")]


def test_counts_money_sizes_ranks_and_deltas_are_not_scores():
    # 004, 026, 027, 011
    assert values("1 万亿参数却只激活 320 亿,INT4 量化下推理速度比同类快 2 倍") == []
    assert (15.0, "%") not in values("Terminal Bench: 15% improvement over Sonnet 4.5")
    money = values("mean net worth is $5,478.16 (272% higher than GPT-5.1)")
    assert not any(v in (5478.16, 272.0) for v, _ in money)
    ranked = values("'GPT-5 로우(low)' 역시 63점으로 8위에 올랐다")  # 63 points, 8th place
    assert (63.0, "점") in ranked and (8.0, None) not in ranked


def test_a_decimal_comma_table_gives_dotted_values(extract):
    ext = extract("| Benchmark | GPT-4 | Claude 3.5 | Gemini Pro | Mistral L2 |\n|---|---|---|---|---|\n"
                  "| MMLU (knowledge) | 86,4% | 88,7% | 85,9% | 88,2% |\n")  # 014
    assert ("GPT-4", "mmlu", 86.4) in scores(ext)
    quote = next(c.quote for c in ext.claims if c.value == 86.4)
    assert "86,4%" in quote


def test_a_pass_at_k_metric_is_no_figure_and_thousands_keep_their_decimals():
    got = values("DeepSeek-R1 在 AIME 2024 上的 pass@1 得分为 79.8%")  # 002's figure, 034's metric
    assert (79.8, "%") in got and (1.0, None) not in got
    assert (1721.9, "점") in values("창작력 평가 Creative Writing v3에서도 Thinking 모드가 1,721.9점으로 2위")  # 046


def test_a_decimal_comma_is_never_read_as_a_whole_number(extract):
    ext = extract("Gemini 3 Pro schafft im Humanity's Last Exam 37,5 Prozent.")  # constructed: 37,5 % is 037's figure
    assert scores(ext) == {("gemini-3-pro", "hle", 37.5)}


def test_a_figure_with_a_leading_zero_is_a_date_in_a_name():
    assert values("Anthropic 的 Claude 4 Opus(64) 和国内 DeepSeek R1 0528(68)。") == [(4.0, None), (64.0, None),
                                                                                   (68.0, None)]  # 058


def test_a_thousands_point_before_points_is_read_as_thousands():
    from ingest.extract.textnorm import figures, thousands_points
    got = [(f.value, f.unit) for f in
           figures(thousands_points("anotando 2.622 y 2.516 puntos respectivamente; 1.487 Punkte; 2.5 points"))]
    assert (2622.0, None) in got and (1487.0, "Punkte") in got and (2.5, "points") in got


def test_a_gap_between_models_and_a_share_of_the_parameters_are_no_scores(extract):
    # dev-301: the 38 is the gap to DeepSeek V3.2, the scores are in brackets
    ext = extract("On GPQA Diamond (43.9%) and SimpleQA (23.8%), it scores substantially below DeepSeek V3.2 (82.4% and 97.1% "
                  "respectively) and the proprietary frontier. The gap is not small - it is 38 points on GPQA Diamond versus "
                  "DeepSeek V3.2 alone.")
    assert 38.0 not in {c.value for c in ext.claims}
    # dev-307: "以不到 40% 的参数量" is under 40% of the parameters
    ext = extract("这个模型总参数 397B,激活仅 17B,以不到 40% 的参数量超越了上一代万亿参数级的 Qwen3-Max,多项基准媲美甚至超越 GPT-5.2 "
                  "和 Gemini 3 pro:MMLU-Pro 知识推理 87.8 分超越 GPT-5.2。")
    assert 40.0 not in {c.value for c in ext.claims}
