"""A signed request's response_url is followed only when it is Slack's (or SLACK_API_URL's origin).

The untrusted URL points at a recording listener on another 127.0.0.1 port: it must get no request,
and the answer goes through the fake Slack Web API instead. Other hosts are only classified, never
contacted.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.frontends.slack_front.response_url import trusted_response_url
from tests.fakes.fake_slack import block_action_body, sign, slash_command_body
from tests.frontends.test_slack_http import SECRET, post, run  # noqa: F401 (fixture)


@pytest.fixture
def recorder():
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
        do_GET = do_POST

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def test_a_command_with_a_foreign_response_url_is_answered_through_the_web_api(services, fake_slack, recorder):
    elsewhere, hits = recorder

    async def scenario(front, session):
        body = slash_command_body("/model", "kimi-k2.5", elsewhere + "/steal")
        status, _, _ = await post(session, front, body, sign(SECRET, body))
        posted = await fake_slack.await_for(lambda: fake_slack.calls_to("chat.postEphemeral"))
        return status, posted

    status, [call] = run(services, fake_slack, scenario)
    assert status == 200 and hits == []
    assert call.body["channel"] == "C0GENERAL" and call.body["user"] == "U0MEMBER"
    assert "Kimi" in call.body["text"]


def test_a_share_with_a_foreign_response_url_posts_with_the_bot_token(services, fake_slack, recorder):
    elsewhere, hits = recorder

    async def scenario(front, session):
        body = block_action_body("/model kimi-k2.5", elsewhere + "/steal", user_id="U0MEMBER")
        status, _, _ = await post(session, front, body, sign(SECRET, body))
        return status, await fake_slack.await_for(lambda: fake_slack.calls_to("chat.postMessage"))

    status, [call] = run(services, fake_slack, scenario)
    assert status == 200 and hits == []
    assert call.body["channel"] == "C0GENERAL"


@pytest.mark.parametrize("url, trusted", [
    ("https://hooks.slack.com/commands/T0/1/abc", True),
    ("https://slack.com/x", True),
    ("https://a.b.slack.com/x", True),
    ("http://hooks.slack.com/commands/T0/1/abc", False),
    ("https://hooks.slack.com.evil.test/x", False),
    ("https://evilslack.com/x", False),
    ("https://hooks.slack.com@evil.test/x", False),
    ("https://user:pw@hooks.slack.com/x", False),
    ("ftp://hooks.slack.com/x", False),
    ("http://127.0.0.1:9/api/x", False),
    ("http://127.0.0.1:8080/response/1", True),
    ("http://127.0.0.1:8081/response/1", False),
    ("http://169.254.169.254/latest/meta-data", False),
    ("https://hooks.slack.com:99999/x", False),
    ("", False),
    (None, False),
])
def test_which_response_urls_are_slacks(url, trusted):
    assert trusted_response_url(url, "http://127.0.0.1:8080/api/") is trusted
