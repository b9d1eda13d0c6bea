"""Structured contacts: street, postal code and town instead of one address text; languages as codes;
opening hours and a "contacts verified on" date; helplines by region and at most three in the footer.

Existing texts are carried over: an address "Ke Skalce 5907/47, 586 01 Jihlava" is split into its
parts (a trailing region name is dropped, a text without a postal code becomes the town), and
language names written in Czech, Ukrainian or English become codes.
"""

import re

import django.db.models.deletion
import hub.core.languages
import hub.core.validators
from django.db import migrations, models

POSTAL_ADDRESS = re.compile(r"^(?P<street>.*?),?\s*(?P<postal>\d{3} ?\d{2})\s+(?P<town>.+)$")
LANGUAGE_CODES = {
    "čeština": "cs", "česky": "cs", "czech": "cs", "чеська": "cs",
    "slovenština": "sk", "slovak": "sk",
    "ukrajinština": "uk", "ukrajinsky": "uk", "ukrainian": "uk", "українська": "uk",
    "ruština": "ru", "rusky": "ru", "russian": "ru", "російська": "ru",
    "angličtina": "en", "anglicky": "en", "english": "en", "англійська": "en",
    "němčina": "de", "german": "de",
    "francouzština": "fr", "french": "fr",
    "španělština": "es", "spanish": "es",
    "polština": "pl", "polish": "pl",
    "rumunština": "ro", "romanian": "ro",
    "bulharština": "bg", "bulgarian": "bg",
    "maďarština": "hu", "hungarian": "hu",
    "běloruština": "be", "belarusian": "be",
    "gruzínština": "ka", "georgian": "ka",
    "kazaština": "kk", "kazakh": "kk",
    "uzbečtina": "uz", "uzbek": "uz",
    "vietnamština": "vi", "vietnamese": "vi",
    "mongolština": "mn", "mongolian": "mn",
    "čínština": "zh", "chinese": "zh",
    "hindština": "hi", "hindi": "hi",
    "filipínština": "tl", "tagalog": "tl", "filipino": "tl",
    "arabština": "ar", "arabic": "ar",
    "perština": "fa", "persian": "fa", "farsi": "fa",
    "turečtina": "tr", "turkish": "tr",
}


def language_codes(text):
    codes = []
    for name in re.split(r"[,;/\n]| a | and ", text or ""):
        code = LANGUAGE_CODES.get(name.strip().lower())
        if code and code not in codes:
            codes.append(code)
    return codes


def split_address(text):
    """(street, postal code, town) from an address written as text."""
    parts = [part.strip() for part in re.split(r"[\n,]", text or "") if part.strip()]
    parts = [part for part in parts if "kraj" not in part.lower() or len(parts) == 1]
    line = ", ".join(parts)
    match = POSTAL_ADDRESS.match(line)
    if match:
        postal = match["postal"].replace(" ", "")
        return match["street"].strip(" ,")[:200], f"{postal[:3]} {postal[3:]}", match["town"][:100]
    if len(parts) <= 1:
        return "", "", line[:100]
    return ", ".join(parts[:-1])[:200], "", parts[-1][:100]


def carry_over(apps, schema_editor):
    for model_name in ("OrganisationPage", "OrganisationPlace"):
        model = apps.get_model("organisations", model_name)
        for item in model.objects.all():
            item.street_address, item.postal_code, item.town = split_address(item.address)
            if model_name == "OrganisationPage":
                item.languages = language_codes(item.languages_spoken)
            else:
                item.opening_hours = item.hours
            item.save()
    helpline_model = apps.get_model("organisations", "Helpline")
    for helpline in helpline_model.objects.all():
        helpline.languages = language_codes(helpline.languages_text)
        helpline.save()


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_czech_workflow_names"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        # New fields beside the old ones, so the texts can be carried over.
        migrations.RenameField("helpline", "languages", "languages_text"),
        migrations.AddField(
            model_name="helpline",
            name="languages",
            field=hub.core.languages.SpokenLanguagesField(
                blank=True, default=list, help_text="Languages callers can use on the line.", verbose_name="languages"
            ),
        ),
        migrations.AddField(
            model_name="organisationpage",
            name="street_address",
            field=models.CharField(blank=True, help_text="For example: Ke Skalce 5907/47", max_length=200, verbose_name="street and number"),
        ),
        migrations.AddField(
            model_name="organisationpage",
            name="postal_code",
            field=models.CharField(blank=True, max_length=6, validators=[hub.core.validators.validate_postal_code], verbose_name="postal code"),
        ),
        migrations.AddField(
            model_name="organisationpage",
            name="town",
            field=models.CharField(blank=True, max_length=100, verbose_name="town"),
        ),
        migrations.AddField(
            model_name="organisationpage",
            name="opening_hours",
            field=models.TextField(blank=True, help_text="One line per day or period, e.g. Po, St 8–12, 13–17", verbose_name="opening hours"),
        ),
        migrations.AddField(
            model_name="organisationpage",
            name="languages",
            field=hub.core.languages.SpokenLanguagesField(blank=True, default=list, verbose_name="languages spoken"),
        ),
        migrations.AddField(
            model_name="organisationpage",
            name="contacts_verified_on",
            field=models.DateField(blank=True, help_text="When someone last checked that the phone, e-mail and address still work.", null=True, verbose_name="contacts verified on"),
        ),
        migrations.AddField(
            model_name="organisationplace",
            name="street_address",
            field=models.CharField(blank=True, help_text="For example: Ke Skalce 5907/47", max_length=200, verbose_name="street and number"),
        ),
        migrations.AddField(
            model_name="organisationplace",
            name="postal_code",
            field=models.CharField(blank=True, max_length=6, validators=[hub.core.validators.validate_postal_code], verbose_name="postal code"),
        ),
        migrations.AddField(
            model_name="organisationplace",
            name="town",
            field=models.CharField(default="", max_length=100, verbose_name="town"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="organisationplace",
            name="opening_hours",
            field=models.TextField(blank=True, help_text="One line per day or period, e.g. Po, St 8–12, 13–17", verbose_name="opening hours"),
        ),
        migrations.AddField(
            model_name="organisationplace",
            name="languages",
            field=hub.core.languages.SpokenLanguagesField(blank=True, default=list, verbose_name="languages spoken"),
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.RemoveField("helpline", "languages_text"),
        migrations.RemoveField("organisationpage", "address"),
        migrations.RemoveField("organisationpage", "languages_spoken"),
        migrations.RemoveField("organisationplace", "address"),
        migrations.RemoveField("organisationplace", "hours"),
        # Helplines by region, and the footer's order.
        migrations.AddField(
            model_name="helpline",
            name="regions",
            field=models.ManyToManyField(blank=True, help_text="Leave empty for a line that serves the whole country.", to="taxonomy.region", verbose_name="regions"),
        ),
        migrations.AddField(
            model_name="helpline",
            name="footer_order",
            field=models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.", verbose_name="order in the footer"),
        ),
        migrations.AlterField(
            model_name="helpline",
            name="show_in_footer",
            field=models.BooleanField(default=False, help_text="The most important lines appear at the foot of every page (three at most).", verbose_name="show in footer"),
        ),
        migrations.AlterField(
            model_name="organisationpage",
            name="phone",
            field=models.CharField(blank=True, help_text="For example: +420 974 820 000", max_length=40, validators=[hub.core.validators.validate_phone], verbose_name="phone"),
        ),
        migrations.AlterField(
            model_name="organisationplace",
            name="phone",
            field=models.CharField(blank=True, help_text="For example: +420 974 820 000", max_length=40, validators=[hub.core.validators.validate_phone], verbose_name="phone"),
        ),
        migrations.AlterField(
            model_name="organisationpage",
            name="website",
            field=models.URLField(blank=True, help_text="The organisation's official website.", verbose_name="web"),
        ),
    ]
