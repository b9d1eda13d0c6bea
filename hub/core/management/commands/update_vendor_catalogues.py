"""Bring locale/vendor/ in line with what Wagtail's catalogues lack (run by `make messages`)."""

from django.core.management.base import BaseCommand

from hub.core.vendor_catalogues import DOMAINS, SUPPLEMENTED_LANGUAGES, update_supplement


class Command(BaseCommand):
    help = (
        "Add the messages that Wagtail and wagtail-localize do not translate into our admin "
        "languages to locale/vendor/, untranslated, and drop the ones no longer missing."
    )

    def handle(self, *args, **options):
        for language_code in SUPPLEMENTED_LANGUAGES:
            for domain in DOMAINS:
                self.stdout.write(str(update_supplement(language_code, domain)))
