"""Compile locale/*/LC_MESSAGES/*.po to .mo with polib, so no GNU gettext is needed on the machine."""

import os
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (locale/) to .mo files."

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                # Written aside and moved into place: parallel test processes compile at the same
                # time, and none may read a half-written catalogue.
                partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}")
                polib.pofile(str(po_path)).save_as_mofile(str(partial))
                os.replace(partial, mo_path)
                compiled += 1
        if options["verbosity"] >= 1:
            self.stdout.write(f"Compiled {compiled} catalogue(s).")
