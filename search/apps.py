from django.apps import AppConfig
from django.core.signals import request_finished
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Vyhledávání"

    def ready(self):
        from search.changes import signals
        from search.console import log
        from search.console.admin import ensure_search_editors_group
        from search.engines import checks  # noqa: F401 - checks registers itself
        from search.vocabulary.shipped import ensure_builtin_vocabulary

        signals.connect()
        # The query log is written after the response went out (search/console/log.py).
        request_finished.connect(log.flush, dispatch_uid="search-console-log")
        # Also after a test database is flushed, so every test sees the shipped vocabulary.
        post_migrate.connect(ensure_builtin_vocabulary, sender=self, dispatch_uid="search-builtin-vocabulary")
        # After wagtailadmin's too (it comes later in INSTALLED_APPS): the group needs its access_admin.
        post_migrate.connect(ensure_search_editors_group, dispatch_uid="search-editors-group")
