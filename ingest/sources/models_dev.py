"""models.dev: a curated catalog of model facts (release date, knowledge cutoff, open weights,
price per 1M tokens, context and output limits, modalities). Provenance `catalog`.

Published as `https://models.dev/api.json` ({provider: {models: {id: {...}}}}) and, in its
repository (`anomalyco/models.dev`), as `providers/<provider>/models/<id>.toml`; parse takes
either. Only providers that are vendors the record tracks are read.

The repository also keeps one canonical file per model, `models/<org>/<id>.toml` (name, release
date, open weights, knowledge, limits, weights URL): a provider file names one as its
`base_model` and overrides some of its fields. Many open-weight models (DeepSeek-R1, Llama 3.1,
GLM-4.5) have only that file, no entry in their maker's API listing. Those files are read too:

- as an entry of their own (provider `models/<org>`, catalog id `models/<org>/<id>`) only when
  `<org>` is the maker's directory (CANONICAL_ORGS: models/google is Google DeepMind's,
  models/meta Meta's, models/zhipuai and models/zai Zhipu's, models/qwen and models/alibaba
  Alibaba's…) AND the model's name (else its file id) begins with a name that is certainly that
  vendor's (mapping.VENDOR_PREFIXES: `Kimi` is Moonshot's, `DeepSeek` DeepSeek's, `Qwen`
  Alibaba's). An org directory also hosts other makers' models as that org serves them
  (models/alibaba/kimi-k2.5.toml is Alibaba Cloud's Kimi K2.5, dated and licensed as Alibaba
  serves it); such a file, or one whose maker the name does not tell, is not an entry: it never
  makes the host the vendor of the model nor states facts about it. (models/llama is not a
  maker's directory: it holds the Llama API's and its hosts' serving variants.)
- not as an entry when a provider file read here names it as `base_model`: its facts already
  reach the record through that provider entry, with the provider's overrides.
- never with a price (`price_input`, `price_output`): a price is what an API listing charges.

How a canonical entry and an API entry of the same record model combine is decided in
sync.py (`_merge_catalog_facts`): the API entry's facts stand, the canonical entry fills what it
does not state, except the model's own facts (`open_weights`, `knowledge_cutoff`), where the
maker's file wins, and `release_date`, where the earliest day stated wins (equal dates agree).
"""
from __future__ import annotations

import json
import logging
import posixpath
import tomllib
from collections.abc import Mapping
from typing import Any

from .base import CatalogEntry, ShapeError, decode_text
from .mapping import VENDOR_PREFIXES

log = logging.getLogger(__name__)

PROVIDER_VENDORS = {
    "anthropic": ("anthropic", "Anthropic"), "openai": ("openai", "OpenAI"),
    "google": ("google-deepmind", "Google DeepMind"), "deepseek": ("deepseek", "DeepSeek"),
    "alibaba": ("alibaba", "Alibaba Cloud"), "moonshotai": ("moonshot", "Moonshot AI"),
    "llama": ("meta", "Meta"), "xai": ("xai", "xAI"), "mistral": ("mistral", "Mistral AI"),
    "zhipuai": ("zhipu", "Zhipu AI"), "minimax": ("minimax", "MiniMax"),
}
"""models.dev provider id -> (record vendor id, vendor name). The vendor's own API listing only:
resellers (openrouter, bedrock, …) list the same models again under other ids."""

CANONICAL_ORGS = {
    "anthropic": "anthropic", "openai": "openai", "google": "google-deepmind", "deepseek": "deepseek",
    "alibaba": "alibaba", "qwen": "alibaba", "moonshotai": "moonshot", "meta": "meta", "xai": "xai",
    "mistral": "mistral", "zhipuai": "zhipu", "zai": "zhipu", "minimax": "minimax",
}
"""`models/<org>/` directory -> the record vendor that makes the models it keeps (see the module rules)."""

VENDOR_NAMES = dict(PROVIDER_VENDORS.values())
"""record vendor id -> vendor name (for a vendor the record does not hold yet)."""

MAKER_PREFIXES = VENDOR_PREFIXES + (
    ("ministral", "mistral"), ("pixtral", "mistral"), ("mixtral", "mistral"), ("voxtral", "mistral"),
)
"""Name prefixes that are certainly one maker's: mapping's, plus Mistral's other model lines."""

PRICE_FIELDS = ("price_input", "price_output")


def entry_vendor(entry: CatalogEntry) -> tuple[str, str]:
    """(record vendor id, vendor name) of a catalog entry: its provider's, or its canonical directory's."""
    if entry.canonical:
        vendor_id = CANONICAL_ORGS[entry.provider.split("/", 1)[1]]
        return vendor_id, VENDOR_NAMES[vendor_id]
    return PROVIDER_VENDORS[entry.provider]


def maker_of(name: str, model_id: str) -> str | None:
    """The vendor a model name (else its file id) certainly belongs to, by its first word; None when unsure."""
    for text in (name, model_id):
        lowered = text.strip().casefold()
        for prefix, vendor in MAKER_PREFIXES:
            if lowered.startswith(prefix):
                return vendor
    return None


class ModelsDev:
    name = "models.dev"
    title = "models.dev model catalog"
    publisher = "models.dev"
    default_url = "https://models.dev/api.json"
    repository = "anomalyco/models.dev"
    kind = "catalog"

    def companions(self, main_name: str) -> list[str]:
        return []

    def parse(self, files: Mapping[str, bytes]) -> list[CatalogEntry]:
        tomls = {k: v for k, v in files.items() if k.endswith(".toml")}
        if tomls:
            return self._parse_tomls(tomls)
        if len(files) != 1:
            raise ShapeError("models.dev: expected api.json or providers/*/models/*.toml")
        (name, data), = files.items()
        try:
            doc = json.loads(decode_text(data, name))
        except json.JSONDecodeError as err:
            raise ShapeError(f"{name}: not valid JSON ({err.msg} at line {err.lineno})") from None
        if not isinstance(doc, dict):
            raise ShapeError(f"{name}: expected an object of providers")
        entries = []
        for provider in PROVIDER_VENDORS:
            block = doc.get(provider)
            if block is None:
                continue
            models = block.get("models") if isinstance(block, dict) else None
            if not isinstance(models, dict):
                raise ShapeError(f"{name}: provider {provider} has no 'models' object")
            for model_id, body in models.items():
                entries.append(_entry(provider, str(model_id), body, f"{name}: {provider}/{model_id}"))
        if not entries:
            raise ShapeError(f"{name}: none of the tracked providers ({', '.join(PROVIDER_VENDORS)}) is listed")
        return entries

    def _parse_tomls(self, files: Mapping[str, bytes]) -> list[CatalogEntry]:
        entries = []
        based: set[str] = set()
        bases = {path[len("models/"):-len(".toml")]: data for path, data in files.items() if path.startswith("models/")}
        for path, data in sorted(files.items()):
            parts = path.split("/")
            if len(parts) < 4 or parts[0] != "providers" or parts[2] != "models":
                continue
            provider = parts[1]
            if provider not in PROVIDER_VENDORS:
                continue
            model_id = "/".join(parts[3:])[: -len(".toml")]
            data = _follow_link(path, data, files)
            if data is None:
                log.warning("%s: a link to a file the catalog does not have; skipped", path)
                continue
            try:
                body = tomllib.loads(decode_text(data, path))
            except tomllib.TOMLDecodeError as err:
                raise ShapeError(f"{path}: not valid TOML ({err})") from None
            base_name = body.pop("base_model", None)
            if base_name is not None:
                if base_name not in bases:
                    raise ShapeError(f"{path}: base_model {base_name} is not in the snapshot")
                try:
                    body = _merge(tomllib.loads(decode_text(bases[base_name], base_name)), body)
                except tomllib.TOMLDecodeError as err:
                    raise ShapeError(f"models/{base_name}.toml: not valid TOML ({err})") from None
            entries.append(_entry(provider, model_id, body, path))
            if base_name is not None:
                based.add(base_name)
        entries += self._canonical(files, based)
        if not entries:
            raise ShapeError("models.dev: no model files of the tracked providers")
        return entries

    def _canonical(self, files: Mapping[str, bytes], based: set[str]) -> list[CatalogEntry]:
        """The makers' own `models/<org>/<id>.toml` files that are no provider entry's base (module rules)."""
        entries = []
        for path, data in sorted(files.items()):
            parts = path.split("/")
            if len(parts) != 3 or parts[0] != "models" or parts[1] not in CANONICAL_ORGS:
                continue
            org, model_id = parts[1], parts[2][: -len(".toml")]
            if f"{org}/{model_id}" in based:
                continue
            try:
                body = tomllib.loads(decode_text(data, path))
            except tomllib.TOMLDecodeError as err:
                raise ShapeError(f"{path}: not valid TOML ({err})") from None
            name = body.get("name")
            maker = maker_of(name, model_id) if isinstance(name, str) else None
            if maker != CANONICAL_ORGS[org]:
                log.debug("%s: %s is not %s's own model (maker %s); read only as a base_model", path, name, org, maker)
                continue
            entry = _entry(f"models/{org}", model_id, body, path, canonical=True)
            for field in PRICE_FIELDS:
                entry.facts.pop(field, None)
            entries.append(entry)
        return entries


def _follow_link(path: str, data: bytes, files: Mapping[str, bytes]) -> bytes | None:
    """Git stores a symbolic link as a file holding the target path (zhipuai/… -> ../../zai/…)."""
    text = data.strip()
    if text.startswith(b"../") and text.endswith(b".toml") and b"\n" not in text:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), text.decode()))
        return files.get(target)
    return data


def _merge(base: dict, override: dict) -> dict:
    """A provider's file names a shared `models/<base>.toml` and overrides some of its fields."""
    out = dict(base)
    for key, value in override.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _entry(provider: str, model_id: str, body: Any, where: str, canonical: bool = False) -> CatalogEntry:
    if not isinstance(body, dict) or not isinstance(body.get("name"), str):
        raise ShapeError(f"{where}: a model without a 'name'")
    facts: dict[str, Any] = {}
    for key, field in (("release_date", "release_date"), ("knowledge", "knowledge_cutoff"), ("status", "status")):
        if body.get(key):
            facts[field] = str(body[key])
    if isinstance(body.get("open_weights"), bool):
        facts["open_weights"] = body["open_weights"]
    if isinstance(body.get("reasoning"), bool):
        facts["reasoning"] = body["reasoning"]
    cost = body.get("cost")
    if isinstance(cost, dict):
        for key, field in (("input", "price_input"), ("output", "price_output")):
            if isinstance(cost.get(key), (int, float)) and not isinstance(cost.get(key), bool):
                facts[field] = cost[key]
    limit = body.get("limit")
    if isinstance(limit, dict):
        for key, field in (("context", "context_limit"), ("output", "output_limit")):
            if isinstance(limit.get(key), int) and limit[key] > 0:
                facts[field] = limit[key]
    modalities = body.get("modalities")
    if isinstance(modalities, dict):
        for key, field in (("input", "input_modalities"), ("output", "output_modalities")):
            if isinstance(modalities.get(key), list):
                facts[field] = [str(m) for m in modalities[key]]
    facts["catalog_id"] = f"{provider}/{model_id}"
    facts["catalog_name"] = body["name"]
    return CatalogEntry(provider=provider, entry_id=model_id, name=body["name"], family=body.get("family"), facts=facts,
                        canonical=canonical)
