"""The slack_sdk Web API client briefbot uses everywhere: base URL from settings, rate limits honoured.

Rules: the base URL comes from SLACK_API_URL (GovSlack, proxies, the local fake
in tests) and always ends with a slash, or slack_sdk would glue the method name
onto the last path segment. slack_sdk's default retry handlers cover connection
errors only, so a rate-limit handler is added: it sleeps for Slack's Retry-After
and tries again, but only when the wait is short; a longer one is left to the
caller (the outbox retries later) rather than blocking a worker for minutes.
"""
from __future__ import annotations

import logging
from typing import Optional

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

from foundation.settings import Settings

log = logging.getLogger(__name__)

SLACK_API_URL_DEFAULT = "https://slack.com/api/"
MAX_RATE_LIMIT_WAIT = 30.0
"""Seconds of Retry-After the client sleeps through itself; beyond that the call fails as rate limited."""
TIMEOUT = 15


def api_base_url(settings: Settings) -> str:
    url = (settings.slack_api_url or SLACK_API_URL_DEFAULT).strip()
    return url if url.endswith("/") else url + "/"


def retry_after_seconds(headers) -> float | None:
    """Retry-After from a response's headers (a dict of str or list of str, any case), or None."""
    for key, value in (headers or {}).items():
        if key.lower() == "retry-after":
            value = value[0] if isinstance(value, (list, tuple)) else value
            try:
                return float(value)
            except (TypeError, ValueError):
                return None
    return None


class BoundedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's 429 handler (sleeps Retry-After, then retries), for waits up to `max_wait` seconds."""

    def __init__(self, max_retry_count: int = 2, max_wait: float = MAX_RATE_LIMIT_WAIT):
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: Optional[HttpResponse] = None, error: Optional[Exception] = None) -> bool:
        if not await super()._can_retry_async(state=state, request=request, response=response, error=error):
            return False
        wait = retry_after_seconds(response.headers if response is not None else None)
        if wait is not None and wait > self.max_wait:
            log.warning("Slack asked to wait %.0f s (over %.0f s): not retrying now", wait, self.max_wait)
            return False
        return True


def make_web_client(token: str | None, base_url: str, *, max_rate_limit_wait: float = MAX_RATE_LIMIT_WAIT,
                    extra_handlers: list[AsyncRetryHandler] | None = None) -> AsyncWebClient:
    client = AsyncWebClient(token=token, base_url=base_url, timeout=TIMEOUT)
    client.retry_handlers.append(BoundedRateLimitRetryHandler(max_wait=max_rate_limit_wait))
    client.retry_handlers.extend(extra_handlers or [])
    return client


def client_for(settings: Settings) -> AsyncWebClient:
    return make_web_client(settings.slack_bot_token, api_base_url(settings))
