"""Section pages list every page of their type, filtered by region and topic, in a chosen order."""

import pytest

from hub.manuals.models import ManualIndexPage
from tests.hub.manuals.factories import ManualIndexPageFactory, ManualPageFactory
from tests.hub.organisations.factories import OrganisationIndexPageFactory, OrganisationPageFactory
from tests.hub.taxonomy.factories import RegionFactory, TopicFactory


@pytest.fixture
def manuals(home):
    """A manual library, and manuals living under organisations elsewhere in the same tree."""
    library = ManualIndexPageFactory(parent=home, title="Metodiky")
    directory = OrganisationIndexPageFactory(parent=home)
    vysocina = RegionFactory(name="Kraj Vysočina", slug="vysocina")
    praha = RegionFactory(name="Hlavní město Praha", slug="praha")
    housing = TopicFactory(name="Bydlení", slug="bydleni")
    cpic = OrganisationPageFactory(parent=directory, title="CPIC Jihlava")
    ManualPageFactory(parent=cpic, title="Adresář tlumočníků Vysočina", regions=[vysocina])
    ManualPageFactory(parent=library, title="Bydlení v Praze", regions=[praha], topics=[housing])
    ManualPageFactory(parent=library, title="Celostátní doporučení")
    return library


def titles(response):
    return [item.title for item in response.context["page_obj"].object_list]


def test_section_lists_pages_of_its_type_from_the_whole_tree_by_title(client, manuals):
    response = client.get(manuals.url)
    assert response.status_code == 200
    assert titles(response) == ["Adresář tlumočníků Vysočina", "Bydlení v Praze", "Celostátní doporučení"]


def test_region_filter_keeps_only_pages_of_that_region(client, manuals):
    response = client.get(manuals.url, {"region": "vysocina"})
    assert titles(response) == ["Adresář tlumočníků Vysočina"]
    assert b'<option value="vysocina" selected>' in response.content


def test_region_and_topic_filters_combine(client, manuals):
    assert titles(client.get(manuals.url, {"region": "praha", "topic": "bydleni"})) == ["Bydlení v Praze"]
    assert titles(client.get(manuals.url, {"region": "vysocina", "topic": "bydleni"})) == []


def empty_state(response):
    html = response.content.decode()
    return html[html.index('<div class="empty-state">'):]


def test_no_match_says_so_and_offers_to_clear_the_filters(client, manuals):
    response = client.get(manuals.url, {"region": "vysocina", "topic": "bydleni"})
    assert '<a href="?">' in empty_state(response)


def test_newest_ordering_and_unknown_ordering_falls_back_to_title(client, manuals):
    assert titles(client.get(manuals.url, {"order": "newest"}))[0] == "Celostátní doporučení"
    assert titles(client.get(manuals.url, {"order": "nonsense"}))[0] == "Adresář tlumočníků Vysočina"


def test_pagination_keeps_the_filters(client, manuals, monkeypatch):
    monkeypatch.setattr(ManualIndexPage, "per_page", 1)
    response = client.get(manuals.url, {"order": "newest"})
    assert response.context["page_obj"].paginator.num_pages == 3
    assert b"?order=newest&amp;page=2" in response.content


def test_empty_section_explains_what_will_appear_instead_of_offering_filters(client, home):
    directory = OrganisationIndexPageFactory(parent=home)
    response = client.get(directory.url)
    assert response.status_code == 200
    assert "<h2>" in empty_state(response)
    assert '<a href="?">' not in empty_state(response)


def test_title_order_and_filter_menus_follow_czech_collation(client, home):
    library = ManualIndexPageFactory(parent=home, title="Metodiky")
    for title in ("Domácí násilí", "Chata jako ubytovna", "Dočasná ochrana", "Hrad a zámek", "Čeština pro cizince"):
        ManualPageFactory(parent=library, title=title)
    for name, slug in (("Zlínský kraj", "zlinsky"), ("Ústecký kraj", "ustecky"), ("Středočeský kraj", "stredocesky")):
        RegionFactory(name=name, slug=slug)

    response = client.get(library.url)

    assert titles(response) == [
        "Čeština pro cizince",
        "Dočasná ochrana",
        "Domácí násilí",
        "Hrad a zámek",
        "Chata jako ubytovna",
    ]
    assert [region.name for region in response.context["listing"].regions] == [
        "Středočeský kraj",
        "Ústecký kraj",
        "Zlínský kraj",
    ]


def test_title_order_pages_through_the_collated_list(client, home, monkeypatch):
    library = ManualIndexPageFactory(parent=home, title="Metodiky")
    monkeypatch.setattr(ManualIndexPage, "per_page", 2)
    for title in ("Žádost o pobyt", "Čeština", "Azyl", "Bydlení", "Chůva"):
        ManualPageFactory(parent=library, title=title)

    pages = [titles(client.get(library.url, {"page": number})) for number in (1, 2, 3)]

    assert pages == [["Azyl", "Bydlení"], ["Čeština", "Chůva"], ["Žádost o pobyt"]]
