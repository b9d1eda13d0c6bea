"""The regional signpost in a real browser, as the CEO checks it: a Ukrainian-speaking social worker in
Vysočina on a phone and a new NGO in the Moravian-Silesian region on a desktop reach their CPIC's
contacts, their first steps and the nearest training in three clicks or fewer; the region is
remembered without cookies; the new pages pass axe-core without serious or critical violations."""

import pytest

from tests.browser.regional_site import build_regional_site
from tests.browser.test_smoke import serious_accessibility_violations
from tests.hub.regions.regional_hub import JIHLAVA_EMAIL

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
# The CEO's limit: from the home page to the right contacts, steps or training.
MAX_CLICKS = 3


class Walk:
    """Clicks a reader makes, counted."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0

    def click(self, locator):
        locator.click()
        self.page.wait_for_load_state()
        self.clicks += 1


def test_ukrainian_social_worker_in_vysocina_on_a_phone(live_server, page):
    build_regional_site()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/uk/")
    walk = Walk(page)

    walk.click(page.get_by_role("link", name="Край Височина", exact=True))

    assert page.url == f"{live_server.url}/uk/kraje/kraj-vysocina/"
    centre = page.locator("#centre")
    assert centre.get_by_role("link", name="+420 974 820 000").get_attribute("href") == "tel:+420974820000"
    assert centre.get_by_role("link", name=JIHLAVA_EMAIL).is_visible()
    contacts_after = walk.clicks

    walk.click(page.get_by_role("link", name="Громада або соціальний працівник"))
    assert page.url == f"{live_server.url}/uk/kraje/kraj-vysocina/obec/"
    steps = page.locator("ol.steps > li")
    assert steps.first.get_by_role("link", name="+420 974 820 000").is_visible()  # step 1: the centre
    training = page.locator(".step__regional").get_by_role("link", name="Setkání krajské platformy Vysočina")
    assert training.is_visible()  # step 2: the nearest platform meeting
    assert contacts_after <= MAX_CLICKS and walk.clicks <= MAX_CLICKS


def test_social_worker_can_start_from_the_home_pages_route_too(live_server, page):
    build_regional_site()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/uk/")
    walk = Walk(page)

    walk.click(page.get_by_role("link", name="Я соціальний працівник громади"))
    walk.click(page.locator("#region-chooser").get_by_role("link", name="Край Височина"))

    assert page.url == f"{live_server.url}/uk/kraje/kraj-vysocina/obec/"
    assert page.locator("ol.steps").get_by_role("link", name=JIHLAVA_EMAIL).is_visible()
    assert walk.clicks <= MAX_CLICKS


def test_new_ngo_in_the_moravian_silesian_region_on_a_desktop(live_server, page):
    build_regional_site()
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/cs/")
    walk = Walk(page)

    walk.click(page.get_by_role("link", name="Jsem nová nezisková organizace"))
    walk.click(page.locator("#region-chooser").get_by_role("link", name="Moravskoslezský kraj"))

    assert page.url == f"{live_server.url}/cs/kraje/moravskoslezsky-kraj/nno/"
    first_step = page.locator("ol.steps > li").first
    assert first_step.get_by_role("link", name="CPIC Ostrava").is_visible()
    assert first_step.get_by_role("link", name="integracnicentra.cz").first.is_visible()
    assert page.get_by_role("link", name="Online školení pro nové aktéry").is_visible()
    assert walk.clicks <= MAX_CLICKS


def test_a_town_typed_without_diacritics_finds_the_region_without_javascript(live_server, browser):
    build_regional_site()
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/cs/")
    page.get_by_label("Napište své město nebo kraj").fill("zdar nad sazavou")
    page.get_by_label("Napište své město nebo kraj").press("Enter")
    page.wait_for_url(f"{live_server.url}/cs/kraje/kraj-vysocina/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kraj Vysočina"
    context.close()


def test_the_region_is_remembered_in_the_browser_and_can_be_forgotten(live_server, page):
    build_regional_site()
    page.goto(f"{live_server.url}/cs/kraje/kraj-vysocina/")
    page.goto(f"{live_server.url}/cs/metodiky/")

    box = page.locator(".region-box")
    box.wait_for()
    assert "Ve vašem kraji: Kraj Vysočina" in box.inner_text()
    assert page.context.cookies() == []  # remembered in localStorage, not in a cookie

    box.get_by_role("button", name="Zapomenout můj kraj").click()
    assert page.locator(".region-box").count() == 0
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator(".region-box").count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/cs/kraje/",
        "/uk/kraje/kraj-vysocina/",
        "/uk/kraje/kraj-vysocina/obec/",
        "/cs/infolinky/",
        "/uk/",
    ],
)
def test_new_pages_have_no_serious_accessibility_violations(live_server, page, path):
    build_regional_site()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{path}")
    assert serious_accessibility_violations(page) == []


def test_the_not_available_page_has_no_serious_accessibility_violations(live_server, page):
    regional = build_regional_site()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/uk/preklad/{regional.ngo.pk}/")
    assert page.get_by_role("button", name="Попросити переклад").is_visible()
    assert serious_accessibility_violations(page) == []
