"""Name resolution against the seeded record: aliases, normalisation, fuzzy, families, never a wrong pick."""
from __future__ import annotations

import pytest

from storage.resolve import NameIndex, name_key


@pytest.mark.parametrize("typed, expected", [
    ("qwen3-max", "qwen3-max-thinking"),
    ("Qwen3 Max Thinking", "qwen3-max-thinking"),
    ("QWEN3-MAX-THINKING", "qwen3-max-thinking"),
    ("opus-4.5", "claude-opus-4.5"),
    ("claude opus 4.5", "claude-opus-4.5"),
    ("Claude-Opus-4.5", "claude-opus-4.5"),
    ("kimi k2.5", "kimi-k2.5"),
    ("Kimi-K2.5", "kimi-k2.5"),
    ("gemini 3 pro", "gemini-3-pro"),
])
def test_spellings_resolve(services, typed, expected):
    assert services.resolver.resolve(typed).model_id == expected


def test_a_family_lists_candidates_instead_of_guessing(services):
    resolution = services.resolver.resolve("qwen3")
    assert not resolution.ok and len(resolution.candidates) >= 2
    assert all(c.startswith("qwen3") for c in resolution.candidates)


def test_typo_gets_a_suggestion_or_a_safe_pick(services):
    resolution = services.resolver.resolve("kimi k2.55")
    assert resolution.model_id != "kimi-k2.5"  # a different version number is never silently taken
    assert "kimi-k2.5" in resolution.suggestions


def test_close_typo_with_same_version_is_picked(services):
    assert services.resolver.resolve("claude opuss 4.5").model_id == "claude-opus-4.5"


def test_unknown_name_has_no_match(services):
    resolution = services.resolver.resolve("zzzz-nothing-like-it")
    assert not resolution.ok and not resolution.candidates


def test_version_numbers_must_match_for_fuzzy_picks():
    index = NameIndex.build([("gpt-5.2", "GPT-5.2", "[]", "gpt-5", "openai"),
                             ("claude-opus-4.5", "Claude Opus 4.5", "[]", "claude", "anthropic")])
    assert index.resolve("gpt-5.1").model_id is None
    assert "gpt-5.2" in index.resolve("gpt-5.1").suggestions


def test_name_key_ignores_case_space_and_punctuation():
    assert name_key("Claude-Opus 4.5") == name_key("claude_opus-4.5") == "claudeopus4.5"


def test_autocomplete_is_ranked_and_capped(services):
    choices = services.resolver.complete("qwen", 25)
    assert 0 < len(choices) <= 25 and all("qwen" in c for c in choices[:3])


def test_index_follows_new_models(services):
    from storage import Model
    assert not services.resolver.resolve("acme ultra 9").ok
    services.store.upsert(Model(id="acme-ultra-9", vendor_id="openai", name="Acme Ultra 9"))
    assert services.resolver.resolve("acme ultra 9").model_id == "acme-ultra-9"
