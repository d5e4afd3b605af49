"""The fakes refuse what the real services refuse, so a test cannot pass by accident against a lenient fake."""
from __future__ import annotations

import json
import urllib.error
import urllib.request


def _post(url: str, body: dict, headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


def test_fake_openai_answers_500_when_nothing_is_queued_and_401_without_the_key(fake_openai):
    url = fake_openai.base_url + "/chat/completions"
    assert _post(url, {"model": "m", "messages": []}, {"Authorization": "Bearer k"})[0] == 500
    fake_openai.api_key = "right"
    fake_openai.enqueue("hello")
    assert _post(url, {"model": "m", "messages": []}, {"Authorization": "Bearer wrong"})[0] == 401
    status, body = _post(url, {"model": "m", "messages": []}, {"Authorization": "Bearer right"})
    assert status == 200 and body["choices"][0]["message"]["content"] == "hello"


def test_fake_slack_wants_a_bot_token(fake_slack):
    url = fake_slack.api_url + "chat.postMessage" if fake_slack.api_url.endswith("/") else \
        fake_slack.api_url + "/chat.postMessage"
    assert _post(url, {"channel": "C1", "text": "x"})[1] == {"ok": False, "error": "not_authed"}
    assert _post(url, {"channel": "C1", "text": "x"}, {"Authorization": "Bearer xoxb-1"})[1]["ok"] is True
