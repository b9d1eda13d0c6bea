"""Pick the configured search backend; SEARCH_BACKEND is "embedded" or "elasticsearch".

Beside Elasticsearch the embedded index is kept up to date as the *backup* engine, which answers while
Elasticsearch is down. ("Fallback" means something else in search: Czech results for an untranslated query.)
"""

from django.conf import settings
from django.utils.module_loading import import_string

BACKENDS = {
    "embedded": "search.backends.embedded.EmbeddedBackend",
    "elasticsearch": "search.backends.elasticsearch.ElasticsearchBackend",
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
    """The embedded index kept beside Elasticsearch, answering while Elasticsearch is down."""
    if settings.SEARCH_BACKEND == "embedded":
        return None
    return get_search_backend("embedded")


def all_backends():
    """Every backend index updates go to: the primary and, beside Elasticsearch, the backup."""
    backends = [get_search_backend()]
    backup = get_backup_backend()
    if backup is not None:
        backends.append(backup)
    return backends
