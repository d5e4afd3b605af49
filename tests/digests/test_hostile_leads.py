"""Hostile LLM leads (tests/digests/data/hostile_leads.yaml) are all rejected; honest ones pass.

Each hostile lead goes through the real summarizer and the real `openai` client against the local
fake OpenAI server: the default lead is used and the reason is the note stored with the digest.
Before the structured check, 13 of the 18 passed (a number was accepted if it occurred anywhere in
the facts text, dates included; names only if model-like or CamelCase; links and pings unchecked).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from digests.assemble import assemble
from digests.factsheet import facts_text
from digests.grounding import check_digest
from digests.llm_summary import LLMConfig, LLMSummarizer
from tests.digests.world import open_world

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "hostile_leads.yaml").read_text(encoding="utf-8"))
NAMES = ["Kimi K2.5", "Qwen3-Max-Thinking", "Claude Opus 4.5", "Moonshot AI", "Alibaba", "Anthropic", "OpenAI"]


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    store = open_world(tmp_path_factory.mktemp("world") / "w.db")
    try:
        yield assemble(store, "2026-W05")
    finally:
        store.close()


def test_the_corpus_has_eighteen_hostile_leads():
    assert len(CORPUS["hostile"]) == 18 and len({c["lead"] for c in CORPUS["hostile"]}) == 18


@pytest.mark.parametrize("case", CORPUS["hostile"], ids=[c["kind"] for c in CORPUS["hostile"]])
def test_hostile_lead_is_rejected_and_the_reason_kept(case, digest, fake_openai):
    fake_openai.enqueue(case["lead"])
    summarizer = LLMSummarizer(LLMConfig(base_url=fake_openai.base_url, model="fake-model", timeout=5, retries=0))
    summary = summarizer.summarize(digest, known_names=NAMES)
    assert summary.source == "default" and summary.text != case["lead"] and summary.text.startswith("Week 2026-W05")
    assert summary.note.startswith("LLM text rejected: ")
    assert case["reason"] in summary.note, summary.note


@pytest.mark.parametrize("lead", CORPUS["honest"])
def test_honest_leads_pass(lead, digest):
    assert check_digest(lead, digest, facts_text(digest), NAMES) == []


def test_the_rejection_reason_is_stored_with_the_digest(tmp_path, fake_openai):
    from foundation.settings import Settings
    from bot.core.digest_reply import digest_reply_for
    from bot.core.context import Services
    from storage.digest_store import get_digest
    store = open_world(tmp_path / "w.db")
    try:
        fake_openai.enqueue(CORPUS["hostile"][0]["lead"])
        settings = Settings.load(environ={"BRIEFBOT_DB": str(tmp_path / "x.db"), "OPENAI_BASE_URL": fake_openai.base_url,
                                          "BRIEFBOT_LLM_MODEL": "fake-model", "BRIEFBOT_LLM_RETRIES": "0"},
                                 env_file=None)
        reply = digest_reply_for(Services.for_store(store), week="2026-W05", settings=settings)
        assert reply.sections[0].text.startswith("Week 2026-W05")
        stored = json.loads(get_digest(store, "2026-W05", "", "{}").content)["summary"]
        assert stored["source"] == "default" and "27 points" in stored["note"]
    finally:
        store.close()
