"""List untranslated and fuzzy entries of our strings in locale/; fail when there are any."""

from django.core.management.base import BaseCommand, CommandError

from hub.core.catalogues import catalogue_problems, fill_from_source
from hub.core.vendor_catalogues import supplement_problems


class Command(BaseCommand):
    help = (
        "Check that locale/*/LC_MESSAGES/django.po translate every string of hub/, search/ and "
        "templates/, with nothing fuzzy, and locale/vendor/ every Wagtail message its own Czech "
        "catalogue lacks. Run `make messages` first to extract new strings."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fill-english",
            action="store_true",
            help="Copy the English source text into empty entries of the English catalogue first.",
        )

    def handle(self, *args, **options):
        if options["fill_english"]:
            filled = fill_from_source("en")
            self.stdout.write(
                f"Filled {filled} English entr{'y' if filled == 1 else 'ies'} from the source text."
            )
        problems = catalogue_problems()
        for problem in problems:
            self.stdout.write(str(problem))
        # Wagtail's messages our admin languages lack (locale/vendor/, see hub/core/vendor_catalogues.py).
        for language, domain, msgid in supplement_problems():
            self.stdout.write(f"[{language}] untranslated in locale/vendor ({domain}): {msgid!r}")
            problems.append(msgid)
        if problems:
            raise CommandError(f"{len(problems)} catalogue problem(s); translate them in locale/.")
        self.stdout.write(self.style.SUCCESS("Catalogues are complete."))
