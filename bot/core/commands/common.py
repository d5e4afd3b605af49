"""Helpers shared by commands: turning typed names into models, with helpful errors."""
from __future__ import annotations

from storage import Model

from bot.core.errors import UnknownName, UsageError
from bot.core.context import Services

MAX_LISTED = 8

def _names(services: Services, ids) -> str:
    """Names in the order given (the resolver orders versions: GPT-5, GPT-5.1, GPT-5.2)."""
    found = {m.id: m for m in services.store.models(list(ids))}
    return ", ".join(f"{found[i].name} (`{i}`)" for i in ids if i in found)


def resolve_model(services: Services, text: str) -> Model:
    if len(text) > 100:
        raise UsageError("That model name is too long (over 100 characters).", "Type the model's name, e.g. `kimi-k2.5`.")
    resolution = services.resolver.resolve(text)
    if resolution.ok:
        model = services.store.model(resolution.model_id)
        if model is not None:
            return model
    if resolution.candidates:
        shown = resolution.candidates[:MAX_LISTED]
        more = f" and {len(resolution.candidates) - len(shown)} more" if len(resolution.candidates) > len(shown) else ""
        if resolution.why == "versions":
            message = f"“{text}” names no single version. Did you mean {_names(services, shown)}{more}?"
        elif resolution.why == "vendor":
            vendor = services.store.vendor(resolution.vendor_id)
            message = (f"“{text}” is {vendor.name if vendor else resolution.vendor_id}'s name, not one model; "
                       f"its models include {_names(services, shown)}{more}.")
        elif resolution.why == "family":
            message = f"“{text}” is a family, so it could mean several models: {_names(services, shown)}{more}."
        else:
            message = f"“{text}” could mean several models: {_names(services, shown)}{more}."
        raise UnknownName(message, "Name one of them exactly, e.g. " + f"`{shown[-1]}`.")  # one that is listed
    if resolution.suggestions:
        raise UnknownName(f"I don't know a model called “{text}”. Did you mean {_names(services, resolution.suggestions)}?",
                          "Use one of those names, or `/model` with part of a name to search.")
    vendor_id = services.resolver.resolve_vendor(text)
    if vendor_id:
        models = services.store.models_of_vendor(vendor_id)[:8]
        raise UnknownName(f"“{text}” is a vendor, not a model. Its models include: {_names(services, [m.id for m in models])}.",
                          "Name a model, e.g. " + (f"`{models[0].id}`." if models else "`kimi-k2.5`."))
    raise UnknownName(f"I don't know a model called “{text}”, and nothing in the record is close.",
                      "Try `/releases` to see recent models, or check the spelling.")


def resolve_models(services: Services, names: list[str]) -> list[Model]:
    """Resolve every name; report all the unknown ones at once rather than one per try."""
    resolutions = [services.resolver.resolve(name) if len(name) <= 100 else None for name in names]
    if all(r is not None and r.ok for r in resolutions):
        found = services.store.models([r.model_id for r in resolutions])  # one query for the common case
        if len(found) == len(names):
            return _no_repeats(found)
    models, problems, hints = [], [], []
    for name in names:
        try:
            models.append(resolve_model(services, name))
        except UnknownName as err:
            problems.append(err.message)
            if err.hint:
                hints.append(err.hint)
    if problems:
        raise UnknownName(" ".join(problems), hints[0] if hints else None)
    return _no_repeats(models)


def _no_repeats(models: list[Model]) -> list[Model]:
    seen = set()
    for model in models:
        if model.id in seen:
            raise UsageError(f"You named {model.name} twice.", "Compare different models, e.g. `/compare qwen3-max opus-4.5`.")
        seen.add(model.id)
    return models


def one_arg(args: tuple[str, ...]) -> str:
    """Commands that take one name accept it unquoted: `/model Qwen3 Max Thinking`."""
    return " ".join(args).strip()


def resolve_vendor(services: Services, name: str, *, extra_hint: str = "") -> str:
    """A vendor id for a typed name, or UnknownName with the closest vendors; the one home of this rule."""
    vendor_id = services.resolver.resolve_vendor(name)
    if vendor_id is None:
        suggestions = services.resolver.suggest_vendors(name)
        hint = ("Did you mean " + ", ".join(f"`{s}`" for s in suggestions) + "?") if suggestions \
            else "Try `/releases` for every vendor."
        raise UnknownName(f"I don't know a vendor called “{name[:100]}”.", (hint + " " + extra_hint).strip())
    return vendor_id


def digest_filters(services: Services, vendors=(), models=(), kinds=()) -> dict:
    """Digest filters from typed names (the CLI's --vendor/--model/--kind), resolved like every command's names."""
    return {"vendors": [resolve_vendor(services, name) for name in vendors],
            "models": [resolve_model(services, name).id for name in models], "kinds": list(kinds)}
