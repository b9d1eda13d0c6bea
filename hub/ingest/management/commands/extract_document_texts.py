"""python manage.py extract_document_texts — extract the text of every document that has none yet.

Uploads extract their text in the background; this fills in documents uploaded before that existed or
whose extraction was lost with a restarted process (run it once after deploying, or from cron).
"""

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from hub.ingest.document_text import extract_document_text, file_hash_of
from hub.ingest.models import DocumentText


class Command(BaseCommand):
    help = (
        "Extract the text of every document without extracted text (in the limited child process)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--again", action="store_true", help="Extract every document again.")

    def handle(self, *args, **options):
        documents = list(get_document_model().objects.order_by("pk"))
        known = set(DocumentText.objects.values_list("file_hash", flat=True))
        done = failed = 0
        for number, document in enumerate(documents, start=1):
            try:
                missing = options["again"] or file_hash_of(document) not in known
            except OSError as error:
                self.stderr.write(f"[{number}/{len(documents)}] {document.filename}: {error}")
                failed += 1
                continue
            if not missing:
                continue
            stored = extract_document_text(document)
            outcome = stored.error if stored and stored.error else "ok"
            failed += bool(stored is None or stored.error)
            done += 1
            self.stdout.write(f"[{number}/{len(documents)}] {document.filename}: {outcome}")
        self.stdout.write(
            self.style.SUCCESS(f"{done} of {len(documents)} documents extracted, {failed} failed.")
        )
