"""An organisation's editor imports a document in the Czech admin, in a real browser: the form offers
their own organisation, the import lands there as a draft, proposed tags are confirmed, and both
screens pass an axe-core audit."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from hub.manuals.models import ManualPage
from hub.organisations.editorial import CPIC_EDITORS, ensure_organisation_group, setup_editorial
from hub.taxonomy.models import Region
from tests.browser.admin_session import log_in
from tests.browser.test_smoke import serious_accessibility_violations
from tests.hub.ingest.conftest import build_page_tree

pytestmark = pytest.mark.browser

PASSWORD = "heslo-pro-test-123"
TEXT = """Práce s cizinci na Vysočině
CPIC Benešov, verze 2, březen 2025

Příručka shrnuje, jak obce na Vysočině spolupracují s CPIC. Volejte +420 974 801 802.

Kontakty na Vysočině

Poradna pro cizince, poradna@example.cz.
"""


@pytest.fixture
def czech_editor(transactional_db):
    tree = build_page_tree()
    Region.objects.create(name="Kraj Vysočina", slug="vysocina", locale=tree.home.locale)
    setup_editorial()
    user = get_user_model().objects.create_user("editor.benesov", "e@example.org", PASSWORD)
    user.groups.add(ensure_organisation_group(tree.benesov), Group.objects.get(name=CPIC_EDITORS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "cs"
    profile.save()
    return tree


def test_an_organisation_editor_imports_a_document_in_czech(live_server, page, czech_editor):
    tree = czech_editor
    log_in(page, live_server.url, "editor.benesov", PASSWORD)

    page.get_by_role("link", name="Importovat dokument").first.click()
    page.wait_for_url(f"{live_server.url}/admin/ingest/")
    assert page.get_by_role("heading", level=1).inner_text() == "Importovat dokument"
    parent = page.get_by_label("Vložit pod")
    assert parent.locator("option:checked").inner_text() == "CPIC Benešov (organizace)"
    assert serious_accessibility_violations(page) == []

    page.get_by_label("Soubor", exact=True).set_input_files(
        files=[{"name": "vysocina.txt", "mimeType": "text/plain", "buffer": TEXT.encode()}]
    )
    page.get_by_role("button", name="Vytvořit koncept stránky").click()

    page.wait_for_url("**/admin/ingest/*/tags/")
    assert page.get_by_role("heading", level=1).inner_text() == "Potvrďte navržené štítky"
    proposal = page.get_by_label(re.compile(r"Kraj Vysočina \(zmíněno \d+×\)"))
    assert proposal.is_checked()
    # Audit the settled page, not the success message halfway through its fade-in.
    page.evaluate(
        "() => Promise.all(document.getAnimations()"
        ".filter(animation => animation.effect.getComputedTiming().iterations !== Infinity)"
        ".map(animation => animation.finished))"
    )
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Přidat zaškrtnuté štítky a upravit stránku").click()

    page.wait_for_url("**/admin/pages/*/edit/")
    imported = ManualPage.objects.child_of(tree.benesov).get()
    draft = imported.get_latest_revision_as_object()
    assert not imported.live
    assert draft.title == "Práce s cizinci na Vysočině"
    assert [region.slug for region in draft.regions.all()] == ["vysocina"]
    assert 'href="tel:+420974801802"' in str(draft.body)
