from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "hub.goals"
    label = "goals"
