"""Comparisons in several languages (real dev-set excerpts): who is compared with whom, and how."""
from __future__ import annotations

from .conftest import comparisons


def test_japanese_particles_decide_subject_and_object(extract):
    ext = extract("一方、Qwen3-30B-A3Bは、総パラメータ数300億のうち、推論時に3億のアクティブパラメータを使用する小型モデルで"
                  "ありながら、GPT-4oを上回る性能を発揮している。")  # 005
    assert comparisons(ext) == {("Qwen3-30B-A3B", "beats", frozenset({"gpt-4o-0513"}))}
    ext = extract("「Qwen3」は、指示追従能力においても、OpenAIの「o3 High」「o4-Mini High」や、グーグル傘下の「Gemini 2.5 Pro」"
                  "といったトップレベルのクローズドソースモデルを上回り、世界1位となった。")  # 006
    assert comparisons(ext) == {("Qwen3", "beats", frozenset({"OpenAI o3", "OpenAI o4-mini", "Gemini 2.5 Pro"}))}


def test_chinese_matches_and_beats(extract):
    ext = extract("开源DeepSeek-R1 发布,性能对标 OpenAI o1 正式版")  # 001
    assert comparisons(ext) == {("deepseek-r1", "matches", frozenset({"OpenAI o1"}))}
    ext = extract("DeepSeek-R1 在数学问题上表现出色,如在 AIME 2024 测试中取得了 79.8% 的得分,略高于 OpenAI-o1-1217 的 79.2%。")
    assert comparisons(ext) == {("deepseek-r1", "beats", frozenset({"o1-1217"}))}  # 002


def test_french_and_spanish_with_lists_and_participles(extract):
    ext = extract("Mistral Large 3, le produit phare, surpasse ses concurrents open source Kimi-K2 et Deepseek-3.1 lors "
                  "de tests de performance importants.")  # 015
    assert comparisons(ext) == {("Mistral Large 3", "beats", frozenset({"Kimi-K2", "DeepSeek-V3.1"}))}
    ext = extract("o3 ha demostrado un rendimiento excepcional en varios benchmarks. En SWE-bench Verified, una prueba "
                  "para ingenieros de software, alcanzó un impresionante 71.7%, superando ampliamente a modelos anteriores "
                  "como GPT-4 (31%) y situándose por encima de competidores como Claude Sonnet 3.5 y Gemini 2.0 Flash.")
    got = comparisons(ext)  # 020: the subject is the model the paragraph is about, never GPT-4
    # one claim per subject and relation in a sentence, its objects together (the labelling contract)
    assert ("OpenAI o3", "beats", frozenset({"GPT-4", "claude-3.5-sonnet-1022", "Gemini 2.0 Flash"})) in got
    assert not any(subject == "GPT-4" for subject, _, _ in got)


def test_english_lists_stop_at_the_coordinated_models(extract):
    ext = extract("# GLM-4.5 - https://huggingface.co/zai-org/GLM-4.5\n\nThe series demonstrates exceptional coding "
                  "performance with 64.2% on SWE-bench Verified, surpassing GPT-4.1 (48.6%) and achieving an 80.8% win "
                  "rate against Qwen3 Coder in real-world coding challenges.")  # 036
    assert comparisons(ext) == {("GLM-4.5", "beats", frozenset({"gpt-4.1"}))}


def test_negated_comparison_is_skipped(extract):
    ext = extract("Gemini Ultra übertraf GPT-4 im MMMU-Benchmark-Test. GPT-5 no supera a GPT-4o.")
    assert comparisons(ext) == set()


def test_a_maker_or_a_pronoun_stands_for_the_model_the_article_is_about(extract):
    ext = extract("全新自研的DeepSeek-R1-Lite 预览版正式上线。该系列模型在数学、代码以及各种复杂逻辑推理任务上,取得了媲美 "
                  "o1-preview 的推理效果。在 AIME 等权威评测中,DeepSeek的表现大幅超越了 GPT-4o 等知名模型。")  # 003
    assert comparisons(ext) == {("DeepSeek-R1-Lite", "matches", frozenset({"OpenAI o1-preview"})),
                                ("DeepSeek-R1-Lite", "beats", frozenset({"gpt-4o-0513"}))}


def test_listed_objects_with_their_maker_and_figure_between(extract):
    ext = extract("Los datos parecen respaldar esa afirmación: Claude Sonnet 4.5 ha logrado un 77,2 % en el benchmark "
                  "SWE-bench Verified, superando a GPT-5 Codex de OpenAI (74,5 %) y a Gemini 2.5 Pro de Google "
                  "(67,2 %).")  # 055 (subject named instead of the article's earlier sentence)
    got = comparisons(ext)
    assert any(c[1] == "beats" and len(c[2]) == 2 for c in got)


def test_korean_objects_before_the_verb_past_a_figure_in_parentheses(extract):
    ext = extract("그록 4는 AI 지능지수(Intelligence Index) 73점을 기록해 GPT-4(o3, 70점), 제미나이 2.5 프로(70점), "
                  "클로드 오퍼스 4(64점)를 제쳤다.")  # 045
    beaten = next(c[2] for c in comparisons(ext) if c[0] == "Grok 4" and c[1] == "beats")
    assert {"Gemini 2.5 Pro", "claude-opus-4"} <= beaten


def test_korean_release_of_two_listed_models(extract):
    ext = extract("xAI는 9일 ‘엑스’ 생방송 공개 행사를 통해 ‘그록4’와 ‘그록4 헤비’ 모델을 선보였다.")  # 044
    assert {r.model.text for r in ext.releases} == {"Grok 4", "Grok 4 Heavy"}


def test_japanese_topic_is_the_subject_and_the_one_other_model_the_object(extract):
    ext = extract("Google公式発表によると、Gemini 3は複数のベンチマークテストで新記録を樹立し、Humanity’s Last Examテストでは"
                  "37.4点という最高スコアを獲得し、以前GPT-5 Proが保持していた31.64点の記録を上回りました。")  # 040
    assert ("gemini-3-pro", "beats", frozenset({"GPT-5 Pro"})) in comparisons(ext)


def test_parity_and_higher_than_with_this_value_as_subject(extract):
    ext = extract("DeepSeek-V3.2 presenta DSA y alcanza paridad con Gemini-3.0-Pro en razonamiento")  # 054
    assert comparisons(ext) == {("deepseek-v3.2", "matches", frozenset({"gemini-3-pro"}))} or \
        comparisons(ext) == {("DeepSeek-V3.2", "matches", frozenset({"gemini-3-pro"}))}
    ext = extract("Abgesehen von diesem Unsinn ist eine wichtigere Sache, dass GPT-5 bei der SWE-bench Verified-Referenz "
                  "eine Durchfallquote von 74,9% erreicht hat.\n\nDieser Wert liegt etwas höher als der von Anthropics "
                  "Claude Opus 4.1 mit 74,5%.")  # 051
    assert any(c[0] == "GPT-5" and c[1] == "beats" and len(c[2]) == 1 and "opus-4.1" in next(iter(c[2])).lower()
               .replace(" ", "-") for c in comparisons(ext))


def test_korean_drops_the_subject_and_compares_with_boda(extract):
    ext = extract("'GPT-5 로우(low)' 역시 63점으로 8위에 올랐다. 이는 '큐원 3 235B(64점)'보다 낮지만, '클로드 4 소네트 "
                  "싱킹(59점)'을 크게 앞섰다.")  # 011
    got = comparisons(ext)
    assert ("GPT-5", "trails", frozenset({"Qwen3 235B"})) in got
    assert ("GPT-5", "beats", frozenset({"claude-sonnet-4"})) in got
    ext = extract("GPT-5 미디엄까지 1위와 2위에 올랐다. 하지만, 점수는 69점, 68점으로 그록 4를 1점 로 앞섰다.")  # 011
    assert ("GPT-5", "beats", frozenset({"Grok 4"})) in comparisons(ext)


def test_japanese_yori_takai_and_french_a_un_pas_de(extract):
    # constructed: "X より(も)高い" with 037's models
    assert comparisons(extract("Gemini 3 ProはGPT-5.1よりも高いスコアを記録した。")) == {
        ("gemini-3-pro", "beats", frozenset({"GPT-5.1"}))}
    ext = extract("Les analyses approfondies montrent que Grok 4 dépasse déjà GPT-5 dans plusieurs benchmarks et ne se "
                  "trouve qu’à un pas de Gemini 2.5 Pro, ce qui témoigne d’un niveau de compétitivité très élevé.")  # 050
    assert ("Grok 4", "trails", frozenset({"Gemini 2.5 Pro"})) in comparisons(ext)


def test_this_figure_places_it_above(extract):
    ext = extract("En la evaluación de resolución de problemas multimodales (MMMU), GPT-5 obtuvo un 84,2% de precisión. "
                  "Esta cifra lo posiciona por encima de modelos como Gemini 2.5 Flash y Claude Opus 4.1, y técnicamente "
                  "empatado con Copilot.")  # 021 (the first sentence shortened)
    beats = [c for c in comparisons(ext) if c[:2] == ("GPT-5", "beats")]
    assert len(beats) == 1 and "Claude Opus 4.1" in beats[0][2] and len(beats[0][2]) == 2


def test_german_laesst_hinter_sich_with_the_pronoun_after_the_verb(extract):
    ext = extract("In der prestigeträchtigen Disziplin \"GPQA Diamond\" erzielt Qwen3-Max-Thinking einen Wert von 92,8 "
                  "Punkten. Damit lässt es sowohl GPT-5.2 (92,4) als auch Googles Gemini 3 Pro (91,9) hinter sich.")  # 072
    assert comparisons(ext) == {("qwen3-max-thinking", "beats", frozenset({"gpt-5.2", "gemini-3-pro"}))}


def test_russian_verbal_adverb_with_figures_at_each_model(extract):
    ext = extract("Kimi K2 от Moonshot AI. Модель достигает точности 53.7% на LiveCodeBench, решительно превосходя 44.7% "
                  "у GPT-4.1 и 46.9% у DeepSeek V3.")  # 071 (shortened)
    assert ("Kimi K2", "beats", frozenset({"gpt-4.1", "deepseek-v3"})) in comparisons(ext)


def test_japanese_masu_ga_ends_a_clause(extract):
    ext = extract("claude-sonnet-4が61.3%で、gemini-2.5-proが83.1%と比較すると下位に位置しますが、"
                  "claude-sonnet-4-(no thinking)56.4%を上回ります。")  # 067: "…しますが、" is "but"
    assert not any(c[0] == "gemini-2.5-pro" for c in comparisons(ext))


def test_japanese_overtaking_with_o_nuite(extract):
    # dev-115 (gdep.co.jp): "…を抜いてトップの成績をマークした" — Grok 4 beats both
    got = comparisons(extract("AIモデルを評価するベンチマークではGrok-4は、OpenAI o3-proとGoogle Gemini 2.5 proを抜いてトップの"
                              "成績をマークした(下のグラフ、左端の棒グラフ)。"))
    assert any(rel == "beats" and {"OpenAI o3-pro", "Gemini 2.5 pro"} <= objs for _, rel, objs in got)  # lower-case tier


def test_a_question_compares_nothing(extract):
    assert comparisons(extract("Kimi K2はGPT‑5を超えるか?開放型AIの衝撃\n\nMoonshot AIが公開したオープンモデルが話題です。")) == set()  # 144
    assert comparisons(extract("Does Claude Opus 4.5 beat GPT-5.1? Yes: Claude Opus 4.5 beats GPT-5.1 on SWE-bench Verified."))


def test_each_comparison_word_keeps_its_own_objects(extract):
    text = ("En pruebas de referencia, Gemini 3 Flash superó ampliamente a su antecesor y, en algunos aspectos, igualó "
            "el rendimiento de modelos de gama alta como Gemini 3 Pro y GPT-5.2.")  # 196
    got = comparisons(extract(text))
    assert {r for _, r, _ in got} == {"matches"}
    shared = "Las primeras comparaciones sugieren que Qwen3-Max iguala, y en algunos casos supera, a Gemini 2.5 Pro de Google."
    assert {r for _, r, _ in comparisons(extract(shared))} == {"matches", "beats"}  # 078: two words, one object
