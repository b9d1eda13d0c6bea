"""A reader searches, opens a result and lands on the section that answers, in a real browser."""

import json

import pytest

from hub.manuals.models import ManualIndexPage, ManualPage
from search.documents.pages import iter_indexed_pages
from search.engines.embedded import EmbeddedBackend
from tests.browser.public_site import build_public_site
from tests.browser.test_smoke import serious_accessibility_violations

pytestmark = pytest.mark.browser

INTRO = "Úvod do lokální integrace cizinců v obcích a krajích pro nové aktéry. " * 40


def chapter(heading, sentence):
    return [
        {"type": "heading", "value": {"text": heading, "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{sentence} {INTRO}</p>"},
    ]


@pytest.fixture
def long_manual(settings, tmp_path):
    settings.SEARCH_BACKEND = "embedded"
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    build_public_site()
    section = ManualIndexPage.objects.get()
    body = [{"type": "paragraph", "value": f"<p>{INTRO}</p>"}]
    body += chapter("Financování", "Dotace ministerstva pokryje tlumočení.")
    body += chapter("Bydlení", "Azylové domy přijímají matky s dětmi a celé rodiny.")
    body += chapter("Školy", "Azylové domy spolupracují se školami v okolí.")
    manual = section.add_child(
        instance=ManualPage(title="Manuál lokální integrace", slug="manual", body=json.dumps(body))
    )
    manual.save_revision().publish()
    EmbeddedBackend.from_settings().rebuild(iter_indexed_pages())
    return manual


def test_a_result_opens_its_page_at_the_section_that_answers(live_server, page, long_manual):
    page.goto(f"{live_server.url}/cs/search/?q=azylové+domy+rodiny")

    result = page.locator(".search-hit").first
    assert "Bydlení" in result.locator(".search-hit__path").inner_text()
    result.get_by_role("link", name="Manuál lokální integrace").click()

    page.wait_for_url("**/cs/prirucky/manual/#bydleni")
    heading = page.locator("#bydleni")
    assert heading.inner_text() == "Bydlení"
    # The section is at the top of the window, the page scrolled past its long introduction.
    assert -1 < heading.evaluate("element => element.getBoundingClientRect().top") < 150
    assert page.evaluate("window.scrollY") > 500


def test_other_matching_sections_open_from_the_result(live_server, page, long_manual):
    # With a word no page has: a partial match, its missing word struck through.
    page.goto(f"{live_server.url}/cs/search/?q=azylové+domy+rodiny+xylofon")
    assert page.locator(".search-hit__missing s").first.inner_text() == "xylofon"
    assert serious_accessibility_violations(page) == []

    more = page.locator(".search-hit__more").first
    more.locator("summary").click()
    more.get_by_role("link", name="Školy").click()

    page.wait_for_url("**/cs/prirucky/manual/#skoly")
    assert -1 < page.locator("#skoly").evaluate("element => element.getBoundingClientRect().top") < 150
