import shutil
from pathlib import Path

from django.conf import settings
from django.test import override_settings
from django.utils import translation

from hub.core.management.commands.compile_catalogues import compile_catalogues


def test_a_catalogue_compiled_in_a_running_process_is_read_at_once(tmp_path):
    """The demo loader compiles catalogues itself; its page titles must come out translated at once."""
    source = Path(settings.LOCALE_PATHS[0]) / "cs" / "LC_MESSAGES" / "django.po"
    target = tmp_path / "cs" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(source, target / "django.po")
    with override_settings(LOCALE_PATHS=[tmp_path]), translation.override("cs"):
        assert translation.gettext("operational goals") == "operational goals"
        assert compile_catalogues() == 1
        assert translation.gettext("operational goals") == "operační cíle"
        assert compile_catalogues() == 0
