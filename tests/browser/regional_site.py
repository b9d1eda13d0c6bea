"""The regional test hub (tests/hub/regions/regional_hub.py) on a database the browser tests may have flushed.

The live server reads a transactional database that is emptied after each test, rows created by
migrations included, so the locales, the root page and the default site are made here first.
"""

from wagtail.models import Collection, Locale, Page, Site

from tests.hub.regions.regional_hub import build_regional_hub


def route(audience, text, page):
    return {"type": "route", "value": {"audience": audience, "text": text, "page": page.pk}}


def build_regional_site():
    for code in ("cs", "uk", "en"):
        Locale.objects.get_or_create(language_code=code)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="cs"))
    )
    if not Site.objects.exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)
    regional = build_regional_hub()
    home_uk = regional.hub.home.get_translation(Locale.objects.get(language_code="uk")).specific
    home_uk.audience_routes = [
        route("Я соціальний працівник громади", "Перші кроки та контакти у вашому краї.", regional.journey)
    ]
    home_uk.save_revision().publish()
    regional.hub.home.audience_routes = [
        route("Jsem nová nezisková organizace", "S kým se spojit a kde hledat podporu.", regional.ngo_journey)
    ]
    regional.hub.home.save_revision().publish()
    return regional
