from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "hub.practices"
    label = "practices"
