"""Model names with versions and variants, known or not, with their vendor; families are never models.

Every text here is an excerpt of a real article in tests/data/extraction/dev/.
"""
from __future__ import annotations

from ingest.extract import SourceContext, build_extractor
from ingest.extract.names import NameFinder

from .conftest import releases, scores


def test_unknown_versioned_names_are_found_with_canonical_spelling():
    finder = NameFinder()
    text = ("Исследователи из DeepSeek-AI представили DeepSeek-V3.2-Speciale — модель. "  # 025
            "When Claude 4.5 Sonnet launched in September with a 77.2% score. "  # 028
            "while GLM-4.5-Air offers a more compact design. "  # 036
            "Mistral Large 3, le produit phare, surpasse ses concurrents open source Kimi-K2 et Deepseek-3.1. "  # 015
            "OpenAIの「o3 High」「o4-Mini High」や、グーグル傘下の「Gemini 2.5 Pro」")  # 006
    names = [h.name for h in finder.find(text)]
    assert names == ["DeepSeek-V3.2-Speciale", "Claude Sonnet 4.5", "GLM-4.5-Air", "Mistral Large 3", "Kimi-K2",
                     "DeepSeek-V3.1", "OpenAI o3", "OpenAI o4-mini", "Gemini 2.5 Pro"]  # the line's versions carry a V


def test_names_glued_to_chinese_or_japanese_text_are_found(extract):
    ext = extract("开源大模型DeepSeek-R1 发布,性能对标GPT o1\n"  # 001
                  "特に、最小構成のQwen3-4BモデルがGPT-4oに匹敵する性能を示したことが話題を呼んでいる。")  # 005
    assert {"deepseek-r1", "gpt-4o-0513"} <= {m.id for m in ext.mentions if m.kind == "model"}
    assert "Qwen3-4B" in {m.text for m in ext.new_models}


def test_unknown_model_gets_its_vendor_and_a_known_one_keeps_the_record_id(extract):
    # 008: "OpenAI ... published the new model GPT-5.1 for developers on 13 November 2025"
    ext = extract("OpenAIが2025年11月13日、GPT-5シリーズの新モデル「GPT-5.1」をAPI platform経由で開発者向けに公開しました。")
    new = {m.text: m.vendor_id for m in ext.new_models}
    assert new["GPT-5.1"] == "openai"
    assert releases(ext) == {("GPT-5.1", "2025-11-13")}


def test_a_family_is_never_a_release_the_named_models_are(extract):
    ext = extract("Anthropic's Claude 4 series marked a significant step forward when Claude Sonnet 4 and Claude Opus 4 "
                  "launched on May 22, 2025.")  # 026
    assert releases(ext) == {("claude-sonnet-4", "2025-05-22"), ("claude-opus-4", "2025-05-22")}
    assert "claude" not in {m.id for m in ext.mentions}


def test_short_form_of_a_line_the_article_names_is_that_model(extract):
    ext = extract("Anthropic released Claude Sonnet 4.5 in September 2025 and Opus 4.5 in November. Since then, "
                  "Anthropic has released upgraded versions: Sonnet 4.5 (September 29, 2025), Opus 4.5 (November 24, "
                  "2025), and Sonnet 4.6 (February 17, 2026).")  # 026
    assert releases(ext) == {("Claude Sonnet 4.5", "2025-09-29"), ("claude-opus-4.5", "2025-11-24"),
                             ("Claude Sonnet 4.6", "2026-02-17")}


def test_names_written_in_hangul_are_the_latin_names(extract):
    ext = extract("xAI는 9일 ‘엑스’ 생방송 공개 행사를 통해 ‘그록4’와 ‘그록4 헤비’ 모델을 선보였다. "  # 044
                  "그록 4는 AI 지능지수(Intelligence Index) 73점을 기록해 GPT-4(o3, 70점), 제미나이 2.5 프로(70점), "
                  "클로드 오퍼스 4(64점)를 제쳤다.")  # 045
    known = {m.id for m in ext.mentions if m.kind == "model"}
    new = {m.text for m in ext.new_models}
    assert "claude-opus-4" in known
    assert {"Grok 4", "Grok 4 Heavy", "Gemini 2.5 Pro"} <= new
    assert not any("그록" in n or "제미나이" in n for n in new)


def test_point_zero_versions_are_the_records_names(extract):
    ext = extract("DeepSeek-V3.2 presenta DSA y alcanza paridad con Gemini-3.0-Pro en razonamiento")  # 054
    assert "gemini-3-pro" in {m.id for m in ext.mentions if m.kind == "model"}
    assert not any("3.0" in m.text for m in ext.new_models)


def test_claude_tiers_alone_are_claude_models_in_an_article_about_claude(extract):
    ext = extract("Le 24 novembre 2025, Anthropic lance Claude Opus 4.5.\nClassement actuel\n"
                  "  • Opus 4.5 : 80,9 %\n  • Sonnet 4.5 : 77,2 %\n")  # 049
    assert any(m.text == "Claude Sonnet 4.5" for m in ext.new_models) or \
        "claude-sonnet-4.5" in {m.id for m in ext.mentions}


def test_a_tier_glued_to_the_head_and_a_lower_case_s(extract):
    ext = extract("Китайский стартап DeepSeek представил новую ИИ-модель DeepseekMath-V2, которая показывает "
                  "впечатляющие результаты при решении сложных математических задач.")  # 047
    assert {m.text for m in ext.new_models} == {"DeepseekMath-V2"}


def test_slashed_lists_and_suspended_hyphens_before_series_are_families(extract):
    ext = extract("Auch bei Benchmarks wie AIME, SWE-bench Verified oder HealthBench Hard soll GPT-5, das die älteren LLMs "
                  "der GPT-4- sowie der o1/o3/o4-Reihe ersetzen wird, glänzen.")  # 018
    names = {m.text for m in ext.new_models} | {m.id for m in ext.mentions if m.kind == "model"}
    assert not ({"GPT-4", "OpenAI o1", "OpenAI o3", "OpenAI o4"} & names)
    assert "GPT-5" in names or "gpt-5" in names


def models_of(ext) -> set[str]:
    return {m.id for m in ext.mentions if m.kind == "model"} | {m.text for m in ext.new_models}


def test_tier_words_after_a_known_name_name_another_model(extract):
    ext = extract("ha logrado un 77,2 % en el benchmark SWE-bench Verified, superando a GPT-5 Codex de OpenAI (74,5 %) y a "
                  "Gemini 2.5 Pro de Google (67,2 %).")  # 055
    got = models_of(ext)
    assert "GPT-5 Codex" in got and "gpt-5" not in got
    ext = extract("Classement actuel\n  • Opus 4.5 : 80,9 %\n  • GPT-5.1 Codex Max : 77,9 %\n")  # 049
    assert "GPT-5.1 Codex Max" in models_of(ext)
    ext = extract("superando a GPT-5.2 Codex de OpenAI (74,5 %)")  # 055's wording with a model this record knows
    assert "GPT-5.2 Codex" in models_of(ext) and "gpt-5.2" not in models_of(ext)


def test_hangul_tiers_after_latin_names_and_modes_after_claude_names(extract):
    ext = extract("다만 '사이코드(Scicode)'에서는 'o4-미니'와 그록 4에 이어 3위를 차지했다.")  # 011
    assert "OpenAI o4-mini" in models_of(ext) and "OpenAI o4" not in models_of(ext)
    ext = extract("이는 '큐원 3 235B(64점)'보다 낮지만, '클로드 4 소네트 싱킹(59점)'을 크게 앞섰다.")  # 011
    assert "claude-sonnet-4" in models_of(ext) or "Claude Sonnet 4" in models_of(ext)


def test_a_head_written_with_one_capital_is_the_same_line():
    names = [h.name for h in NameFinder().find("superando incluso a DeepMind Alphacode 2.")]  # 020
    assert names == ["Alphacode 2"]


def test_a_lower_case_line_written_in_capitals_is_the_same_line(extract):
    names = [h.name for h in NameFinder().find("| 基准测试 | GLM-4.7-Flash | Qwen3-30B-A3B | GPT-OSS-20B |")]  # 060
    assert names == ["GLM-4.7-Flash", "Qwen3-30B-A3B", "gpt-oss-20b"]
    ext = extract("| 基准测试 | GLM-4.7-Flash | Qwen3-30B-A3B | GPT-OSS-20B |\n|---|---|---|---|\n"
                  "| AIME 25 | 91.6 | 85.0 | 91.7 |\n")
    assert ("gpt-oss-20b", "aime-2025", 91.7) in scores(ext)


def test_mixed_script_names_sizes_and_hyphenated_versions(extract):
    ext = extract("중국 인공지능 스타트업 딥시크가 12월 1일 두 가지 새로운 추론 모델 딥시크-V3.2와 딥시크-V3.2-Speciale을 "
                  "공개했다. 이는 ‘딥시크-V3-2-Exp’ 과 동일한 기록이다. 영어에서는 100점을 받아, GPT-5.1과 GPT-5.1 코덱스와 "
                  "동급을 기록했다.")  # 063, 062
    got = models_of(ext)
    assert {"deepseek-v3.2", "DeepSeek-V3.2-Speciale", "DeepSeek-V3.2-Exp", "GPT-5.1 Codex"} <= got
    ext = extract("온디바이스 모델은 지난해 12월 공개한 ‘엑사원 3.5 2.4B 모델’보다 매개변수가 절반으로 줄었다. 미국 오픈AI의 "
                  "‘GPT-4o mini’보다 높은 성능을 보였다.")  # 065
    assert {"EXAONE 3.5 2.4B", "GPT-4o mini"} <= models_of(ext) and "EXAONE 3.5" not in models_of(ext)


def test_a_claude_tier_and_version_without_claude_is_that_claude_model():
    from ingest.extract.names import canonical
    assert canonical("Opus", " 4.1") == "Claude Opus 4.1"
    assert canonical("Sonnet", " 3.7") == "Claude 3.7 Sonnet"
    assert canonical("Gemini", " Pro 1.5") == "Gemini 1.5 Pro"
    assert canonical("GPT", "-3.5-Turbo-0125") == "GPT-3.5-Turbo"


def test_a_tier_word_with_a_long_number_is_no_claude_model():
    from ingest.extract.names import canonical
    assert canonical("Sonnet", " 18") is None  # Shakespeare's, not Anthropic's


def test_a_markdown_links_address_holds_no_model(extract):
    ext = extract("我们开源了 [GLM-4-9B-Chat](https://huggingface.co/THUDM/glm-4-9b-chat)。参见 "
                  "[技术报告](https://huggingface.co/THUDM/glm-4v-9b)。")  # the link form of dev-083
    named = {m.text for m in ext.mentions} | {m.text for m in ext.new_models}
    assert any(n.startswith("GLM-4-9B") for n in named)
    assert not any("4v" in n.lower() for n in named)  # glm-4v-9b is only inside an address


def test_a_generation_name_is_a_model_only_when_the_text_claims_something_of_it(extract):
    # dev-240 (a Claude 4 review): "Claude 4" is the generation Opus 4 and Sonnet 4 belong to, said of no claim here
    mentioned = extract("Step outside coding and the landscape gets more nuanced — but Claude 4 still holds its own.")
    assert "Claude 4" not in {m.text for m in mentioned.new_models}
    # dev-285 (a Spanish launch list): here the text scores "Claude 4.5" as if it were one model
    scored = extract("- Terminal-Bench 2.0: 54,2% - Supera a Claude 4.5 (42,8%) y GPT-5.1 (47,6%)")
    assert ("Claude 4.5", "terminal-bench-2.0", 42.8) in scores(scored)
    assert "Claude 4.5" in {m.text for m in scored.new_models}


def test_the_usual_word_order_of_a_catalog_name_is_that_record_model(evidence_store):
    # dev-170: the catalog row is "Claude Sonnet 3.7" (models.dev); Anthropic and this article write "Claude 3.7 Sonnet"
    ext = build_extractor(evidence_store).extract(
        'Mit der Einführung des "Thinking Mode" in Claude 3.7 Sonnet haben Benutzer nun die Möglichkeit, '
        'erweiterte Denkfähigkeiten zu aktivieren.', SourceContext())
    assert "claude-3.7-sonnet-20250219" in {m.id for m in ext.mentions if m.kind == "model"}
    assert not ext.new_models


def test_a_benchmark_spelled_like_a_word_matches_its_case_only(evidence_store):
    from ingest.extract.gazetteer import Gazetteer
    gaz = Gazetteer.from_store(evidence_store)
    # OpenCompass's dataset index names FLORES-101 "Flores", which is also Spanish for flowers
    assert [(h.kind, h.id) for h in gaz.find("Flores: GLM-4-9B-Chat 28.8")][0] == ("benchmark", "flores")
    assert not [h for h in gaz.find("Las flores del jardín, y GPT-5 obtuvo 80") if h.kind == "benchmark"]
