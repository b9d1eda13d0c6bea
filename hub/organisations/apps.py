from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "hub.organisations"
    label = "organisations"
