"""Renderers: a neutral Reply into each platform's form (text, Markdown, Block Kit, embeds).

Renderers are pure functions of a Reply and import no chat library: they build
the JSON payloads, the front ends send them. Every renderer returns a list of
messages, because a long reply is split, never silently truncated.
"""
