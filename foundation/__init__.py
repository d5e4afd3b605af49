"""Shared foundations below every layer: time, settings, the LLM client. They import nothing from bot, digests, ingest or storage."""
