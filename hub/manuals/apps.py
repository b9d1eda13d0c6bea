from django.apps import AppConfig


class ManualsConfig(AppConfig):
    name = "hub.manuals"
    label = "manuals"
