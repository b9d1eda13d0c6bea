"""A person opens the hub in a real browser: home page, admin login, and an accessibility audit."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.accessibility import serious_accessibility_violations
from tests.browser.public_site import HELPLINE_NAME, HOME_TITLE, SECTION_TITLE, build_public_site

pytestmark = pytest.mark.browser


def test_home_page_shows_title_navigation_search_and_footer(live_server, page):
    build_public_site()

    response = page.goto(f"{live_server.url}/cs/")

    assert response.status == 200
    assert page.title() == f"{HOME_TITLE} | Rozcestník"
    assert page.locator("html").get_attribute("lang") == "cs"
    assert page.get_by_role("heading", level=1).inner_text() == HOME_TITLE
    navigation = page.locator("nav.site-nav")
    assert navigation.get_by_role("link", name=SECTION_TITLE).is_visible()
    assert page.get_by_role("search").get_by_role("combobox").is_visible()  # a searchbox enhanced with suggestions
    assert HELPLINE_NAME in page.get_by_role("contentinfo").inner_text()


def test_section_link_in_navigation_opens_the_section(live_server, page):
    build_public_site()
    page.goto(f"{live_server.url}/cs/")

    page.locator("nav.site-nav").get_by_role("link", name=SECTION_TITLE).click()

    page.wait_for_url(f"{live_server.url}/cs/prirucky/")
    assert page.get_by_role("heading", level=1).inner_text() == SECTION_TITLE


def test_home_page_has_no_serious_accessibility_violations(live_server, page):
    build_public_site()
    page.goto(f"{live_server.url}/cs/")

    assert serious_accessibility_violations(page) == []


def test_search_results_page_is_reached_from_the_search_box_and_is_accessible(live_server, page):
    build_public_site()
    page.goto(f"{live_server.url}/cs/")

    searchbox = page.get_by_role("search").get_by_role("combobox")
    searchbox.fill("kurzy češtiny")
    searchbox.press("Enter")

    page.wait_for_url("**/cs/search/?q=kurzy*")
    assert page.get_by_role("search").get_by_role("combobox").input_value() == "kurzy češtiny"
    assert serious_accessibility_violations(page) == []


def test_superuser_logs_in_to_the_admin(live_server, page):
    build_public_site()
    get_user_model().objects.create_superuser(
        "spravce", "spravce@example.org", "heslo-pro-test-123"
    )

    response = page.goto(f"{live_server.url}/admin/login/")
    assert response.status == 200
    page.locator("input[name=username]").fill("spravce")
    page.locator("input[name=password]").fill("heslo-pro-test-123")
    page.locator("form button[type=submit]").click()

    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("input[name=password]").count() == 0
    assert any(cookie["name"] == "sessionid" for cookie in page.context.cookies())


def test_wrong_admin_password_keeps_the_login_form(live_server, page):
    build_public_site()
    get_user_model().objects.create_superuser(
        "spravce", "spravce@example.org", "heslo-pro-test-123"
    )

    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill("spravce")
    page.locator("input[name=password]").fill("spatne-heslo")
    page.locator("form button[type=submit]").click()

    page.wait_for_load_state()
    assert page.url.startswith(f"{live_server.url}/admin/login/")
    assert page.locator("input[name=password]").is_visible()
