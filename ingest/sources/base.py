"""The one protocol every evidence source implements, and the rows it produces.

A source is a published file (a leaderboard CSV, a catalog JSON): an adapter names it,
knows its default URL and committed snapshot, and turns its bytes into rows. Mapping rows
onto the record (``mapping.py``) and storing them (``sync.py``) are the same for all
sources, so an adapter is small: parse, and say what the rows mean.

Rules: ``parse`` never touches the store or the network; a file whose shape changed
(missing column, renamed key, HTML instead of JSON, truncated) raises ``ShapeError``
with a one-line reason, never returns half the rows.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol


class ShapeError(ValueError):
    """The published file is not in the shape the adapter knows; the message is one line."""


@dataclass(frozen=True)
class ScoreRow:
    """One figure as a leaderboard prints it, before its model name is mapped."""

    name: str
    """The model (or system) name exactly as printed."""
    benchmark: str
    """Record benchmark id."""
    value: float
    value_text: str
    quote: str
    """`<row label> | <column label> | <cell>` as printed."""
    scope: str = "overall"
    """The part of the benchmark this figure covers: overall, a category, a task."""
    settings: str | None = None
    """How the source ran it (harness, edit format, style control), joined to the variant's settings."""
    provenance: str = "independent"
    date: str | None = None
    notes: str | None = None
    vendor_hint: str | None = None
    """The organisation as the source prints it, if it does."""
    model_tag: str | None = None
    """A second spelling of the model the source gives (SWE-bench's `Model: …` tag)."""
    variant: str | None = None
    """Distinguishes rows of one name+benchmark+scope (e.g. a submitted system's folder)."""


@dataclass(frozen=True)
class CatalogEntry:
    """One model in a catalog, with the facts it states."""

    provider: str
    """The catalog's provider id (`anthropic`, `moonshotai`)."""
    entry_id: str
    """The catalog's model id (`claude-opus-4-5`)."""
    name: str
    family: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    """Field (see storage.evidence_store.FACT_FIELDS) -> value."""
    canonical: bool = False
    """A maker's own model file (models.dev `models/<org>/<id>.toml`), not an API listing's entry."""


@dataclass(frozen=True)
class BenchmarkEntry:
    """One benchmark in a catalog of benchmarks, under the name the catalog displays."""

    entry_id: str
    """The catalog's key (`ifeval`)."""
    name: str
    """The name as running text writes it (`IFEval`), already cut from the catalog's grouping (`SuperGLUE / BoolQ`)."""
    aliases: tuple[str, ...] = ()
    category: str | None = None
    paper: str | None = None
    higher_is_better: bool = True


class Adapter(Protocol):
    name: str
    """Short id used on the command line: `livebench`, `models.dev`."""
    title: str
    publisher: str
    default_url: str
    repository: str
    kind: str
    """`leaderboard` or `catalog` (a sources.kind); a catalog lists models (CatalogEntry) or benchmarks (BenchmarkEntry)."""

    def parse(self, files: Mapping[str, bytes]) -> list[ScoreRow] | list[CatalogEntry] | list[BenchmarkEntry]:
        """Rows from the published file(s): {file name: bytes}. Raises ShapeError."""
        ...

    def companions(self, main_name: str) -> list[str]:
        """Other file names published beside the main one that parse also wants (may be empty)."""
        ...


def decode_text(data: bytes, what: str) -> str:
    """UTF-8 text, refusing what is plainly an HTML page (an error page served instead of the file)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ShapeError(f"{what} is not UTF-8 text") from None
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")):
        raise ShapeError(f"{what} is an HTML page, not the published data file")
    if not text.strip():
        raise ShapeError(f"{what} is empty")
    return text


def yaml_list(data: bytes, name: str, items: str) -> list:
    """A published YAML file whose top level is a list (of `items`, for the message), else a one-line ShapeError."""
    import yaml
    try:
        doc = yaml.safe_load(decode_text(data, name))
    except yaml.YAMLError as err:
        raise ShapeError(f"{name}: not valid YAML ({str(err).splitlines()[0]})") from None
    if not isinstance(doc, list):
        raise ShapeError(f"{name}: expected a list of {items}")
    return doc


def number(value: Any, where: str) -> float | None:
    """A figure as float; empty cells are None; anything else that is not a number is a shape error."""
    if value is None or value == "" or (isinstance(value, str) and value.strip() in ("", "-", "—", "nan", "NaN")):
        return None
    if isinstance(value, bool):
        raise ShapeError(f"{where}: expected a number, got {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ShapeError(f"{where}: expected a number, got {str(value)[:40]!r}") from None


def printed(value: Any) -> str:
    """The figure as text, as the file prints it: a parsed float keeps its decimal point (JSON and YAML
    `66.0` stay `66.0`), an integer stays an integer."""
    return repr(value) if isinstance(value, float) else str(value).strip()
