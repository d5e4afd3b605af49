"""The platform-neutral command core: a command line in, one Reply out.

`answer` never raises: user mistakes become an error Reply with the fix, and
anything unexpected is logged with its traceback and answered with an apology.
This is the one place where errors turn into replies for every front end.
"""
from __future__ import annotations

import logging

import bot.core.commands as commands
from bot.core.errors import BriefbotError
from bot.core.parse import MAX_INPUT_CHARS, CommandLine, parse_command
from bot.core.reply import Reply, error_reply
from bot.core.context import Context, Services

log = logging.getLogger(__name__)


def ensure_registered() -> None:
    if not commands.COMMANDS:
        commands.register_builtin()


def answer(services: Services, text: str, ctx: Context | None = None, *, default: str = "") -> Reply:
    ctx = ctx or Context()
    ensure_registered()
    line = parse_command(text, default=default)
    return answer_line(services, line, ctx)


def answer_line(services: Services, line: CommandLine, ctx: Context) -> Reply:
    ensure_registered()
    if not line.name:
        return error_reply("That was an empty command.", "Try `/brief` for the list of commands, or `/compare qwen3-max opus-4.5`.")
    command = commands.COMMANDS.get(line.name)
    if command is None:
        known = ", ".join(f"/{c.name}" for c in commands.unique_commands())
        return error_reply(f"I don't know the command “/{line.name[:40]}”.", f"Commands: {known}. `/brief` explains each.")
    try:
        reply = command.handler(services, ctx, line.args)
    except BriefbotError as err:
        hint = err.hint
        if line.truncated:
            hint = (hint + " " if hint else "") + f"(Your text was longer than {MAX_INPUT_CHARS} characters and was cut.)"
        return error_reply(err.message, hint)
    except Exception:
        log.exception("command /%s failed", line.name)
        return error_reply("Something went wrong on my side while answering that.",
                           "It has been logged. Try again, or `/brief` for help.")
    return reply
