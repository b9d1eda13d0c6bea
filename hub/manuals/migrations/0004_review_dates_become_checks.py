"""A manual's review dates become the check dates every content type has (hub/core/freshness.py)."""

from django.db import migrations, models

from hub.core.freshness import backfill_check_by


class Migration(migrations.Migration):
    dependencies = [("manuals", "0003_block_classes_for_previews")]

    operations = [
        migrations.RenameField("manualpage", "last_reviewed", "last_checked"),
        migrations.RenameField("manualpage", "review_by", "check_by"),
        migrations.AlterField('manualpage', 'last_checked', models.DateField(blank=True, help_text='When someone last confirmed that the facts (contacts, dates, rules) still hold.', null=True, verbose_name='last checked')),
        migrations.AlterField('manualpage', 'check_by', models.DateField(blank=True, help_text="When the content should be checked again. Left empty, it is set from its type's interval.", null=True, verbose_name='check by')),
        migrations.RunPython(backfill_check_by("manuals", "ManualPage", "manual"), migrations.RunPython.noop),
    ]
