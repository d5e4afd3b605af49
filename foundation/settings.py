"""Settings from the environment and an optional .env file, built once in main.

Nothing reads os.environ at import time. Secrets are kept out of repr() so a
logged Settings never shows a token. Every variable is listed, with a comment,
in .env.example (tests/test_consistency.py checks that).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_db_path() -> Path:
    """$XDG_DATA_HOME/briefbot/briefbot.db, else ~/.local/share/briefbot/briefbot.db."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "briefbot" / "briefbot.db"


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; '#' comments; optional quotes. Unreadable files are ignored."""
    values: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return values
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key] = value
    return values


def configure_logging(settings: "Settings", verbose: bool = False) -> None:
    """One log format for every command; logs go to stderr."""
    import logging
    import sys
    level = logging.DEBUG if verbose else getattr(logging, settings.log_level, logging.INFO)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)


class ConfigError(ValueError):
    """A missing or malformed variable; the message names it."""


NUMBERS: dict[str, float] = {
    "BRIEFBOT_OUTBOX_MAX_ATTEMPTS": 8, "BRIEFBOT_OUTBOX_BASE_DELAY": 2.0, "BRIEFBOT_OUTBOX_PACE": 1.0,
    "BRIEFBOT_LOCAL_SINK_DELAY": 0.0, "BRIEFBOT_ALERT_WINDOW_MINUTES": 10.0, "BRIEFBOT_ALERT_MAX_AGE_DAYS": 14.0,
    "BRIEFBOT_FEED_INTERVAL_MINUTES": 30.0, "BRIEFBOT_FEED_BACKOFF_MINUTES": 5.0, "BRIEFBOT_FEED_MAX_FAILURES": 5,
    "BRIEFBOT_FEED_TIMEOUT": 10.0, "BRIEFBOT_FEED_MAX_BYTES": 2_000_000, "BRIEFBOT_FEED_MAX_REDIRECTS": 3,
    "BRIEFBOT_FEED_DOMAIN_DELAY": 1.0, "BRIEFBOT_LLM_RETRIES": 2, "BRIEFBOT_LLM_BACKOFF": 0.5,
}
"""Numeric tuning variables and their defaults. Checked when settings load, so a typo stops start-up with
one line naming the variable instead of surfacing mid-run; parts read them with `settings.number(NAME)`."""


def parse_number(raw: dict[str, str], name: str) -> float:
    value = (raw.get(name) or "").strip()
    if not value:
        return float(NUMBERS[name])
    try:
        number = float(value)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {value!r}") from None
    if number < 0:
        raise ConfigError(f"{name} must not be negative, got {value!r}")
    return number


@dataclass(frozen=True)
class OutboxSettings:
    max_attempts: int
    base_delay: float
    """Seconds before the first retry; doubles per attempt, with jitter."""
    pace: float
    """Seconds between two messages to one channel."""
    admin_destination: str | None


@dataclass(frozen=True)
class LocalSinkSettings:
    path: Path | None
    """BRIEFBOT_LOCAL_OUTBOX: the file the local destination writes to; None means the terminal."""
    delay: float
    find_sent: bool


@dataclass(frozen=True)
class FeedSettings:
    interval_minutes: float
    backoff_minutes: float
    max_failures: int
    timeout: float
    max_bytes: int
    max_redirects: int
    domain_delay: float
    allow_private: str
    """BRIEFBOT_ALLOW_PRIVATE_FETCH: "" (refuse private addresses), "1" (allow all, local testing), or a list."""
    admin_destination: str | None


@dataclass(frozen=True)
class AlertSettings:
    window_minutes: float
    max_age_days: float
    """A release dated longer ago than this is stored but never alerted as new (a re-report of old news)."""


@dataclass(frozen=True)
class LLMSettings:
    """The OpenAI-compatible endpoint; `configured` is false unless both an endpoint and a model are set."""
    base_url: str | None
    model: str | None
    api_key: str | None = field(repr=False)
    timeout: float
    max_tokens: int
    retries: int
    backoff: float

    @property
    def configured(self) -> bool:
        return bool(self.base_url and self.model)


@dataclass(frozen=True)
class Settings:
    db_path: Path
    log_level: str = "INFO"
    admins: frozenset[str] = frozenset()
    default_tz: str = "UTC"
    slack_bot_token: str | None = field(default=None, repr=False)
    slack_app_token: str | None = field(default=None, repr=False)
    slack_signing_secret: str | None = field(default=None, repr=False)
    slack_api_url: str | None = None
    http_host: str = "127.0.0.1"
    http_port: int = 3000
    discord_bot_token: str | None = field(default=None, repr=False)
    discord_api_url: str | None = None
    discord_gateway_url: str | None = None
    openai_base_url: str | None = None
    openai_api_key: str | None = field(default=None, repr=False)
    llm_model: str | None = None
    llm_timeout: float = 30.0
    llm_max_tokens: int = 600
    local_outbox: Path | None = None
    grace_hours: float = 24.0
    raw: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, environ: dict[str, str] | None = None, env_file: Path | None = Path(".env"),
             db_override: str | None = None) -> "Settings":
        env: dict[str, str] = {}
        if env_file is not None:
            env.update(read_env_file(env_file))
        env.update(os.environ if environ is None else environ)

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        def number(name: str, default: float, kind=float):
            value = get(name)
            if value is None:
                return default
            try:
                return kind(value)
            except ValueError:
                raise ConfigError(f"{name} must be a number, got {value!r}") from None

        raw = {k: v for k, v in env.items() if k.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_"))}
        for name in NUMBERS:
            parse_number(raw, name)
        admins = frozenset(a.strip() for a in (get("BRIEFBOT_ADMINS") or "").split(",") if a.strip())
        port = number("BRIEFBOT_HTTP_PORT", 3000, int)
        if not 0 <= port <= 65535:
            raise ConfigError(f"BRIEFBOT_HTTP_PORT must be between 0 and 65535, got {port}")
        return cls(
            db_path=Path(db_override or get("BRIEFBOT_DB") or default_db_path()).expanduser(),
            log_level=(get("BRIEFBOT_LOG_LEVEL") or "INFO").upper(),
            admins=admins,
            default_tz=get("BRIEFBOT_TZ") or "UTC",
            slack_bot_token=get("SLACK_BOT_TOKEN"), slack_app_token=get("SLACK_APP_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"), slack_api_url=get("SLACK_API_URL"),
            http_host=get("BRIEFBOT_HTTP_HOST") or "127.0.0.1", http_port=port,
            discord_bot_token=get("DISCORD_BOT_TOKEN"), discord_api_url=get("DISCORD_API_URL"),
            discord_gateway_url=get("DISCORD_GATEWAY_URL"),
            openai_base_url=get("OPENAI_BASE_URL"), openai_api_key=get("OPENAI_API_KEY"),
            llm_model=get("BRIEFBOT_LLM_MODEL"),
            llm_timeout=number("BRIEFBOT_LLM_TIMEOUT", 30.0), llm_max_tokens=number("BRIEFBOT_LLM_MAX_TOKENS", 600, int),
            local_outbox=Path(get("BRIEFBOT_LOCAL_OUTBOX")) if get("BRIEFBOT_LOCAL_OUTBOX") else None,
            grace_hours=number("BRIEFBOT_GRACE_HOURS", 24.0),
            raw=raw,
        )

    def number(self, name: str) -> float:
        """A numeric tuning variable from NUMBERS (validated at load), or its default."""
        return parse_number(self.raw, name)

    # Typed sections: each part reads its own section, never variables by name.
    @property
    def outbox(self) -> OutboxSettings:
        return OutboxSettings(max_attempts=int(self.number("BRIEFBOT_OUTBOX_MAX_ATTEMPTS")),
                              base_delay=self.number("BRIEFBOT_OUTBOX_BASE_DELAY"),
                              pace=self.number("BRIEFBOT_OUTBOX_PACE"), admin_destination=self._text("BRIEFBOT_ADMIN_DESTINATION"))

    @property
    def local_sink(self) -> LocalSinkSettings:
        find_sent = (self._text("BRIEFBOT_LOCAL_SINK_FIND_SENT") or "1").lower() not in ("0", "false", "no")
        return LocalSinkSettings(path=self.local_outbox, delay=self.number("BRIEFBOT_LOCAL_SINK_DELAY"),
                                 find_sent=find_sent)

    @property
    def feeds(self) -> FeedSettings:
        return FeedSettings(interval_minutes=self.number("BRIEFBOT_FEED_INTERVAL_MINUTES"),
                            backoff_minutes=self.number("BRIEFBOT_FEED_BACKOFF_MINUTES"),
                            max_failures=int(self.number("BRIEFBOT_FEED_MAX_FAILURES")),
                            timeout=self.number("BRIEFBOT_FEED_TIMEOUT"),
                            max_bytes=int(self.number("BRIEFBOT_FEED_MAX_BYTES")),
                            max_redirects=int(self.number("BRIEFBOT_FEED_MAX_REDIRECTS")),
                            domain_delay=self.number("BRIEFBOT_FEED_DOMAIN_DELAY"),
                            allow_private=self._text("BRIEFBOT_ALLOW_PRIVATE_FETCH") or "",
                            admin_destination=self._text("BRIEFBOT_ADMIN_DESTINATION"))

    @property
    def alerts(self) -> AlertSettings:
        return AlertSettings(window_minutes=self.number("BRIEFBOT_ALERT_WINDOW_MINUTES"),
                             max_age_days=self.number("BRIEFBOT_ALERT_MAX_AGE_DAYS"))

    @property
    def llm(self) -> LLMSettings:
        return LLMSettings(base_url=self.openai_base_url, model=self.llm_model, api_key=self.openai_api_key,
                           timeout=self.llm_timeout, max_tokens=self.llm_max_tokens,
                           retries=int(self.number("BRIEFBOT_LLM_RETRIES")), backoff=self.number("BRIEFBOT_LLM_BACKOFF"))

    @property
    def discord_application_id(self) -> str | None:
        return self._text("DISCORD_APPLICATION_ID")

    @property
    def log_level_chosen(self) -> bool:
        """Whether BRIEFBOT_LOG_LEVEL was set (interactive commands are quiet unless it was)."""
        return "BRIEFBOT_LOG_LEVEL" in self.raw

    def _text(self, name: str) -> str | None:
        return (self.raw.get(name) or "").strip() or None
