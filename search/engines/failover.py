"""Ask the primary engine, or the backup engine when the primary cannot answer or its breaker is open.

The one place the search page and the JSON API reach an engine. Every engine call of a search (main
query, spelling lookups, the Czech retry of a uk/en query) happens inside one `call(engine)` (the
query pipeline run on that engine), so one guard here covers them all. A query the engine rejects as
malformed (search.query.types.QueryError) is the reader's input, not an outage: it is neither retried
on the backup nor counted by the breaker.
"""

import logging

from search.engines import get_backup_backend, get_search_backend
from search.engines.base import SearchUnavailable

logger = logging.getLogger(__name__)


def answer(call):
    """`call(backend)` on the primary, else on the backup; returns (result, from_backup).

    Raises SearchUnavailable only when no engine can answer.
    """
    primary = get_search_backend()
    backup = get_backup_backend()
    if backup is None:
        return call(primary), False
    breaker = primary.breaker
    if breaker is None or breaker.allows():
        try:
            result = call(primary)
        except SearchUnavailable as error:
            if breaker is not None:
                breaker.record_failure()
            logger.warning("Search answered by the backup engine: %s", error)
        else:
            if breaker is not None:
                breaker.record_success()
            return result, False
    return call(backup), True


def autocomplete(prefix, locale, limit):
    suggestions, _ = answer(lambda backend: backend.autocomplete(prefix, locale, limit=limit))
    return suggestions
