"""Digest scheduling: pure time computations (times.py), due-run handling (runs.py), the
APScheduler wiring (scheduler.py) and the status report (status.py)."""
