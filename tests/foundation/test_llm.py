"""The shared LLM client against the local fake OpenAI server (127.0.0.1): total deadlines, retries,
structured output, and the two users (digest summarizer, article extractor) going through it.

The "dribble" answers send one byte per second: a per-read timeout never fires on them (each read
gets its byte in time), so before the shared client a call ran for as long as the server liked.
"""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time

import pytest

from foundation.llm import LLMClient, LLMConfig, LLMError, RetriesExhausted

SLACK = 0.75
MESSAGES = [{"role": "user", "content": "hi"}]


def client(fake, **kw) -> LLMClient:
    return LLMClient(LLMConfig(base_url=fake.base_url, model="fake-model", api_key="sk-x", **kw))


def test_importing_the_module_imports_no_openai():
    code = "import sys, foundation.llm, foundation; assert 'openai' not in sys.modules and 'httpx2' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
    import foundation
    assert foundation.__doc__ == ("Shared foundations below every layer: time, settings, the LLM client. "
                                  "They import nothing from bot, digests, ingest or storage.")


def test_a_dribbling_answer_is_cut_at_the_deadline(fake_openai):
    fake_openai.enqueue("a fine answer that arrives far too slowly", dribble=1.0)
    t0 = time.monotonic()
    with pytest.raises(LLMError, match="timed out") as err:
        client(fake_openai, timeout=2.0, retries=0).complete(MESSAGES)
    elapsed = time.monotonic() - t0
    assert err.value.transient and elapsed < 2.0 + SLACK, elapsed


def test_retries_stay_within_the_total_deadline(fake_openai):
    fake_openai.enqueue("slow", dribble=1.0, times=5)
    llm = client(fake_openai, timeout=1.0, retries=4, backoff=0.1, total_deadline=2.5)
    t0 = time.monotonic()
    with pytest.raises(RetriesExhausted, match="timed out"):
        llm.retrying(lambda left: llm.complete(MESSAGES, timeout=left))
    assert time.monotonic() - t0 < 2.5 + SLACK
    assert 2 <= len(fake_openai.requests) <= 3


def test_transient_errors_are_retried_with_backoff_and_client_errors_are_not(fake_openai):
    sleeps = []
    fake_openai.enqueue(status=429)
    fake_openai.enqueue(status=503)
    fake_openai.enqueue("ok")
    llm = LLMClient(LLMConfig(base_url=fake_openai.base_url, model="m", timeout=2, retries=2, backoff=0.2),
                    sleep=sleeps.append)
    assert llm.retrying(lambda left: llm.complete(MESSAGES, timeout=left)).text == "ok"
    assert sleeps == [0.2, 0.4]
    fake_openai.enqueue(status=401)
    with pytest.raises(LLMError, match="HTTP 401") as err:
        llm.retrying(lambda left: llm.complete(MESSAGES, timeout=left))
    assert not err.value.transient and len(fake_openai.requests) == 4


def test_structured_output_sends_the_schema_and_parses_the_answer(fake_openai):
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"],
              "additionalProperties": False}
    fake_openai.enqueue(json.dumps({"n": 7}))
    assert client(fake_openai, timeout=2).complete_json(MESSAGES, schema, name="count") == {"n": 7}
    body = fake_openai.requests[-1]["body"]
    assert body["response_format"] == {"type": "json_schema",
                                       "json_schema": {"name": "count", "strict": True, "schema": schema}}
    fake_openai.enqueue("not json")
    with pytest.raises(LLMError, match="not valid JSON"):
        client(fake_openai, timeout=2, retries=0).complete_json(MESSAGES, schema)


def test_a_call_from_inside_a_running_event_loop_works(fake_openai):
    """The console answers on the event loop: the client then runs on a helper thread."""
    fake_openai.enqueue("from the loop")

    async def main():
        return client(fake_openai, timeout=2).complete(MESSAGES).text
    assert asyncio.run(main()) == "from the loop"


def test_from_settings_takes_every_value():
    from foundation.settings import Settings
    settings = Settings.load(environ={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "BRIEFBOT_LLM_MODEL": "m",
                                      "OPENAI_API_KEY": "k", "BRIEFBOT_LLM_TIMEOUT": "7", "BRIEFBOT_LLM_RETRIES": "4",
                                      "BRIEFBOT_LLM_BACKOFF": "0.3", "BRIEFBOT_LLM_MAX_TOKENS": "99"}, env_file=None)
    assert LLMConfig.from_settings(settings) == LLMConfig("http://127.0.0.1:9/v1", "m", "k", 7.0, 4, 0.3, 99)
    assert LLMConfig.from_settings(Settings.load(environ={}, env_file=None)) is None


def test_the_digest_summarizer_gives_up_on_a_dribble_within_its_deadline(fake_openai, tmp_path):
    from digests.assemble import assemble
    from digests.llm_summary import LLMConfig as SummaryConfig, LLMSummarizer
    from tests.digests.world import open_world
    store = open_world(tmp_path / "w.db")
    try:
        fake_openai.enqueue("Kimi K2.5 set a new HLE best at 50.2.", dribble=1.0)
        s = LLMSummarizer(SummaryConfig(base_url=fake_openai.base_url, model="m", timeout=1.5, retries=0))
        digest = assemble(store, "2026-W05")
        t0 = time.monotonic()
        summary = s.summarize(digest)
        assert time.monotonic() - t0 < 1.5 + SLACK
        assert summary.source == "default" and summary.note == "LLM unavailable after 1 attempt: timed out"
    finally:
        store.close()


def test_the_article_extractor_gives_up_on_a_dribble_within_its_deadline(fake_openai, tmp_path):
    from bench.bench_extract_accuracy import build_record_store
    from ingest.extract.gazetteer import Gazetteer
    from ingest.extract.llm_extractor import ExtractionError, LLMExtractor, LLMExtractorConfig
    store = build_record_store(tmp_path / "r.db")
    try:
        fake_openai.enqueue(json.dumps({"releases": [], "claims": []}), dribble=1.0)
        extractor = LLMExtractor(Gazetteer.from_store(store),
                                 LLMExtractorConfig(base_url=fake_openai.base_url, model="m", timeout=1.5, retries=0))
        t0 = time.monotonic()
        with pytest.raises(ExtractionError, match="timed out"):
            extractor.extract("Kimi K2.5 scores 50.2 on HLE.")
        assert time.monotonic() - t0 < 1.5 + SLACK
    finally:
        store.close()


def test_no_layer_but_foundation_imports_openai():
    from pathlib import Path

    from tests.test_architecture import imports_of
    root = Path(__file__).resolve().parents[2]
    users = sorted(str(p.relative_to(root)) for folder in ("bot", "digests", "ingest", "storage")
                   for p in (root / folder).rglob("*.py") if any(n == "openai" or n.startswith("openai.")
                                                                   for n in imports_of(p)))
    assert users == []
