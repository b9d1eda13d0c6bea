from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "hub.taxonomy"
    label = "taxonomy"
