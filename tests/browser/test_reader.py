"""A reader on a phone first: the header, search by keyboard, no sideways scrolling, suggestions, events,
where a page belongs, and an accessibility audit of the main page types, in headless Chromium.

Each test is one class of problem from issue 12, checked on every page it can occur on.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import serious_accessibility_violations
from tests.browser.reader_site import build_reader_site

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NARROWEST = {"width": 320, "height": 640}
DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture
def open_page(browser):
    """open_page(viewport, javascript=True) → a Czech-speaking browser tab of that size."""
    contexts = []

    def open_page(viewport, javascript=True):
        context = browser.new_context(locale="cs-CZ", viewport=viewport, java_script_enabled=javascript)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def focused(page):
    return page.evaluate("document.activeElement.outerHTML.slice(0, 200)")


def test_phone_header_hides_the_menu_behind_a_button_that_works_by_keyboard_without_javascript(
    live_server, open_page
):
    site = build_reader_site()
    page = open_page(PHONE, javascript=False)
    page.goto(live_server.url + site.manual.url)
    navigation = page.get_by_role("navigation", name="Hlavní navigace")
    menu_button = page.locator("summary", has_text="Menu")

    # Collapsed: the heading is on the first screen, the search box is there without opening anything.
    expect(navigation.get_by_role("link", name="Organizace")).to_be_hidden()
    assert page.get_by_role("heading", level=1).bounding_box()["y"] < PHONE["height"] / 2
    expect(page.get_by_role("search").get_by_role("searchbox")).to_be_visible()

    # Tab reaches the menu button right after the site's name; Enter opens it; Tab walks the menu.
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # the site's name
    page.keyboard.press("Tab")
    assert "Menu" in focused(page)
    page.keyboard.press("Enter")
    expect(navigation.get_by_role("link", name="Organizace")).to_be_visible()
    page.keyboard.press("Tab")
    assert focused(page).startswith(f'<a href="{site.manuals.url}"')  # the menu's first item
    box = navigation.get_by_role("link", name="Organizace").bounding_box()
    assert box["height"] >= 44 and box["width"] >= PHONE["width"] - 2  # big enough for a thumb

    # Wide screens show the menu without a button.
    wide = open_page(DESKTOP, javascript=False)
    wide.goto(live_server.url + site.manual.url)
    expect(wide.get_by_role("navigation", name="Hlavní navigace").get_by_role("link", name="Organizace")).to_be_visible()
    expect(wide.locator("summary", has_text="Menu")).to_be_hidden()
    assert menu_button.count() == 1


def test_on_a_phone_results_come_before_the_filters_and_tab_reaches_the_first_result_first(
    live_server, open_page
):
    build_reader_site()
    page = open_page(PHONE)
    page.goto(f"{live_server.url}/cs/search/?q=integrace&region=vysocina")
    first_result = page.locator(".search-hit a").first
    checkboxes = page.locator("input[type=checkbox]")
    assert checkboxes.count() > 10

    # The filters wait behind "Filtrovat (1)" (one region chosen); the first result is on the first screen.
    toggle = page.locator("summary", has_text=re.compile(r"^Filtrovat \(1\)$"))
    expect(toggle).to_be_visible()
    expect(checkboxes.first).to_be_hidden()
    assert first_result.bounding_box()["y"] + 20 < PHONE["height"]

    # From the search field, the keyboard reaches the first result before any filter checkbox.
    page.get_by_role("search").get_by_role("combobox").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        assert 'type="checkbox"' not in focused(page)
        if page.evaluate("document.activeElement.closest('.search-hit') !== null"):
            break
    else:
        pytest.fail("Ten presses of Tab did not reach the first result.")
    assert first_result.evaluate("link => link === document.activeElement")

    # Opening the disclosure shows the filters, the chosen one ticked.
    toggle.click()
    expect(page.get_by_role("checkbox", name=re.compile("Kraj Vysočina"))).to_be_checked()

    # Section listings too: the list first, their filters behind the same disclosure.
    page.goto(f"{live_server.url}/cs/organizace/?region=vysocina")
    expect(page.locator("summary", has_text=re.compile(r"^Filtrovat \(1\)$"))).to_be_visible()
    expect(page.get_by_label("Kraj", exact=True)).to_be_hidden()
    assert page.locator(".cards--listing a").first.bounding_box()["y"] + 20 < PHONE["height"]


def test_skip_link_jumps_over_the_filters_on_a_wide_screen(live_server, open_page):
    build_reader_site()
    page = open_page(DESKTOP)
    page.goto(f"{live_server.url}/cs/search/?q=integrace")
    expect(page.get_by_role("checkbox").first).to_be_visible()  # a column of filters beside the results

    page.get_by_role("button", name="Hledat").focus()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Přejít na výsledky")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.search-hit') !== null")


def test_the_empty_search_state_uses_the_full_width(live_server, open_page):
    build_reader_site()
    page = open_page(DESKTOP)
    page.goto(f"{live_server.url}/cs/search/?q=zzzxxyq")
    empty = page.locator(".empty-state")
    main = page.locator("main")
    expect(empty).to_be_visible()
    assert empty.bounding_box()["width"] >= main.bounding_box()["width"] - 2 * 16 - 2


def overflowing_elements(page):
    """Elements whose right edge passes the viewport, besides content of a box that clips or scrolls
    it (a wide table in its scrolling wrapper, text hidden for screen readers only)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(element => element.getClientRects().length
                && element.getBoundingClientRect().right > window.innerWidth + 0.5)
            .filter(element => {
                for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
                    if (getComputedStyle(box).overflowX !== 'visible') return false;
                }
                return true;
            })
            .slice(0, 5).map(element => element.outerHTML.slice(0, 120))"""
    )


def test_no_page_scrolls_sideways_on_a_320_pixel_screen(live_server, open_page):
    site = build_reader_site()
    page = open_page(NARROWEST)
    problems = {}
    for name, url in site.urls().items():
        page.goto(live_server.url + url)
        for state in ("closed menu", "open menu"):
            if state == "open menu":
                page.locator("summary", has_text="Menu").click()
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > NARROWEST["width"] or overflowing_elements(page):
                problems[f"{name}, {state}"] = (width, overflowing_elements(page))
    assert problems == {}
    # A long web address is shown as the site's name, not the raw URL.
    page.goto(live_server.url + site.organisation.url)
    expect(page.locator("aside").get_by_role("link", name="example.org", exact=True)).to_be_visible()


def test_search_suggestions_work_by_keyboard_and_tell_screen_readers(live_server, open_page):
    site = build_reader_site()
    page = open_page(PHONE)
    requests = []
    page.on("request", lambda request: "/api/search/autocomplete/" in request.url and requests.append(request.url))
    page.goto(live_server.url + site.home.url)
    field = page.get_by_role("search").get_by_role("combobox")
    assert field.get_attribute("aria-expanded") == "false"
    assert field.get_attribute("aria-autocomplete") == "list"

    field.press_sequentially("manuál integ", delay=30)  # typed quickly: one request after the pause
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    option = listbox.get_by_role("option", name="Manuál integrace cizinců v obci")
    expect(option).to_be_visible()
    assert len(requests) == 1 and "lang=cs" in requests[0]
    assert field.get_attribute("aria-expanded") == "true"
    assert field.get_attribute("aria-controls") == listbox.get_attribute("id")
    expect(page.locator("[role=status]", has_text="návrh")).to_have_count(1)  # "1 návrh. Vyberte …"
    expect(field).to_be_focused()

    # Arrow keys move through the options without leaving the field; Escape closes; Enter opens the page.
    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    field.press("Escape")
    expect(listbox).to_be_hidden()
    assert field.get_attribute("aria-expanded") == "false"
    assert field.get_attribute("aria-activedescendant") is None
    field.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    field.press("Enter")
    page.wait_for_url(live_server.url + site.manual.url)


def test_search_box_without_javascript_submits_the_search(live_server, open_page):
    build_reader_site()
    page = open_page(PHONE, javascript=False)
    page.goto(f"{live_server.url}/cs/")
    field = page.get_by_role("search").get_by_role("searchbox")
    assert field.get_attribute("role") is None  # a plain search field, no half-working combobox
    field.fill("manuál")
    field.press("Enter")
    page.wait_for_url("**/cs/search/?q=manu*")
    expect(page.locator(".search-hit").first).to_be_visible()


def test_events_upcoming_first_past_labelled_and_each_has_a_calendar_file(live_server, open_page):
    site = build_reader_site()
    page = open_page(PHONE)
    page.goto(live_server.url + site.events.url)
    cards = page.locator(".cards--listing article")
    expect(cards).to_have_count(2)
    assert site.upcoming_event.title in cards.nth(0).inner_text()
    assert "Proběhlo" not in cards.nth(0).inner_text()
    assert site.past_event.title in cards.nth(1).inner_text()
    assert "Proběhlo" in cards.nth(1).inner_text()

    page.goto(live_server.url + site.upcoming_event.url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"\.ics")).click()
    content = download_info.value.path().read_bytes()
    assert download_info.value.suggested_filename.endswith(".ics")
    assert content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"DTSTART;TZID=Europe/Prague:" in content and b"BEGIN:VTIMEZONE" in content


def test_a_manual_under_an_organisation_is_shown_in_its_section_with_its_organisation(live_server, open_page):
    site = build_reader_site()
    page = open_page(DESKTOP)
    page.goto(live_server.url + site.manual.url)

    navigation = page.get_by_role("navigation", name="Hlavní navigace")
    expect(navigation.locator("[aria-current]")).to_have_count(1)
    expect(navigation.get_by_role("link", name=site.manuals.title)).to_have_attribute("aria-current", "true")
    trail = page.get_by_role("navigation", name="Drobečková navigace").get_by_role("listitem")
    assert [item.inner_text().lstrip("› ") for item in trail.all()] == [
        site.home.title,
        site.manuals.title,
        site.organisation.title,
        site.manual.title,
    ]
    # The section page itself is the current item of the menu.
    page.goto(live_server.url + site.manuals.url)
    expect(navigation.get_by_role("link", name=site.manuals.title)).to_have_attribute("aria-current", "page")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_main_page_types_have_no_serious_accessibility_violations(live_server, open_page, viewport):
    site = build_reader_site()
    page = open_page(viewport)
    found = {}
    for name in ("home", "search", "manual", "organisation", "events"):
        page.goto(live_server.url + site.urls()[name])
        violations = serious_accessibility_violations(page)
        if violations:
            found[name] = violations
    assert found == {}
