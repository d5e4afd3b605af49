"""Ingestion: curated seed files, vendor feeds and articles into the record."""
