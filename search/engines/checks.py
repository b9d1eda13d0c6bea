"""System checks: warn at `manage.py check` and server start when a search index has an outdated layout.

A layout changes when the schema declared on the models or the index mapping changes (a new facet, a new
text field, another analysis): the old index then misses fields the queries ask for. Rebuilding fixes it,
so the warning says exactly that. An engine that does not answer is not this check's business (search
falls back and the outbox retries); it is skipped quickly.
"""

from django.conf import settings
from django.core import checks

# A check runs with every management command: an unreachable node must not hold them up.
CHECK_TIMEOUT = 1.0
REBUILD_HINT = "Run `python manage.py rebuild_search_index` to build the index with the current layout."


@checks.register("search")
def index_layout(app_configs, **kwargs):
    from search.engines.elasticsearch import ElasticsearchBackend
    from search.engines.embedded import LAYOUT_VERSION, EmbeddedBackend

    warnings = []
    embedded = EmbeddedBackend.from_settings()
    version = embedded.layout_version() if embedded.path.is_file() else None
    if version is not None and version != LAYOUT_VERSION:
        warnings.append(
            checks.Warning(
                f"The embedded search index {embedded.path} has layout {version}; this code needs {LAYOUT_VERSION}.",
                hint=REBUILD_HINT,
                id="search.W001",
            )
        )
    if settings.SEARCH_BACKEND == "elasticsearch" and settings.ELASTICSEARCH_URL:
        backend = ElasticsearchBackend(
            url=settings.ELASTICSEARCH_URL, index_prefix=settings.ELASTICSEARCH_INDEX_PREFIX, timeout=CHECK_TIMEOUT
        )
        if backend.is_available() and backend.layout_is_current() is False:
            warnings.append(
                checks.Warning(
                    f"The Elasticsearch index {backend.alias} has an older layout than this code.",
                    hint=REBUILD_HINT,
                    id="search.W002",
                )
            )
    return warnings
