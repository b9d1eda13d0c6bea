"""Attachment text moved to hub.ingest.DocumentText (extracted at upload, per PDF page): copy, then drop."""

from django.db import migrations


def copy_to_document_text(apps, schema_editor):
    AttachmentText = apps.get_model("search", "AttachmentText")
    DocumentText = apps.get_model("ingest", "DocumentText")
    for old in AttachmentText.objects.iterator():
        DocumentText.objects.update_or_create(
            file_hash=old.file_hash,
            defaults={
                "filename": old.filename,
                # The old text was one string per file; page numbers are unknown until re-extracted.
                "pages": [[None, old.text]] if old.text else [],
                "error": old.error,
            },
        )


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0004_vocabulary_rows"),
        ("ingest", "0003_document_text"),
    ]

    operations = [
        migrations.RunPython(copy_to_document_text, migrations.RunPython.noop),
        migrations.DeleteModel(name="AttachmentText"),
    ]
