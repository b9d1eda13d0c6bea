"""An organisation's "contacts verified on" becomes the check dates every content type has
(hub/core/freshness.py); helplines get them too."""

from django.db import migrations, models

from hub.core.freshness import backfill_check_by


class Migration(migrations.Migration):
    dependencies = [("organisations", "0005_structured_contacts")]

    operations = [
        migrations.RenameField("organisationpage", "contacts_verified_on", "last_checked"),
        migrations.AlterField('organisationpage', 'last_checked', models.DateField(blank=True, help_text='When someone last confirmed that the facts (contacts, dates, rules) still hold.', null=True, verbose_name='last checked')),
        migrations.AddField('organisationpage', 'check_by', models.DateField(blank=True, help_text="When the content should be checked again. Left empty, it is set from its type's interval.", null=True, verbose_name='check by')),
        migrations.AddField('helpline', 'last_checked', models.DateField(blank=True, help_text='When someone last confirmed that the facts (contacts, dates, rules) still hold.', null=True, verbose_name='last checked')),
        migrations.AddField('helpline', 'check_by', models.DateField(blank=True, help_text="When the content should be checked again. Left empty, it is set from its type's interval.", null=True, verbose_name='check by')),
        migrations.RunPython(
            backfill_check_by("organisations", "OrganisationPage", "organisation"), migrations.RunPython.noop
        ),
        migrations.RunPython(backfill_check_by("organisations", "Helpline", "helpline"), migrations.RunPython.noop),
    ]
