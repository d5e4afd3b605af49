"""Curated seed data shipped with the app (read with importlib.resources)."""
