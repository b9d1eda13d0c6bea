from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "hub.ingest"
    label = "ingest"

    def ready(self):
        from hub.ingest import document_text

        document_text.connect()
