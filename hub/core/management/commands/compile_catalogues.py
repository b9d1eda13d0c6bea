"""Compile locale/*/LC_MESSAGES/*.po to .mo with polib, so no GNU gettext is needed on the machine."""

import os
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import trans_real


def compile_catalogues():
    """Compile every catalogue older than its .po; return how many were compiled.

    Django caches a process's catalogues on first use, so a catalogue compiled after that would not
    be read until a restart: the cache is dropped when anything was compiled (as Django's own test
    signal does when LOCALE_PATHS change) and the active language is loaded again.
    """
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
    if compiled:
        language = translation.get_language()
        trans_real._translations = {}
        trans_real._default = None
        trans_real.translation_catalog_exists.cache_clear()
        if language:
            translation.activate(language)
    return compiled


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (locale/) to .mo files."

    def handle(self, *args, **options):
        compiled = compile_catalogues()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Compiled {compiled} catalogue(s).")
