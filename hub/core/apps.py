from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hub.core"
    label = "core"

    def ready(self):
        from hub.core import locale_cache

        locale_cache.install()
