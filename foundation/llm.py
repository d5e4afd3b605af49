"""The one LLM client: any OpenAI-compatible endpoint, with a total deadline per call.

Rules.
- Configuration is a small frozen `LLMConfig` built by the caller (from settings or the
  environment, in main): nothing is read here, and `openai` is imported only inside the
  functions that call it, so importing this module costs nothing.
- `timeout` is a total deadline per attempt, not a per-read timeout: the request runs on the
  async client under `asyncio.wait_for`, so an endpoint that dribbles one byte every few
  seconds is cut off at the deadline (the request is cancelled and its connection closed).
- Retries (`retrying`, `complete_json`) take transient failures (timeouts, connection errors,
  429, 5xx, and whatever a caller marks transient, such as an empty answer) with exponential
  backoff; a whole call, retries and pauses included, never runs past `total_deadline`.
  Client errors (other 4xx) are not retried.
- Failures are `LLMError` with a short description ("timed out", "HTTP 500") safe to log or
  store; the API key is never logged.
- Structured output: `complete_json` sends a JSON schema as response_format and returns the
  parsed object (or raises LLMError).
"""
from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    """The OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1."""
    model: str
    api_key: str | None = None
    timeout: float = 30.0
    """Seconds: the total deadline of one attempt (connect, wait, every byte of the answer)."""
    retries: int = 2
    """Further attempts after a transient failure."""
    backoff: float = 0.5
    """Seconds before the first retry; doubles each time."""
    max_tokens: int = 600
    """Completion tokens per call (a caller may pass fewer)."""
    total_deadline: float | None = None
    """Seconds for a whole call with its retries; default: every attempt's timeout plus the pauses."""

    @classmethod
    def from_settings(cls, settings, **overrides) -> "LLMConfig | None":
        """From foundation.settings.Settings' llm section; None unless an endpoint and a model are configured."""
        llm = settings.llm
        if not llm.configured:
            return None
        values = dict(base_url=llm.base_url, model=llm.model, api_key=llm.api_key, timeout=llm.timeout,
                      max_tokens=llm.max_tokens, retries=llm.retries, backoff=llm.backoff)
        values.update(overrides)
        return cls(**values)

    @property
    def deadline(self) -> float:
        if self.total_deadline is not None:
            return self.total_deadline
        pauses = sum(self.backoff * 2 ** i for i in range(self.retries))
        return self.timeout * (self.retries + 1) + pauses


class LLMError(RuntimeError):
    """A call that produced no usable answer; str() is a short description safe to store."""

    def __init__(self, description: str, *, transient: bool = False, status: int | None = None):
        super().__init__(description)
        self.transient = transient
        self.status = status


class RetriesExhausted(LLMError):
    """Every attempt failed transiently (or the total deadline left no room for another)."""

    def __init__(self, attempts: int, last: str):
        super().__init__(f"unavailable after {attempts} attempt{'s' if attempts != 1 else ''}: {last}",
                         transient=True)
        self.attempts, self.last = attempts, last


@dataclass(frozen=True)
class Completion:
    text: str
    finish_reason: str | None = None
    completion_tokens: int = 0
    prompt_tokens: int = 0


class LLMClient:
    def __init__(self, config: LLMConfig, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.config = config
        self.sleep, self.clock = sleep, clock

    # ---- one attempt ---------------------------------------------------
    def complete(self, messages: Sequence[dict], *, max_tokens: int | None = None, temperature: float = 0.0,
                 response_format: dict | None = None, timeout: float | None = None) -> Completion:
        """One request, cut at `timeout` (default config.timeout) seconds in total."""
        limit = self.config.timeout if timeout is None else min(timeout, self.config.timeout)
        if limit <= 0:
            raise LLMError("timed out", transient=True)
        request = dict(model=self.config.model, max_tokens=max_tokens or self.config.max_tokens,
                       temperature=temperature, messages=list(messages))
        if response_format is not None:
            request["response_format"] = response_format
        return _run(self._attempt(request, limit, time.monotonic() + limit))

    async def _attempt(self, request: dict, limit: float, end: float) -> Completion:
        import asyncio

        import openai  # the first call pays for the import, inside its deadline
        client = openai.AsyncOpenAI(base_url=self.config.base_url, api_key=self.config.api_key or "not-needed",
                                    timeout=limit, max_retries=0)
        try:
            left = end - time.monotonic()
            if left <= 0:
                raise asyncio.TimeoutError
            response = await asyncio.wait_for(client.chat.completions.create(**request), left)
        except (asyncio.TimeoutError, openai.APITimeoutError):
            raise LLMError("timed out", transient=True) from None
        except openai.APIStatusError as err:
            status = err.status_code
            raise LLMError(f"HTTP {status}", transient=status == 429 or status >= 500, status=status) from None
        except openai.APIConnectionError as err:
            raise LLMError(type(err).__name__, transient=True) from None
        except openai.OpenAIError as err:
            raise LLMError(type(err).__name__) from None
        finally:
            try:
                await client.close()
            except Exception:  # pragma: no cover - closing a half-dead connection must not hide the result
                log.debug("closing the LLM client failed", exc_info=True)
        usage = getattr(response, "usage", None)
        choice = response.choices[0] if response.choices else None
        return Completion(text=(choice.message.content if choice else None) or "",
                          finish_reason=choice.finish_reason if choice else None,
                          completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
                          prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0)

    # ---- retries -------------------------------------------------------
    def retrying(self, attempt: Callable[[float], T]) -> T:
        """attempt(seconds_left) until it returns; transient LLMErrors are retried with backoff, within
        config.retries and the total deadline. Raises the first non-transient LLMError, or
        RetriesExhausted."""
        deadline = self.clock() + self.config.deadline
        tries = 0
        while True:
            left = deadline - self.clock()
            try:
                return attempt(min(left, self.config.timeout))
            except LLMError as err:
                if not err.transient:
                    raise
                tries += 1
                last = str(err)
            if tries > self.config.retries:
                raise RetriesExhausted(tries, last)
            delay = self.config.backoff * 2 ** (tries - 1)
            if deadline - self.clock() - delay <= 0.05:
                raise RetriesExhausted(tries, f"{last} (no time left for another attempt)")
            log.info("LLM attempt %s failed (%s); retrying in %.2f s", tries, last, delay)
            self.sleep(delay)

    def complete_json(self, messages: Sequence[dict], schema: dict, *, name: str = "answer",
                      max_tokens: int | None = None) -> Any:
        """Structured output: the answer parsed as JSON (the schema is sent as a strict json_schema)."""
        response_format = {"type": "json_schema", "json_schema": {"name": name, "strict": True, "schema": schema}}
        completion = self.retrying(lambda left: self.complete(messages, max_tokens=max_tokens,
                                                              response_format=response_format, timeout=left))
        try:
            return json.loads(completion.text)
        except ValueError as err:
            raise LLMError(f"answer is not valid JSON: {err}") from None


_pool = None


def _run(coro):
    """Run a coroutine to completion from sync code, also when this thread already runs an event loop
    (the console answers on the loop): then on a helper thread with a loop of its own."""
    import asyncio
    import concurrent.futures
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    global _pool
    if _pool is None:
        _pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="briefbot-llm")
    return _pool.submit(asyncio.run, coro).result()
