"""Page trees for the i18n tests: a Czech home page as the site root, with translated copies."""

from wagtail.models import Locale, Page, Site

from hub.core.models import HomePage
from hub.manuals.models import ManualIndexPage

TITLES = {"cs": "Rozcestník", "uk": "Дороговказ", "en": "Signpost"}


def publish_translation(page, language_code, title):
    """Copy `page` into a locale (Wagtail's copy_for_translation) and publish it under `title`."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translation.title = title
    translation.save_revision().publish()
    return translation.specific.__class__.objects.get(pk=translation.pk)


def build_home_tree(translate_home_to=("uk",)):
    """Root → Czech home (the default site's root) → its translations; a Czech-only manual library."""
    home = HomePage(title=TITLES["cs"], slug="rozcestnik", locale=Locale.get_default())
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.filter(is_default_site=True).update(root_page=home)
    homes = {"cs": home}
    for code in translate_home_to:
        homes[code] = publish_translation(home, code, TITLES[code])
    library = ManualIndexPage(title="Příručky", slug="prirucky")
    home.add_child(instance=library)
    library.save_revision().publish()
    return homes, library
