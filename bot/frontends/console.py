"""The console front end: the same command core, answered in plain text.

It doubles as the in-process front end the command tests drive (push a line,
read the reply), like errbot's test backend.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from bot.core.answer import answer
from bot.render.text import render_text
from bot.core.reply import Reply
from bot.core.context import Context, Services

PROMPT = "briefbot> "
BANNER = ("briefbot console: type a command such as /compare qwen3-max opus-4.5, /model kimi-k2.5, "
          "/brief for help, quit to leave.")


class ConsoleFrontEnd:
    def __init__(self, services: Services, ctx: Context | None = None):
        self.services = services
        self.ctx = ctx or Context(platform="console", channel="console", user="local")

    def ask(self, line: str) -> Reply:
        return answer(self.services, line, self.ctx, default="")

    def ask_text(self, line: str) -> str:
        return render_text(self.ask(line))

    def loop(self, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, history: Path | None = None) -> int:
        interactive = stdin.isatty()
        if interactive:
            _enable_history(history)
        print(BANNER, file=stdout)
        while True:
            try:
                line = input(PROMPT) if interactive else stdin.readline()
            except (EOFError, KeyboardInterrupt):
                print(file=stdout)
                return 0
            if not interactive and line == "":
                return 0
            line = line.strip()
            if not line:
                continue
            if line.lower() in ("quit", "exit", "/quit", "/exit"):
                return 0
            if not line.startswith("/") and line.lower() in ("help", "?"):
                line = "/brief"
            print(self.ask_text(line), file=stdout)


def _enable_history(path: Path | None) -> None:
    try:
        import atexit
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            readline.read_history_file(path)
    except OSError:
        return
    readline.set_history_length(1000)
    atexit.register(lambda: _save_history(readline, path))


def _save_history(readline, path: Path) -> None:
    try:
        readline.write_history_file(path)
    except OSError:
        pass
