"""Rename the review workflow and its task to Czech on databases set up with the English names.

Editors read these names in the admin ("Odeslat ke kontrole…", the approval dialog), and a
deployment runs migrations, not setup_editorial: so the rename is a migration. The names are
written out here, not imported, so later renames do not change what this migration did.
"""

from django.db import migrations

RENAMES = {
    "wagtailcore.Workflow": ("Review and publish", "Kontrola a zveřejnění"),
    "wagtailcore.Task": ("Approval by reviewers", "Schválení recenzentem"),
}


def rename(apps, schema_editor, backwards=False):
    for model_label, (english, czech) in RENAMES.items():
        old, new = (czech, english) if backwards else (english, czech)
        model = apps.get_model(model_label)
        if not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_alter_helpline_show_in_footer_organisationplace"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
