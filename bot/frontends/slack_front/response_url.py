"""Which response_url a request may make us post to, and the Web API stand-in when it is not Slack's.

Rules: a signed request's `response_url` is followed only when it points at
Slack: https on `slack.com` or a subdomain (`hooks.slack.com`), or the very
scheme, host and port of SLACK_API_URL (GovSlack, a proxy, the local fake in
tests). Anything else (another host, a user:password@ trick, a non-http
scheme) is never contacted: the answer goes through the Web API instead
(chat.postEphemeral to the asker, chat.postMessage for a shared answer), and
if that fails it is dropped with one log line. `WebApiRespond` has the shape
of Bolt's `respond` as the handlers use it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from foundation.log_dedup import deduplicate

log = logging.getLogger(__name__)


def _origin(url: str) -> tuple[str, str, int | None] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        return None
    default = 443 if parts.scheme == "https" else 80
    return parts.scheme, parts.hostname.lower().rstrip("."), port or default


def trusted_response_url(url: str | None, api_base_url: str | None) -> bool:
    """True when `url` is Slack's (https, slack.com or *.slack.com) or has SLACK_API_URL's origin."""
    origin = _origin(url or "")
    if origin is None:
        return False
    scheme, host, _ = origin
    if scheme == "https" and (host == "slack.com" or host.endswith(".slack.com")):
        return True
    return api_base_url is not None and _origin(api_base_url) == origin


@dataclass(frozen=True)
class _Result:
    status_code: int
    body: str


class WebApiRespond:
    """Answers through the bot token instead of an untrusted response_url; never raises."""

    def __init__(self, client: AsyncWebClient, channel: str, user: str):
        self.client, self.channel, self.user = client, channel, user

    async def __call__(self, text: str = "", blocks: list | None = None, response_type: str = "ephemeral",
                       replace_original: bool = False, **_ignored) -> _Result:
        if not self.channel:
            log.warning("dropped an answer: the response_url was not Slack's and the request named no channel")
            return _Result(200, "dropped")
        try:
            if response_type == "in_channel":
                await self.client.chat_postMessage(channel=self.channel, text=text, blocks=blocks)
            else:
                await self.client.chat_postEphemeral(channel=self.channel, user=self.user, text=text, blocks=blocks)
        except SlackApiError as err:
            code = err.response.get("error") if err.response is not None else "error"
            log.warning("dropped an answer for %s: the response_url was not Slack's and the Web API refused (%s)",
                        self.channel, code)
            return _Result(200, "dropped")
        except Exception as err:  # a network failure: the answer is lost, the handler goes on
            log.warning("dropped an answer for %s: the Web API could not be reached (%s)", self.channel,
                        type(err).__name__)
            return _Result(200, "dropped")
        return _Result(200, "ok")


def safe_respond(respond, response_url: str | None, client: AsyncWebClient, channel: str, user: str):
    """Bolt's `respond` when the request's response_url is Slack's, else the Web API stand-in."""
    if trusted_response_url(response_url, getattr(client, "base_url", None)):
        return respond
    deduplicate(log)
    host = _origin(response_url or "")
    log.warning("a request's response_url (host %s) is not Slack's: answering through the Web API instead",
                host[1] if host else "unparseable")
    return WebApiRespond(client, channel, user)
