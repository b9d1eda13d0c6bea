"""Create the content locales (cs, uk, en) so translations can be made on a fresh database.

Wagtail's own migration creates only the default locale (cs); wagtail-localize offers
"Translate this page" only into locales that exist.
"""

from django.conf import settings
from django.db import migrations


def create_content_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        # Reversing leaves the locales: they may already hold translated pages.
        migrations.RunPython(create_content_locales, migrations.RunPython.noop),
    ]
