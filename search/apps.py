from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Vyhledávání"

    def ready(self):
        from search import checks, signals  # noqa: F401 - checks registers itself

        signals.connect()
