"""Property: no input, however odd, makes the command core raise."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from bot.core.answer import answer
from bot.core.reply import Reply
from tests.kit import assert_not_apology

COMMANDS = ["/compare", "/model", "/releases", "/claims", "/brief", "/help", "/digest", "/subscribe",
            "/unsubscribe", "/subscriptions", "/nope", ""]
words = st.one_of(st.text(max_size=30), st.sampled_from(["qwen3-max", "opus-4.5", "kimi k2.5", "moonshot", "qwen3",
                                                        "mmlu-pro", "2026-W05", "30d", '"', "'", "here", "now"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(COMMANDS), args=st.lists(words, max_size=8))
def test_no_command_fails_inside_on_odd_input(services, command, args):
    """The core turns any exception into an apology; odd input must get an answer or a usage error, never that."""
    reply = answer(services, " ".join([command, *args]))
    assert isinstance(reply, Reply) and reply.title
    assert_not_apology(reply)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=5000))
def test_arbitrary_text_never_fails_inside(services, text):
    reply = answer(services, text)
    assert isinstance(reply, Reply)
    assert_not_apology(reply)
