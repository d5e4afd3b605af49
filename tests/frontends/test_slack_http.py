"""The real slack-bolt AsyncApp served over HTTP on 127.0.0.1, against the local fake Slack Web API.

Nothing is mocked: requests are signed with Slack's v0 scheme and posted to
/slack/events with aiohttp; the app acks, asks users.info on the fake, answers
through the core and posts to the fake's response_url. A spy around the core's
`answer` (it calls the real one) shows whether a request reached the core.
"""
from __future__ import annotations

import asyncio
import json
import time

import aiohttp
import pytest

from storage.delivery import list_schedules

from foundation.settings import Settings
from bot.core.answer import answer
from bot.render.slack_blocks import SHARE_ACTION_ID, render_slack
from bot.core.context import Context
from bot.frontends.slack_front import build_front_end, handlers
from storage.delivery import destination_id, subscriptions_for
from tests.fakes.fake_slack import FakeSlack, block_action_body, sign, slash_command_body

SECRET = "test-signing-secret"
COMPARE = "/compare qwen3-max opus-4.5"




@pytest.fixture
def core_calls(monkeypatch):
    """Spy on the core (the real `answer` still runs): which command lines reached it."""
    seen: list[str] = []

    def spy(services, line, ctx=None, **kw):
        seen.append(line)
        return answer(services, line, ctx, **kw)
    monkeypatch.setattr(handlers, "answer", spy)
    return seen


def settings_for(fake: FakeSlack, **extra) -> Settings:
    env = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url,
           "BRIEFBOT_HTTP_HOST": "127.0.0.1", "BRIEFBOT_HTTP_PORT": "0", **extra}
    return Settings.load(environ=env, env_file=None)


def run(services, fake: FakeSlack, scenario, **env):
    """Start the real front end in HTTP mode on a free port, run `scenario(front, session)`, always stop it."""
    async def main():
        front = build_front_end(settings_for(fake, **env), services)
        await front.start()
        try:
            async with aiohttp.ClientSession() as session:
                return await scenario(front, session)
        finally:
            await front.stop()
    return asyncio.run(main())


async def post(session, front, body: str, headers: dict) -> tuple[int, str, float]:
    started = time.perf_counter()
    async with session.post(front.server.url, data=body.encode(), headers=headers) as response:
        return response.status, await response.text(), time.perf_counter() - started


async def command(session, front, fake, name: str, text: str, *, count: int = 1, **kw) -> tuple[int, list[dict]]:
    """A signed slash command; waits for `count` posts to its response_url and returns (status, posts)."""
    url = fake.response_url()
    body = slash_command_body(name, text, url, **kw)
    status, _, elapsed = await post(session, front, body, sign(SECRET, body))
    assert elapsed < 3.0, f"ack took {elapsed:.2f} s"
    posts = await fake.await_for(lambda: len(fake.posted_to(url)) >= count and fake.posted_to(url))
    return status, posts


def texts(post: dict) -> str:
    out: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    out.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(post.get("blocks", []))
    return "\n".join(out)


# ---- a valid request ------------------------------------------------------------------------------------
def test_signed_compare_is_acked_and_answered_ephemerally_with_blocks_and_a_share_button(services, fake_slack,
                                                                                        core_calls):
    async def scenario(front, session):
        return await command(session, front, fake_slack, "/compare", "qwen3-max opus-4.5")

    status, [posted] = run(services, fake_slack, scenario)
    assert status == 200
    assert core_calls == [COMPARE]
    assert posted["response_type"] == "ephemeral" and posted["replace_original"] is False
    a, b = (services.store.model(services.resolver.resolve(n).model_id) for n in ("qwen3-max", "opus-4.5"))
    blocks = posted["blocks"]
    assert blocks[0] == {"type": "header", "text": {"type": "plain_text", "text": f"Compare: {a.name} vs {b.name}",
                                                   "emoji": True}}
    shown = texts(posted)
    # a benchmark both have figures for is shown with both models' values (as a preformatted table when it is
    # narrow enough, else as labelled lines: tests/test_slack_render.py covers both forms)
    shared = {c.benchmark_id for c in services.store.scores_for([a.id])} & {
        c.benchmark_id for c in services.store.scores_for([b.id])}
    assert shared
    bench = services.store.benchmark(sorted(shared)[0])
    assert bench.name in shown
    mmlu = {c.subject_id: c.value_text for c in services.store.claims(model_ids=[a.id, b.id], benchmark_id="mmlu-pro")}
    assert mmlu[a.id] in shown and mmlu[b.id] in shown
    [actions] = [blk for blk in blocks if blk["type"] == "actions"]
    [button] = actions["elements"]
    assert button["action_id"] == SHARE_ACTION_ID and button["value"] == COMPARE
    # exactly what the renderer makes of the core's answer for this asker
    ctx = Context(platform="slack", workspace="T0FAKE", channel="C0GENERAL", user="U0MEMBER",
                  is_channel_admin=False, tz="Europe/London")
    assert blocks == render_slack(answer(services, COMPARE, ctx), share_command=COMPARE)[0]["blocks"]
    users_info = fake_slack.calls_to("users.info")
    assert [c.body["user"] for c in users_info] == ["U0MEMBER"]
    assert users_info[0].headers.get("Authorization") == "Bearer xoxb-test"


def test_share_button_posts_the_answer_in_channel_with_who_shared_it(services, fake_slack, core_calls):
    async def scenario(front, session):
        url = fake_slack.response_url()
        body = block_action_body(COMPARE, url, user_id="U0MEMBER")
        status, _, _ = await post(session, front, body, sign(SECRET, body))
        return status, await fake_slack.await_for(lambda: fake_slack.posted_to(url))

    status, [posted] = run(services, fake_slack, scenario)
    assert status == 200 and core_calls == [COMPARE]
    assert posted["response_type"] == "in_channel"
    assert posted["blocks"][0]["type"] == "context" and "<@U0MEMBER>" in posted["blocks"][0]["elements"][0]["text"]
    assert not [b for b in posted["blocks"] if b["type"] == "actions"]
    assert "Compare:" in texts(posted)


# ---- rejected requests -------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", ["forged", "missing_signature", "missing_timestamp", "stale", "other_secret"])
def test_badly_signed_requests_get_401_and_never_reach_the_core(services, fake_slack, core_calls, case):
    async def scenario(front, session):
        url = fake_slack.response_url()
        body = slash_command_body("/compare", "qwen3-max opus-4.5", url)
        headers = sign(SECRET, body)
        if case == "forged":
            headers["X-Slack-Signature"] = "v0=" + "0" * 64
        elif case == "missing_signature":
            del headers["X-Slack-Signature"]
        elif case == "missing_timestamp":
            del headers["X-Slack-Request-Timestamp"]
        elif case == "stale":
            headers = sign(SECRET, body, timestamp=time.time() - 6 * 60)
        else:
            headers = sign("not-the-secret", body)
        status, _, _ = await post(session, front, body, headers)
        await asyncio.sleep(0.2)  # time enough for a listener to have run, were it started
        return status, fake_slack.posted_to(url)

    status, posted = run(services, fake_slack, scenario)
    assert status == 401
    assert posted == [] and core_calls == []
    assert fake_slack.calls_to("users.info") == []


def test_a_body_changed_after_signing_is_rejected(services, fake_slack, core_calls):
    async def scenario(front, session):
        url = fake_slack.response_url()
        body = slash_command_body("/compare", "qwen3-max opus-4.5", url)
        headers = sign(SECRET, body)
        status, _, _ = await post(session, front, body.replace("opus-4.5", "gpt-5.2"), headers)
        return status

    assert run(services, fake_slack, scenario) == 401
    assert core_calls == []


# ---- bad input -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,text,expect", [
    ("/compare", "", "compare"),
    ("/frobnicate", "now", "/brief"),
    ("/model", "x" * 4000, "4000"),
    ("/model", "模型 😀 ünïcödé", "ünïcödé"),
    ("/compare", "qwen3-max \u201copus 4.5\u201d", None),
    ("/releases", "vendor-that-does-not-exist", "vendor-that-does-not-exist"),
])
def test_bad_input_gets_a_helpful_ephemeral_answer_never_a_500(services, fake_slack, core_calls, name, text, expect):
    async def scenario(front, session):
        return await command(session, front, fake_slack, name, text)

    status, [posted] = run(services, fake_slack, scenario)
    assert status == 200
    assert posted["response_type"] == "ephemeral"
    shown = texts(posted)
    assert posted["blocks"] and len(json.dumps(posted)) < 40_000
    if expect is None:  # curly quotes from Slack's editor still resolve
        assert "Compare:" in shown
        return
    assert "Something went wrong" not in shown
    assert expect[:40] in shown or (expect == "4000" and ("1000 characters" in shown or "too long" in shown)), shown
    assert not [b for b in posted["blocks"] if b["type"] == "actions"], "errors get no share button"


# ---- permissions ---------------------------------------------------------------------------------------------
def test_a_member_may_not_change_the_channel_schedule_and_is_told_why(services, fake_slack, core_calls):
    async def scenario(front, session):
        return await command(session, front, fake_slack, "/digest", "schedule mon 09:00 Europe/London",
                             user_id="U0MEMBER")

    _, [posted] = run(services, fake_slack, scenario)
    shown = texts(posted)
    assert posted["response_type"] == "ephemeral"
    assert "workspace admin or owner" in shown and "BRIEFBOT_ADMINS" in shown
    assert list_schedules(services.store) == []  # the core refused: nothing was scheduled
    assert [c.body["user"] for c in fake_slack.calls_to("users.info")] == ["U0MEMBER"]


@pytest.mark.parametrize("user,env", [("U0ADMIN", {}), ("U0OWNER", {}),
                                      ("U0LISTED", {"BRIEFBOT_ADMINS": "slack:U0LISTED"})])
def test_admins_owners_and_listed_admins_may_schedule(services, fake_slack, core_calls, user, env):
    if env:  # the composition root puts BRIEFBOT_ADMINS into services.admins, which the core consults
        services.admins = frozenset(env["BRIEFBOT_ADMINS"].split(","))

    async def scenario(front, session):
        return await command(session, front, fake_slack, "/digest", "schedule mon 09:00 Europe/London",
                             user_id=user)

    _, [posted] = run(services, fake_slack, scenario, **env)
    assert core_calls == ["/digest schedule mon 09:00 Europe/London"]
    assert "Slack says you are neither" not in texts(posted) and "Digest scheduled" in texts(posted)
    assert [s.destination_id for s in list_schedules(services.store)] == ["slack:T0FAKE:C0GENERAL"]


def test_channel_alerts_need_an_admin_but_dm_alerts_do_not(services, fake_slack, core_calls):
    channel_dest = destination_id("slack", "T0FAKE", "C0GENERAL")

    async def scenario(front, session):
        _, [refused] = await command(session, front, fake_slack, "/subscribe", "moonshot here", user_id="U0MEMBER")
        _, [own] = await command(session, front, fake_slack, "/subscribe", "moonshot", user_id="U0MEMBER")
        _, [allowed] = await command(session, front, fake_slack, "/subscribe", "moonshot here", user_id="U0ADMIN")
        return refused, own, allowed

    refused, own, allowed = run(services, fake_slack, scenario)
    assert "neither" in texts(refused)
    assert "Subscribed" in texts(own) and "Subscribed" in texts(allowed)
    assert [s.target_id for s in subscriptions_for(services.store, channel_dest)] == ["moonshot"]
    dm_dest = destination_id("slack", "T0FAKE", "U0MEMBER")
    assert [s.target_id for s in subscriptions_for(services.store, dm_dest)] == ["moonshot"]
    assert all(not [b for b in p["blocks"] if b["type"] == "actions"] for p in (own, allowed)), \
        "settings changes get no share button"


def test_users_info_failure_means_member_not_admin(services, fake_slack, core_calls):
    fake_slack.script("users.info", error="missing_scope")

    async def scenario(front, session):
        return await command(session, front, fake_slack, "/digest", "off", user_id="U0ADMIN")

    _, [posted] = run(services, fake_slack, scenario)
    assert "neither" in texts(posted)


@pytest.fixture
def long_command(monkeypatch):
    """A registered command whose answer needs many Slack messages (through the real registry)."""
    import bot.core.commands as commands
    from bot.core.answer import ensure_registered
    from bot.core.reply import Reply, Section
    ensure_registered()
    items = tuple(f"item {i:03d} " + "word " * 150 for i in range(120))

    def handle(services, ctx, args):
        return Reply(title="A long answer", sections=(Section(heading="Items", items=items),))
    monkeypatch.setitem(commands.COMMANDS, "longprobe",
                        commands.Command("longprobe", "/longprobe", "test only", handle))
    return Reply(title="A long answer", sections=(Section(heading="Items", items=items),))


@pytest.mark.parametrize("ephemeral_allowed", [True, False])
def test_an_answer_longer_than_five_messages_goes_on_with_the_bot_token_or_says_so(
        services, fake_slack, long_command, ephemeral_allowed):
    expected = render_slack(long_command, share_command="/longprobe")
    assert len(expected) > 5 and expected[-1]["blocks"][-1]["type"] == "actions"
    if not ephemeral_allowed:
        fake_slack.script("chat.postEphemeral", error="not_in_channel")

    async def scenario(front, session):
        url = fake_slack.response_url()
        body = slash_command_body("/longprobe", "", url)
        await post(session, front, body, sign(SECRET, body))
        if ephemeral_allowed:
            await fake_slack.await_for(lambda: len(fake_slack.calls_to("chat.postEphemeral")) == len(expected) - 4)
            return fake_slack.posted_to(url)
        return await fake_slack.await_for(lambda: len(fake_slack.posted_to(url)) == 5 and fake_slack.posted_to(url))

    posts = run(services, fake_slack, scenario)
    assert [p["blocks"] for p in posts[:4]] == [m["blocks"] for m in expected[:4]]
    if ephemeral_allowed:
        rest = [c.body for c in fake_slack.calls_to("chat.postEphemeral")]
        assert [r["blocks"] for r in rest] == [m["blocks"] for m in expected[4:]]
        assert all(r["user"] == "U0MEMBER" and r["channel"] == "C0GENERAL" for r in rest)
    else:
        assert f"{len(expected) - 4} more part(s)" in posts[4]["text"] and "not_in_channel" in posts[4]["text"]
