"""Translations Wagtail and wagtail-localize lack in our languages, shipped in locale/vendor/.

Wagtail's Czech catalogues translate about half of its admin ("Search all pages…", "Collapse
all", "Insert a block" and hundreds more stay English). Django loads the catalogues of
settings.LOCALE_PATHS before those of installed apps, for Python and templates (domain "django")
and for the admin's JavaScript catalogue (domain "djangojs", served at /admin/jsi18n/), so
entries in locale/vendor/<language>/LC_MESSAGES/ fill the gaps without touching the packages.

A "gap" is a message of a vendor package (its English catalogue lists every source string) that
no installed catalogue translates into the language. `update_supplement` keeps the supplement
equal to the gaps: new gaps arrive untranslated (shown by `make check-messages`), messages the
vendor has translated or dropped since are removed, our translations of the rest are kept.
Entries whose translator comment starts with "Correction" replace a misleading vendor translation
("Submit to %(workflow_name)s" is "Potvrdit …", "Confirm …", in Wagtail's Czech) and are kept.
"""

from dataclasses import dataclass
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings

# Languages whose editors use the admin: Czech. Ukrainian editors can be added here once the
# ~600 missing Ukrainian messages are translated.
SUPPLEMENTED_LANGUAGES = ("cs",)
VENDOR_PACKAGE_PREFIXES = ("wagtail",)  # wagtail.* and wagtail_localize.*
DOMAINS = ("django", "djangojs")
# Wagtail's admin JavaScript catalogue (wagtail/admin/views/i18n.py) and wagtail-localize's.
JAVASCRIPT_PACKAGES = ("wagtail.admin", "wagtail_localize")
SOURCE_LANGUAGE = "en"
CORRECTION_MARK = "Correction"


SUPPLEMENT_DIR_NAME = "vendor"  # settings.LOCALE_PATHS lists locale/vendor after locale/


def supplement_dir():
    """The supplement's folder among settings.LOCALE_PATHS, or None where it is not installed."""
    found = [Path(path) for path in settings.LOCALE_PATHS if Path(path).name == SUPPLEMENT_DIR_NAME]
    return found[0] if found else None


def supplement_path(language_code, domain):
    return supplement_dir() / language_code / "LC_MESSAGES" / f"{domain}.po"


def vendor_locale_dirs(domain):
    """Locale folders of the installed vendor apps that a catalogue of `domain` is loaded from."""
    configs = [
        config for config in apps.get_app_configs() if config.name.startswith(VENDOR_PACKAGE_PREFIXES)
    ]
    if domain == "djangojs":
        configs = [config for config in configs if config.name in JAVASCRIPT_PACKAGES]
    return [Path(config.path) / "locale" for config in configs]


def installed_locale_dirs():
    """Every catalogue folder Django merges for the "django" domain, except our own."""
    return [Path(config.path) / "locale" for config in apps.get_app_configs()] + [
        Path(django.__file__).parent / "conf" / "locale"
    ]


def entry_key(entry):
    return (entry.msgctxt, entry.msgid)


def read_catalogues(locale_dirs, language_code, domain):
    catalogues = []
    for locale_dir in locale_dirs:
        path = locale_dir / language_code / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            catalogues.append(polib.pofile(str(path)))
    return catalogues


def translated_keys(locale_dirs, language_code, domain):
    return {
        entry_key(entry)
        for catalogue in read_catalogues(locale_dirs, language_code, domain)
        for entry in catalogue
        if entry.translated() and not entry.obsolete
    }


def vendor_gaps(language_code, domain):
    """Source entries of the vendor packages that no installed catalogue translates, in a stable order."""
    sources = read_catalogues(vendor_locale_dirs(domain), SOURCE_LANGUAGE, domain)
    checked_dirs = vendor_locale_dirs(domain) if domain == "djangojs" else installed_locale_dirs()
    translated = translated_keys(checked_dirs, language_code, domain)
    gaps = {}
    for catalogue in sources:
        for entry in catalogue:
            key = entry_key(entry)
            if not entry.obsolete and entry.msgid and key not in translated and key not in gaps:
                gaps[key] = entry
    return list(gaps.values())


@dataclass
class SupplementChange:
    language: str
    domain: str
    added: int
    removed: int
    untranslated: int

    def __str__(self):
        return (
            f"{self.language}/{self.domain}: {self.added} new, {self.removed} no longer needed, "
            f"{self.untranslated} to translate"
        )


def update_supplement(language_code, domain):
    """Make the supplement catalogue hold exactly the current gaps, keeping existing translations."""
    path = supplement_path(language_code, domain)
    old = {entry_key(entry): entry for entry in polib.pofile(str(path))} if path.exists() else {}
    catalogue = polib.POFile(wrapwidth=100)
    catalogue.metadata = {
        "Project-Id-Version": "Rozcestník: translations missing from vendor packages",
        "Language": language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(language_code),
    }
    forms = int(catalogue.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    gaps = vendor_gaps(language_code, domain)
    corrections = [entry for entry in old.values() if is_correction(entry)]
    for entry in corrections:
        catalogue.append(entry)
    for source in gaps:
        known = old.get(entry_key(source))
        if known is not None and is_correction(known):
            continue
        entry = polib.POEntry(
            msgctxt=source.msgctxt,
            msgid=source.msgid,
            msgid_plural=source.msgid_plural,
            occurrences=source.occurrences[:1],
            flags=[flag for flag in source.flags if flag != "fuzzy"],
        )
        if source.msgid_plural:
            entry.msgstr_plural = known.msgstr_plural if known else dict.fromkeys(range(forms), "")
        else:
            entry.msgstr = known.msgstr if known else ""
        catalogue.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    gap_keys = {entry_key(entry) for entry in gaps}
    kept_keys = gap_keys | {entry_key(entry) for entry in corrections}
    return SupplementChange(
        language=language_code,
        domain=domain,
        added=len(gap_keys - old.keys()),
        removed=len(old.keys() - kept_keys),
        untranslated=sum(1 for entry in catalogue if not entry.translated()),
    )


def is_correction(entry):
    return entry.comment.startswith(CORRECTION_MARK)


def plural_forms(language_code):
    """The plural rule of our own catalogue for the language (Czech: one, few, many)."""
    ours = Path(settings.LOCALE_PATHS[0]) / language_code / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(ours)).metadata["Plural-Forms"]


def supplement_problems():
    """Untranslated or missing supplement entries, as (language, domain, msgid) for check_catalogues."""
    problems = []
    if supplement_dir() is None:
        return problems
    for language_code in SUPPLEMENTED_LANGUAGES:
        for domain in DOMAINS:
            path = supplement_path(language_code, domain)
            done = (
                {entry_key(entry) for entry in polib.pofile(str(path)) if entry.translated()}
                if path.exists()
                else set()
            )
            problems += [
                (language_code, domain, entry.msgid)
                for entry in vendor_gaps(language_code, domain)
                if entry_key(entry) not in done
            ]
    return problems
