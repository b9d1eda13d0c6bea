"""`load_demo_content`: every demo page renders with its text in cs/uk/en, and loading twice duplicates nothing.

The demo is loaded once for the module, inside a transaction rolled back at the end.
"""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from hub.core.models import HomePage
from hub.goals.models import OperationalGoal
from hub.manuals.models import ManualPage
from hub.organisations.models import Helpline, OrganisationPage
from hub.taxonomy.models import Region
from tests.utils import require_service

SEEDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"
REGION_SLUGS = [
    "hlavni-mesto-praha", "stredocesky-kraj", "jihocesky-kraj", "plzensky-kraj", "karlovarsky-kraj",
    "ustecky-kraj", "liberecky-kraj", "kralovehradecky-kraj", "pardubicky-kraj", "kraj-vysocina",
    "jihomoravsky-kraj", "olomoucky-kraj", "zlinsky-kraj", "moravskoslezsky-kraj",
]

# Every test is a database test, so pytest-django runs them before the transactional tests that flush the DB.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        output = StringIO()
        call_command("load_demo_content", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Helpline, Region, OperationalGoal, Group, get_image_model(), Translation)
    }


def test_second_load_creates_nothing(demo, db):
    before = counts()
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    assert counts() == before
    assert "created nothing" in output.getvalue()


def test_first_load_prints_one_line_per_stage_and_the_demo_logins(demo):
    lines = demo.splitlines()
    assert "  Organisations and logos: 76 created" in lines
    assert sum(line.startswith("  demo login (") for line in lines) == 3
    assert not any(line.startswith("  created ") for line in lines)  # per object only at -v 2
    assert len(lines) < 20


def test_a_second_load_says_what_it_kept(demo, db):
    output = StringIO()
    call_command("load_demo_content", verbosity=2, stdout=output)
    assert "  Organisations and logos: 76 kept" in output.getvalue().splitlines()


def test_default_site_serves_the_czech_home_page_instead_of_wagtails_welcome(demo, db):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "cs"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_every_live_demo_page_renders_with_its_title(demo, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 60
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.replace("'", "&#x27;") in response.content.decode(), page.url


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/cs/", ["Jsem obec nebo sociální pracovník obce", "Jsem nová nezisková organizace", "770 600 800",
                  "+420 974 801 802", 'href="/cs/kraje/kraj-vysocina/"']),
        ("/uk/", ["Я представляю громаду або соціальну службу громади", "HELP LINKA для біженців з України",
                  'href="/uk/ya/obec/"', 'href="/uk/kraje/kraj-vysocina/"']),
        ("/en/", ["I work for a new non-profit", "Information line for foreigners and citizens of Ukraine",
                  'href="/en/i-am/nno/"']),
        ("/cs/organizace/ministerstvo-vnitra/doporuceni-pro-nove-aktery/",
         ['href="#1-centra-na-podporu-integrace-cizincu"', "Zajistit podporu školení.", "MV, CPIC, NNO"]),
        ("/uk/orhanizatsii/ministerstvo-vnitra/doporuceni-pro-nove-aktery/",
         ["Навіщо об&#x27;єднуватися в мережі", "Забезпечити підтримку навчання."]),
        ("/en/organisations/praha-13/spolecna-adresa/", ["Common Address – the integration project of Prague 13"]),
        ("/cs/organizace/cpic-liberec/operacni-cile-2024/", ["alespoň 5 schůzek", "alespoň 2 schůzky"]),
        ("/cs/organizace/cpic-jihlava/", ['href="/cs/organizace/suz-mv/"', "Operační cíle CPIC Jihlava 2024"]),
        ("/cs/organizace/suz-mv/", ['href="/cs/organizace/cpic-zlin/"']),
        ("/cs/organizace/?region=kraj-vysocina", ["CPIC Jihlava"]),
    ],
)
def test_demo_pages_show_the_expected_content(demo, client, path, expected):
    html = client.get(path).content.decode()
    for text in expected:
        assert text in html, f"{text!r} missing on {path}"


def test_translations_are_wagtail_localize_translations_of_the_czech_source(demo, db):
    manual = ManualPage.objects.get(slug="doporuceni-pro-nove-aktery", locale__language_code="cs")
    targets = Translation.objects.filter(source__object_id=manual.translation_key)
    assert sorted(targets.values_list("target_locale__language_code", flat=True)) == ["en", "uk"]
    assert Helpline.objects.filter(locale__language_code="uk", show_in_footer=True).count() == 3


def test_organisation_logo_is_a_responsive_picture_with_webp_and_alt_text(demo, client):
    jihlava = OrganisationPage.objects.get(slug="cpic-jihlava", locale__language_code="cs")
    assert jihlava.logo.description
    html = client.get(jihlava.url).content.decode()
    assert 'type="image/webp"' in html
    assert f'alt="{jihlava.logo.description}"' in html


def test_demo_editor_accounts_belong_to_their_organisation_group(demo, db):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="editor.jihlava")
    assert set(editor.groups.values_list("name", flat=True)) == {"Editors: CPIC Jihlava", "CPIC editors"}


def test_admin_edit_form_opens_for_every_demo_page_type(demo, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin-test", "a@example.org", "x"))
    one_page_per_type = {}
    for page in Page.objects.filter(depth__gt=1, locale__language_code="cs").specific():
        one_page_per_type.setdefault(type(page), page)
    assert len(one_page_per_type) == 13  # home, six sections, six content types
    for page in one_page_per_type.values():
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, type(page).__name__


def integration_centres():
    return OrganisationPage.objects.live().filter(actor_type__slug="cpic", locale__language_code="cs")


def test_every_region_has_an_integration_centre(demo, db):
    covered = set(integration_centres().values_list("regions__slug", flat=True))
    assert covered == set(REGION_SLUGS)
    assert set(Region.objects.filter(locale__language_code="cs").values_list("code", flat=True)) == {
        f"CZ-{number}" for number in (10, 20, 31, 32, 41, 42, 51, 52, 53, 63, 64, 71, 72, 80)
    }


@pytest.mark.seeds
def test_every_cpic_branch_of_the_operational_goals_has_a_page_with_its_goals(demo, db):
    require_service(SEEDS_DIR.exists(), "the seed documents")
    [goals_document] = SEEDS_DIR.glob("002_*.txt")
    named = set(re.findall(r"^\s*(CPIC [^\n]+?)\s*$", goals_document.read_text(encoding="utf-8"), re.M))
    assert len(named) == 19
    pages = {page.title: page for page in integration_centres()}
    assert named <= set(pages)
    for title in named:
        assert pages[title].goal_pages.filter(year=2024).exists(), title


def test_no_contact_is_invented_for_a_real_integration_centre(demo, client):
    for centre in integration_centres():
        assert centre.phone == "" and centre.email == "" and centre.street_address == "", centre.title
        assert centre.website
    html = client.get("/cs/organizace/cpic-jihlava/").content.decode()
    assert "Telefony a e-mailové adresy najdete na oficiálním webu." in html


@pytest.mark.parametrize("language", ["cs", "uk", "en"])
def test_every_region_page_renders_with_its_centre_in_every_language(demo, client, language):
    for slug in REGION_SLUGS:
        response = client.get(f"/{language}/kraje/{slug}/")
        assert response.status_code == 200, slug
        assert 'id="centre"' in response.content.decode(), slug


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/uk/organizace/", "/uk/orhanizatsii/"),
        ("/en/operacni-cile/", "/en/operational-goals/"),
        ("/uk/organizace/ministerstvo-vnitra/doporuceni-pro-nove-aktery/",
         "/uk/orhanizatsii/ministerstvo-vnitra/doporuceni-pro-nove-aktery/"),
        ("/en/jsem/obec/", "/en/i-am/obec/"),
    ],
)
def test_old_czech_slug_addresses_of_translated_sections_redirect(demo, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"].endswith(new)


def test_translated_sections_list_czech_pages_too(demo, client):
    html = client.get("/uk/operatsiini-tsili/").content.decode()
    assert "Operační cíle CPIC Jihlava 2024" in html and "чеською" in html
