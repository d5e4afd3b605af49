"""Slack listeners: every slash command and the share button, answered through the core.

Rules: a front end is thin. Each slash command is acked at once (Slack wants an
answer within 3 s) and then routed generically through the command registry as
the equivalent command line (`/compare` + its text), so a command added to the
core needs no code here. The core runs off the loop in bot.core.lanes: lookups
on one worker thread (the store's connection is used by one thread at a time),
/digest on workers of its own, so a slow LLM never delays a lookup. Answers go back through
`respond` (the request's response_url, only when it is Slack's: see
response_url.py; otherwise the Web API): ephemeral for lookups and errors, with
a "Share to channel" button on lookups; the button re-answers the command line
it carries and posts it in the channel. Nothing here raises to Bolt: any failure
is logged and answered with an apology.
"""
from __future__ import annotations

import logging
import re

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

import bot.core.commands as commands
from bot.core.answer import answer
from bot.core.lanes import Lanes
from bot.render.slack_blocks import SHARE_ACTION_ID, render_slack, shared_by_context
from bot.core.reply import Reply
from bot.core.context import Context, Services
from bot.frontends.slack_front.context import UserDirectory, build_context
from bot.frontends.slack_front.response_url import safe_respond

log = logging.getLogger(__name__)

RESPONSE_URL_USES = 5
"""Slack accepts at most five posts to one response_url."""
ANY_COMMAND = re.compile(r"^/\S+$")


class CoreRunner:
    """Runs the synchronous core off the event loop, in two lanes (bot.core.lanes): a slow /digest
    never delays another user's lookup."""

    def __init__(self, services: Services):
        self.services = services
        self.lanes = Lanes(services, "briefbot-slack-core",
                           answer_fn=lambda s, line, ctx: answer(s, line, ctx))  # looked up per call

    async def answer(self, line: str, ctx: Context) -> Reply:
        return await self.lanes.answer(line, ctx)

    def close(self) -> bool:
        return self.lanes.close()


def register(app: AsyncApp, services: Services, *, runner: CoreRunner, directory: UserDirectory,
             default_tz: str = "UTC") -> None:
    handlers = _Handlers(services, runner, directory, default_tz)
    app.command(ANY_COMMAND)(handlers.on_command)
    app.action(SHARE_ACTION_ID)(handlers.on_share)


class _Handlers:
    def __init__(self, services: Services, runner: CoreRunner, directory: UserDirectory, default_tz: str):
        self.services = services
        self.runner = runner
        self.directory = directory
        self.default_tz = default_tz

    async def _context(self, team_id: str, channel_id: str, user_id: str, channel_name: str | None) -> Context:
        user = await self.directory.get(user_id)
        return build_context(team_id=team_id, channel_id=channel_id, user_id=user_id, channel_name=channel_name,
                             user=user, default_tz=self.default_tz)

    async def on_command(self, ack, command: dict, respond, client: AsyncWebClient) -> None:
        await ack()
        line = f"{command.get('command', '')} {command.get('text') or ''}".strip()
        respond = safe_respond(respond, command.get("response_url"), client, command.get("channel_id", ""),
                               command.get("user_id", ""))
        try:
            ctx = await self._context(command.get("team_id", ""), command.get("channel_id", ""),
                                      command.get("user_id", ""), command.get("channel_name"))
            reply = await self.runner.answer(line, ctx)
            share = line if shareable(line, ctx) and not reply.is_error else None
            await deliver(render_slack(reply, share_command=share), respond, client, ctx,
                          ephemeral=reply.ephemeral or reply.is_error)
        except Exception:
            log.exception("answering %s failed", line.split(" ")[0][:40])
            await _apologise(respond)

    async def on_share(self, ack, body: dict, respond, client: AsyncWebClient) -> None:
        await ack()
        respond = safe_respond(respond, body.get("response_url"), client, (body.get("channel") or {}).get("id", ""),
                               (body.get("user") or {}).get("id", ""))
        try:
            action = (body.get("actions") or [{}])[0]
            line = str(action.get("value") or "")
            user_id = (body.get("user") or {}).get("id", "")
            channel = body.get("channel") or {}
            ctx = await self._context((body.get("team") or {}).get("id", ""), channel.get("id", ""), user_id,
                                      channel.get("name"))
            reply = await self.runner.answer(line, ctx)
            if reply.is_error:
                await deliver(render_slack(reply), respond, client, ctx, ephemeral=True)
                return
            messages = render_slack(reply)
            messages[0]["blocks"].insert(0, shared_by_context(user_id))
            await deliver(messages, respond, client, ctx, ephemeral=False)
        except Exception:
            log.exception("sharing an answer failed")
            await _apologise(respond)


def shareable(line: str, ctx: Context) -> bool:
    """Lookups get a share button; commands that change settings (subscribe, schedule) and DMs do not."""
    return not ctx.is_dm and commands.is_lookup(line)


async def deliver(messages: list[dict], respond, client: AsyncWebClient, ctx: Context, *, ephemeral: bool) -> None:
    """Each message through response_url while its five uses last; the rest with the bot token
    (chat.postEphemeral / chat.postMessage). If Slack refuses those, the last response_url use says so."""
    response_type = "ephemeral" if ephemeral else "in_channel"
    direct = messages if len(messages) <= RESPONSE_URL_USES else messages[:RESPONSE_URL_USES - 1]
    for body in direct:
        result = await respond(text=body["text"], blocks=body["blocks"], response_type=response_type,
                               replace_original=False)
        if result.status_code != 200:
            log.warning("response_url answered %s: %s", result.status_code, (result.body or "")[:200])
    rest = messages[len(direct):]
    for index, body in enumerate(rest):
        try:
            if ephemeral:
                await client.chat_postEphemeral(channel=ctx.channel, user=ctx.user, text=body["text"],
                                                blocks=body["blocks"])
            else:
                await client.chat_postMessage(channel=ctx.channel, text=body["text"], blocks=body["blocks"])
        except SlackApiError as err:
            code = err.response.get("error") if err.response is not None else "error"
            log.warning("posting part %s of a long answer in %s failed: %s", len(direct) + index + 1, ctx.channel, code)
            missing = len(rest) - index
            await respond(response_type="ephemeral", replace_original=False,
                          text=(f"This answer has {missing} more part(s) that Slack would not let me post here "
                                f"({code}). Invite me to the channel (`/invite @briefbot`) or ask me in a DM."))
            return


async def _apologise(respond) -> None:
    try:
        await respond(response_type="ephemeral", replace_original=False,
                      text="Sorry, something went wrong on my side while answering that. It has been logged.")
    except Exception:
        log.exception("could not even apologise through response_url")
