"""The SQLite record of AI releases and claims, plus delivery and ingest state."""
from .records import Benchmark, Claim, Model, Release, Source, Stats, Vendor
from .store import Store, open_database, schema_version

__all__ = ["Benchmark", "Claim", "Model", "Release", "Source", "Stats", "Store", "Vendor",
           "open_database", "schema_version"]
