"""The LLM summarizer: the real `openai` client against the local fake OpenAI-compatible server.

Nothing is mocked but the model itself (tests/fakes/fake_openai.py answers from
a queue over a real socket on 127.0.0.1). Checked: a grounded text is used; an
invented number or model name is rejected and the reason stored; a timeout and
HTTP 500s fall back after retries; the token cap is sent and respected; the key
is never logged.
"""
from __future__ import annotations

import json
import logging
import time

import pytest

from foundation.settings import Settings
from bot.core.digest_reply import digest_reply_for
from bot.render.text import render_text
from bot.core.context import Services
from digests.assemble import assemble
from digests.llm_summary import LLMConfig, LLMSummarizer
from storage.digest_store import get_digest
from tests.digests.world import open_world

GOOD = ("Kimi K2.5 from Moonshot AI set a new HLE best at 50.2, a vendor claim, displacing Claude Opus 4.5 "
        "at 43.2; Qwen3-Max-Thinking from Alibaba also launched.")
NAMES = ["Kimi K2.5", "Qwen3-Max-Thinking", "Claude Opus 4.5", "Moonshot AI", "Alibaba", "Anthropic", "OpenAI"]


@pytest.fixture
def world(tmp_path):
    store = open_world(tmp_path / "world.db")
    yield store
    store.close()


def settings_for(fake, tmp_path, **extra) -> Settings:
    env = {"BRIEFBOT_DB": str(tmp_path / "x.db"), "OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": "sk-secret-123",
           "BRIEFBOT_LLM_MODEL": "fake-model", "BRIEFBOT_LLM_TIMEOUT": "0.5", "BRIEFBOT_LLM_BACKOFF": "0.01", **extra}
    return Settings.load(environ=env, env_file=None)


def summarizer(fake, **kw) -> LLMSummarizer:
    config = LLMConfig(base_url=fake.base_url, model="fake-model", api_key="sk-secret-123", timeout=0.5,
                       backoff=0.01, **kw)
    return LLMSummarizer(config)


def test_grounded_text_is_used(world, fake_openai, tmp_path):
    fake_openai.enqueue(GOOD)
    services = Services.for_store(world)
    reply = digest_reply_for(services, week="2026-W05", settings=settings_for(fake_openai, tmp_path))
    assert reply.sections[0].text == GOOD
    assert any("fake-model" in f and "checked" in f for f in reply.footnotes)
    request = fake_openai.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["authorization"] == "Bearer sk-secret-123"
    body = request["body"]
    assert body["model"] == "fake-model" and body["max_tokens"] == 600
    prompt = body["messages"][-1]["content"]
    assert "50.2" in prompt and "Kimi K2.5" in prompt and "Week: 2026-W05" in prompt
    stored = json.loads(get_digest(world, "2026-W05", "", "{}").content)["summary"]
    assert stored == {"text": GOOD, "source": "llm:fake-model", "note": None}
    # the same facts again: the stored lead is reused and no tokens are spent
    again = digest_reply_for(services, week="2026-W05", settings=settings_for(fake_openai, tmp_path))
    assert again == reply and len(fake_openai.requests) == 1


@pytest.mark.parametrize("invented, reason", [
    ("Kimi K2.5 scored 61.3 on HLE, a vendor claim.", "61.3"),
    ("Kimi K2.5 beat GPT-6 on HLE with 50.2.", "GPT-6"),
    ("OpenAI and Moonshot AI traded HLE records at 50.2.", "OpenAI"),
    ("Moonshot AI beat DeepSeek on HLE with 50.2.", "DeepSeek"),
])
def test_invented_numbers_and_names_are_rejected(world, fake_openai, tmp_path, caplog, invented, reason):
    fake_openai.enqueue(invented)
    services = Services.for_store(world)
    with caplog.at_level(logging.WARNING, logger="digests.llm_summary"):
        reply = digest_reply_for(services, week="2026-W05", settings=settings_for(fake_openai, tmp_path))
    lead = reply.sections[0].text
    assert lead != invented and lead.startswith("Week 2026-W05") and "Lead paragraph written from the record." in reply.footnotes
    stored = json.loads(get_digest(world, "2026-W05", "", "{}").content)["summary"]
    assert stored["source"] == "default" and stored["note"].startswith("LLM text rejected") and reason in stored["note"]
    assert reason in caplog.text and "sk-secret-123" not in caplog.text
    assert len(fake_openai.requests) == 1  # a rejected text is not retried: the facts have not changed


def test_timeout_falls_back_after_retries(world, fake_openai):
    fake_openai.enqueue(GOOD, delay=3, times=3)
    s = summarizer(fake_openai, retries=1)
    t0 = time.perf_counter()
    summary = s.summarize(assemble(world, "2026-W05"), known_names=NAMES)
    elapsed = time.perf_counter() - t0
    assert summary.source == "default" and "timed out" in summary.note and "2 attempts" in summary.note
    assert len(fake_openai.requests) == 2 and elapsed < 2.5


def test_server_error_is_retried_with_backoff_then_succeeds(world, fake_openai):
    fake_openai.enqueue(status=500)
    fake_openai.enqueue(status=503)
    fake_openai.enqueue(GOOD)
    sleeps = []
    s = LLMSummarizer(LLMConfig(base_url=fake_openai.base_url, model="fake-model", timeout=2, backoff=0.2, retries=2),
                      sleep=sleeps.append)
    summary = s.summarize(assemble(world, "2026-W05"), known_names=NAMES)
    assert summary.text == GOOD and summary.source == "llm:fake-model"
    assert sleeps == [0.2, 0.4] and len(fake_openai.requests) == 3


def test_persistent_500_falls_back_with_the_reason(world, fake_openai, tmp_path):
    fake_openai.enqueue(status=500, times=3)
    services = Services.for_store(world)
    reply = digest_reply_for(services, week="2026-W05",
                             settings=settings_for(fake_openai, tmp_path, BRIEFBOT_LLM_RETRIES="2"))
    assert reply.sections[0].text.startswith("Week 2026-W05")
    note = json.loads(get_digest(world, "2026-W05", "", "{}").content)["summary"]["note"]
    assert note == "LLM unavailable after 3 attempts: HTTP 500"
    # the LLM is tried again next time (a stored fallback is not final when an LLM is configured)
    fake_openai.enqueue(GOOD)
    again = digest_reply_for(services, week="2026-W05", settings=settings_for(fake_openai, tmp_path))
    assert again.sections[0].text == GOOD and len(fake_openai.requests) == 4


def test_client_errors_are_not_retried(world, fake_openai):
    fake_openai.enqueue(status=401)
    summary = summarizer(fake_openai).summarize(assemble(world, "2026-W05"), known_names=NAMES)
    assert summary.note == "LLM request failed: HTTP 401" and len(fake_openai.requests) == 1


def test_token_cap_per_digest_is_shared_by_attempts(world, fake_openai):
    usage = {"prompt_tokens": 900, "completion_tokens": 70, "total_tokens": 970}
    empty = {"id": "x", "object": "chat.completion", "created": 0, "model": "m", "usage": usage,
             "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": ""}}]}
    fake_openai.enqueue(body=empty, times=5)
    summary = summarizer(fake_openai, max_tokens=150, retries=5).summarize(assemble(world, "2026-W05"), NAMES)
    sent = [r["body"]["max_tokens"] for r in fake_openai.requests]
    assert sent == [150, 80] and "token budget spent" in summary.note
    assert summary.source == "default"


def test_no_model_configured_means_no_network(world, tmp_path):
    settings = Settings.load(environ={"BRIEFBOT_DB": str(tmp_path / "x.db"), "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"},
                             env_file=None)
    reply = digest_reply_for(Services.for_store(world), week="2026-W05", settings=settings)
    assert "Lead paragraph written from the record." in render_text(reply)


@pytest.mark.parametrize("text, ok", [
    ("Kimi K2.5 reached 50.2% on HLE.", True),
    ("Moonshot AI counted 1,234 claims.", True),          # thousands separator = the 1234 in the facts
    ("Kimi K2.5 reached 50.20 on HLE.", True),            # the same number written differently
    ("Kimi K2.5 reached 50.3 on HLE.", False),
    ("Kimi K2.5 and DeepSeek both moved.", False),        # CamelCase vendor not in the facts
    ("Kimi K3 moved.", False),                            # model-like token not in the facts
    ("Anthropic stayed quiet.", False),                   # a record name absent from the facts
    ("", False),
])
def test_grounding_rules(text, ok):
    from digests.grounding import check
    facts = "Week: 2026-W05\n- Kimi K2.5 by Moonshot AI: 50.2 on HLE\nNew claims: 1234"
    assert (check(text, facts, ["Kimi K2.5", "Moonshot AI", "Anthropic"]) == []) is ok
