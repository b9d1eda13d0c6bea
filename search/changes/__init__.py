"""Keeping indices in step with the pages: the change log (log.py) written by lifecycle signals (signals.py)
into the outbox (outbox.py), applied by its consumers (consumers.py) in the request and the worker
(worker.py); rebuild with replay, check-and-repair, and the feeder of each host's backup copy.
"""
