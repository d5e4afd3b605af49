"""`/claims <!here>` and its Share button, through the real slack-bolt app over HTTP: nothing reaches the
channel as a live mention, neither the ephemeral answer nor the shared one (blocks and `text` fallback)."""
from __future__ import annotations

import json

from bot.render.inert import mention_free
from tests.fakes.fake_slack import block_action_body, sign
from tests.frontends.test_slack_http import SECRET, command, post, run  # noqa: F401 (fixture)

HOSTILE = "comparable <!here>"
"""Words that find a claim (so the answer is a lookup with a Share button) and echo a mention in its title."""
EVERY_FORM = "<!here> <!channel> <@U0ADMIN> <#C0OTHER> <!subteam^S1|@team> @everyone @here"


def without_values(node):
    """A button's `value` is data handed back to us (the share path re-answers it), not shown text."""
    if isinstance(node, dict):
        return {k: without_values(v) for k, v in node.items() if k != "value"}
    if isinstance(node, list):
        return [without_values(v) for v in node]
    return node


def assert_inert(body: dict) -> None:
    for key in ("text", "blocks"):
        text = json.dumps(without_values(body.get(key, "")), ensure_ascii=False)
        for bad in ("<!", "<#", "<@U0ADMIN"):
            assert bad not in text, (bad, text[:400])
        assert mention_free(text), text[:400]


def test_claims_with_mentions_and_share_post_nothing_live(services, fake_slack):
    async def scenario(front, session):
        status, [answered] = await command(session, front, fake_slack, "/claims", HOSTILE)
        assert status == 200
        buttons = [e for b in answered["blocks"] if b["type"] == "actions" for e in b["elements"]]
        assert buttons, "a /claims answer found by words offers Share"
        url = fake_slack.response_url()
        body = block_action_body(buttons[0]["value"], url, user_id="U0MEMBER")
        status, _, _ = await post(session, front, body, sign(SECRET, body))
        assert status == 200
        shared = await fake_slack.await_for(lambda: fake_slack.posted_to(url))
        _, [refused] = await command(session, front, fake_slack, "/claims", EVERY_FORM)
        return answered, shared, refused

    answered, [shared], refused = run(services, fake_slack, scenario)
    assert_inert(refused)
    assert "comparable" in answered["text"]
    assert_inert(answered)
    assert shared["response_type"] == "in_channel"
    assert shared["blocks"][0]["elements"][0]["text"] == "Shared by <@U0MEMBER>"
    assert_inert({"text": shared["text"], "blocks": shared["blocks"][1:]})
