"""An optional lead paragraph written by a language model, used only if it passes the grounding check.

Works with any OpenAI-compatible endpoint (OpenAI, Moonshot, Qwen/DashScope,
Ollama, vLLM) through the shared client, foundation.llm (which sets up
`openai`, cuts every attempt at a total deadline and retries transient
failures within the call's deadline). Rules: the model sees the facts only
(digests.factsheet.facts_text), never the record; its text is checked by
digests.grounding against the structured facts (figures with their model and
benchmark) before use; on rejection, timeout, HTTP error or a spent token
budget the default text is used and the reason is returned (and logged) so it
can be stored with the digest. Token cap: `max_tokens` completion tokens per
digest across all attempts (usage reported by the server is subtracted), and
the facts sent are cut to about four characters per token of `prompt_tokens`.
The API key is never logged.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from foundation.llm import LLMClient, LLMConfig as ClientConfig, LLMError, RetriesExhausted

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


@dataclass(frozen=True)
class LLMConfig(ClientConfig):
    """The shared client's settings (timeout: total seconds per attempt; max_tokens: completion tokens
    per digest, across retries) plus what only the summarizer needs."""

    prompt_tokens: int = 1500
    """Facts sent are cut to about four characters per token of this."""


class _Final(LLMError):
    """Stop without retrying; the message is the whole reason."""


class LLMSummarizer:
    def __init__(self, config: LLMConfig, sleep: Callable[[float], None] = time.sleep):
        self.config = config
        self.client = LLMClient(config, sleep=sleep)

    @property
    def source(self) -> str:
        return f"llm:{self.config.model}"

    def summarize(self, digest: Digest, known_names: Iterable[str] = ()) -> Summary:
        facts = facts_text(digest, max_chars=self.config.prompt_tokens * 4)
        text, reason = self._generate(facts)
        if text is not None:
            problems = grounding.check_digest(text, digest, facts, known_names)
            if len(text) > MAX_TEXT_CHARS:
                problems.append(f"the text is {len(text)} characters long (limit {MAX_TEXT_CHARS})")
            if not problems:
                return Summary(text=text, source=self.source)
            reason = "LLM text rejected: " + "; ".join(problems)
        log.warning("digest %s: using the default summary (%s)", digest.period.week, reason)
        return Summary(text=default_summary(digest), source="default", note=reason)

    def _generate(self, facts: str) -> tuple[str | None, str]:
        budget, last = [self.config.max_tokens], ["no attempt made"]
        messages = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": "Facts:\n" + facts}]

        def attempt(seconds_left: float) -> str:
            if budget[0] < MIN_USEFUL_TOKENS:
                raise _Final(f"token budget spent ({self.config.max_tokens} per digest); last error: {last[0]}")
            try:
                completion = self.client.complete(messages, max_tokens=budget[0], timeout=seconds_left)
            except LLMError as err:
                last[0] = str(err)
                raise
            budget[0] -= completion.completion_tokens
            text = " ".join(completion.text.split())
            if text:
                return text
            if completion.finish_reason == "length":
                raise _Final("LLM answer cut off by the token cap")
            last[0] = "empty answer"
            raise LLMError("empty answer", transient=True)

        try:
            return self.client.retrying(attempt), ""
        except RetriesExhausted as err:
            return None, f"LLM unavailable after {err.attempts} attempt{'s' if err.attempts > 1 else ''}: {err.last}"
        except _Final as err:
            return None, str(err)
        except LLMError as err:
            return None, f"LLM request failed: {err}"
