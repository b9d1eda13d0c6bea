"""Engines store and retrieve: one sub-package each (elasticsearch/, embedded/) fulfilling base.py, the
breaker and failover between them, and the layout checks. An engine never calls the query pipeline.

Pick the configured search backends: SEARCH_BACKEND ("embedded" or "elasticsearch") is the primary;
beside Elasticsearch the embedded index is the *backup* engine that answers while Elasticsearch cannot.
("Fallback" means something else in search: Czech results for an untranslated query.)
"""

from django.conf import settings
from django.utils.module_loading import import_string

BACKENDS = {
    "embedded": "search.engines.embedded.EmbeddedBackend",
    "elasticsearch": "search.engines.elasticsearch.ElasticsearchBackend",
}


def backend_class(name):
    try:
        return import_string(BACKENDS[name])
    except KeyError:
        raise ValueError(f"Unknown SEARCH_BACKEND {name!r}; choose one of {', '.join(BACKENDS)}.") from None


def get_search_backend(name=None):
    """The primary backend (settings.SEARCH_BACKEND) or the one named."""
    return backend_class(name or settings.SEARCH_BACKEND).from_settings()


def get_backup_backend():
    """The embedded index kept beside Elasticsearch, answering while Elasticsearch is down
    (None in a process that keeps no copy: SEARCH_BACKUP_COPY=0)."""
    if settings.SEARCH_BACKEND == "embedded" or not settings.SEARCH_BACKUP_COPY:
        return None
    return get_search_backend("embedded")


def all_backends():
    """Every backend index updates go to: the primary and, beside Elasticsearch, the backup."""
    backends = [get_search_backend()]
    backup = get_backup_backend()
    if backup is not None:
        backends.append(backup)
    return backends
