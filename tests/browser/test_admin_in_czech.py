"""A Czech administrator walks the admin's main screens in Chromium and meets no English interface text."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model

from hub.organisations.editorial import setup_editorial
from tests.browser.admin_session import log_in
from tests.browser.english_ui import english_on_screen, known_english
from tests.browser.public_site import build_public_site
from tests.hub.core.factories import ImageFactory
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.organisations.factories import (
    HelplineFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
)
from tests.hub.practices.factories import GoodPracticeIndexPageFactory, GoodPracticePageFactory
from tests.hub.taxonomy.factories import RegionFactory

pytestmark = pytest.mark.browser

PASSWORD = "heslo-pro-test-123"


@pytest.fixture
def admin_hub(live_server):
    """A small hub: sections, a manual awaiting review, a good practice, media, a helpline, a term."""
    home = build_public_site()
    library = home.get_children().get().specific
    directory = OrganisationIndexPageFactory(parent=home)
    organisation = OrganisationPageFactory(parent=directory, title="CPIC Jihlava")
    practices = GoodPracticeIndexPageFactory(parent=home)
    RegionFactory(name="Kraj Vysočina", slug="vysocina", locale=home.locale)
    manual = ManualPageFactory(parent=library, title="Manuál lokální integrace")
    practice = GoodPracticePageFactory(parent=practices, title="Společná adresa")
    HelplineFactory(locale=home.locale)
    ImageFactory()
    get_document_model().objects.create(title="Metodika (PDF)", file="documents/metodika.pdf")
    setup_editorial()
    user = get_user_model().objects.create_superuser("spravce", "spravce@example.org", PASSWORD)
    manual.title = "Manuál lokální integrace (2. vydání)"
    manual.save_revision(user=user)
    manual.get_workflow().start(manual, user)
    return {"library": library, "manual": manual, "practice": practice, "organisation": organisation}


@pytest.fixture(scope="module")
def english():
    return known_english("cs")


def test_main_admin_screens_are_czech(live_server, page, admin_hub, english):
    base = live_server.url
    found = {}

    page.goto(f"{base}/admin/login/")
    found["login"] = english_on_screen(page, english)
    log_in(page, base, "spravce", PASSWORD)

    screens = {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{admin_hub['library'].pk}/",
        "good practice editor": f"/admin/pages/{admin_hub['practice'].pk}/edit/",
        "snippets": "/admin/snippets/",
        "helplines": "/admin/snippets/organisations/helpline/",
        "regions": "/admin/snippets/taxonomy/region/",
        "documents": "/admin/documents/",
        "images": "/admin/images/",
        "users": "/admin/users/",
        "groups": "/admin/groups/",
        "workflows": "/admin/workflows/list/",
        "sites": "/admin/sites/",
        "locales": "/admin/locales/",
    }
    for name, path in screens.items():
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        found[name] = english_on_screen(page, english)

    page.goto(f"{base}/admin/pages/{admin_hub['manual'].pk}/edit/")
    page.wait_for_load_state("networkidle")
    found["manual editor"] = english_on_screen(page, english)
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Odstavec").wait_for()
    found["block picker"] = english_on_screen(page, english)
    page.keyboard.press("Escape")

    page.locator("footer").get_by_role("button", name="Další akce").click()
    page.get_by_role("button", name="Schválit s komentářem a publikovat").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox").wait_for()
    found["approve dialog"] = english_on_screen(page, english)

    assert {screen: texts for screen, texts in found.items() if texts} == {}
