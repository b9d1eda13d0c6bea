"""Load the demo content (idempotent): run it any number of times, nothing is duplicated."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from hub.core.management.commands.compile_catalogues import compile_catalogues
from hub.demo.loader import DemoLoader, DemoReport

RECORD_ONLY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class Command(BaseCommand):
    help = (
        "Create the demo hub: taxonomies, organisations, helplines, manuals, good practice, goals, "
        "events, translations. Prints one line per stage; -v 2 lists every object created."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        report = DemoReport(write=self.stdout.write, verbosity=options["verbosity"])
        # Page titles are made from translated strings: on a fresh clone, uncompiled catalogues
        # would give the Czech pages English titles.
        compile_catalogues()
        # Wagtail updates its admin search and reference indexes in a task per save; during a bulk
        # load those tasks are only recorded, and both indexes are rebuilt once afterwards (10× faster).
        with override_settings(TASKS=RECORD_ONLY_TASKS), transaction.atomic():
            DemoLoader(report).load()
        call_command("rebuild_references_index", verbosity=0)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"{report.summary()} ({time.monotonic() - started:.1f} s)"))
