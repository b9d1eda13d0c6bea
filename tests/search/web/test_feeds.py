"""Atom feeds of searches: per section, region and language, linked from the lists, and refusing
filters they do not know."""

import xml.etree.ElementTree as ET

import pytest

from hub.manuals.models import ManualPage
from search.documents.pages import iter_indexed_pages
from search.engines.embedded import EmbeddedBackend
from tests.search.conftest import translated_tree_with_liberec

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def tree(settings, tmp_path, locales):
    settings.SEARCH_BACKEND = "embedded"
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "feeds.sqlite3"
    tree, liberec, _ukrainian_manuals = translated_tree_with_liberec(locales)
    manual = tree.manuals.add_child(instance=ManualPage(title="Tlumočení v Liberci", slug="tlumoceni", summary="Kde najít tlumočníka."))
    manual.regions = [liberec]
    manual.save_revision().publish()
    tree.manuals.add_child(instance=ManualPage(title="Bydlení v Praze", slug="bydleni", summary="Nájemní smlouvy."))
    ukrainian = manual.copy_for_translation(locales["uk"])
    ukrainian.title = "Переклад у Ліберці"
    ukrainian.save_revision().publish()
    EmbeddedBackend.from_settings().rebuild(iter_indexed_pages())
    return tree


def entries(response):
    feed = ET.fromstring(response.content)
    return feed, [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def test_a_regions_feed_lists_its_pages_with_dates_and_the_language(client, tree):
    response = client.get("/uk/search/feed/", {"region": "liberecky"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed, titles = entries(response)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "uk"
    assert titles == ["Переклад у Ліберці"]
    assert "Ліберецький край" in feed.findtext(f"{ATOM}title")
    _, czech = entries(client.get("/cs/search/feed/", {"region": "liberecky"}))
    assert czech == ["Tlumočení v Liberci"]
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}updated") and entry.findtext(f"{ATOM}id").startswith("http://testserver/")
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Rozcestník"


def test_a_section_feed_and_a_search_feed_follow_the_same_filters_as_the_lists(client, tree):
    _, every_manual = entries(client.get("/cs/search/feed/", {"type": "manual"}))
    assert set(every_manual) == {"Tlumočení v Liberci", "Bydlení v Praze"}
    _, found = entries(client.get("/cs/search/feed/", {"q": "nájemní smlouvy", "type": "manual"}))
    assert found == ["Bydlení v Praze"]


def test_lists_and_results_link_their_feed(client, tree):
    listing = client.get(tree.manuals.url, {"region": "liberecky"}).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in listing
    assert 'href="/cs/search/feed/?type=manual&amp;region=liberecky"' in listing
    results = client.get("/cs/search/", {"q": "tlumočení", "page": "1", "sid": "x"}).content.decode()
    assert 'href="/cs/search/feed/?q=tlumo%C4%8Den%C3%AD"' in results


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"colour": "red"}, 400, "Tento kanál nemá filtr „colour“"),
        ({"region": "atlantida"}, 404, "Ve filtru „region“ není nic zařazeno pod „atlantida“"),
        ({"type": "recipe"}, 404, "„recipe“"),
    ],
)
def test_a_feed_with_an_unknown_filter_says_which_in_the_readers_language(client, tree, params, status, message):
    response = client.get("/cs/search/feed/", params)
    assert response.status_code == status
    assert message in response.content.decode()
