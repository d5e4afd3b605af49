"""An optional lead paragraph written by a language model, used only if it passes the grounding check.

Works with any OpenAI-compatible endpoint (OpenAI, Moonshot, Qwen/DashScope,
Ollama, vLLM) through the `openai` client. Rules: the model sees the facts
only (digests.factsheet.facts_text), never the record; its text is checked by
digests.grounding before use; on rejection, timeout, HTTP error or a spent
token budget the default text is used and the reason is returned (and logged)
so it can be stored with the digest. Retries transient failures (timeouts,
connection errors, 429, 5xx) with exponential backoff; client errors (4xx) are
not retried. Token cap: `max_tokens` completion tokens per digest across all
attempts (usage reported by the server is subtracted), and the facts sent are
cut to about four characters per token of `prompt_tokens`. The API key is
never logged.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import openai

from . import grounding
from .factsheet import facts_text
from .digest_types import Digest
from .summarize import Summary, default_summary

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You write the lead paragraph of a weekly digest about AI model releases and claims. "
    "Use only the facts you are given. Every number and every model or vendor name you write must appear "
    "in the facts exactly as written there; do not add figures, comparisons, opinions or names that are not "
    "in the facts. Say whether a figure is a vendor claim or independent when you mention it. "
    "Plain text, two to four sentences, under 90 words, no lists, no headings.")
MAX_TEXT_CHARS = 1200
MIN_USEFUL_TOKENS = 40
TRANSIENT = (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)


@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = 30.0
    """Seconds per request."""
    max_tokens: int = 600
    """Completion tokens per digest, across retries."""
    prompt_tokens: int = 1500
    retries: int = 2
    backoff: float = 0.5
    """Seconds before the first retry; doubles each time."""

    @classmethod
    def from_settings(cls, settings) -> "LLMConfig | None":
        """None unless both an endpoint and a model are configured."""
        base_url, model = getattr(settings, "openai_base_url", None), getattr(settings, "llm_model", None)
        if not (base_url and model):
            return None
        return cls(base_url=base_url, model=model, api_key=settings.openai_api_key,
                   timeout=float(settings.llm_timeout), max_tokens=int(settings.llm_max_tokens),
                   retries=int(settings.number("BRIEFBOT_LLM_RETRIES")),
                   backoff=settings.number("BRIEFBOT_LLM_BACKOFF"))


class LLMSummarizer:
    def __init__(self, config: LLMConfig, sleep: Callable[[float], None] = time.sleep):
        self.config = config
        self.sleep = sleep
        self.client = openai.OpenAI(base_url=config.base_url, api_key=config.api_key or "not-needed",
                                    timeout=config.timeout, max_retries=0)

    @property
    def source(self) -> str:
        return f"llm:{self.config.model}"

    def summarize(self, digest: Digest, known_names: Iterable[str] = ()) -> Summary:
        facts = facts_text(digest, max_chars=self.config.prompt_tokens * 4)
        text, reason = self._generate(facts)
        if text is not None:
            problems = grounding.check(text, facts, known_names)
            if len(text) > MAX_TEXT_CHARS:
                problems.append(f"the text is {len(text)} characters long (limit {MAX_TEXT_CHARS})")
            if not problems:
                return Summary(text=text, source=self.source)
            reason = "LLM text rejected: " + "; ".join(problems)
        log.warning("digest %s: using the default summary (%s)", digest.period.week, reason)
        return Summary(text=default_summary(digest), source="default", note=reason)

    def _generate(self, facts: str) -> tuple[str | None, str]:
        budget, attempt, last = self.config.max_tokens, 0, "no attempt made"
        while True:
            if budget < MIN_USEFUL_TOKENS:
                return None, f"token budget spent ({self.config.max_tokens} per digest); last error: {last}"
            try:
                response = self.client.chat.completions.create(
                    model=self.config.model, max_tokens=budget, temperature=0,
                    messages=[{"role": "system", "content": SYSTEM_PROMPT},
                              {"role": "user", "content": "Facts:\n" + facts}])
            except TRANSIENT as err:
                last = _describe(err)
            except openai.APIError as err:
                return None, f"LLM request failed: {_describe(err)}"
            else:
                usage = getattr(response, "usage", None)
                budget -= getattr(usage, "completion_tokens", 0) or 0
                choice = response.choices[0] if response.choices else None
                text = " ".join(((choice.message.content if choice else None) or "").split())
                if text:
                    return text, ""
                if choice is not None and choice.finish_reason == "length":
                    return None, "LLM answer cut off by the token cap"
                last = "empty answer"
            attempt += 1
            if attempt > self.config.retries:
                return None, f"LLM unavailable after {attempt} attempt{'s' if attempt > 1 else ''}: {last}"
            delay = self.config.backoff * (2 ** (attempt - 1))
            log.info("LLM attempt %s failed (%s); retrying in %.1f s", attempt, last, delay)
            self.sleep(delay)


def _describe(err: Exception) -> str:
    if isinstance(err, openai.APITimeoutError):
        return "timed out"
    status = getattr(err, "status_code", None)
    return f"HTTP {status}" if status else type(err).__name__
