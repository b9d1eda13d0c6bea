"""Contacts that work: validation an editor can act on, dialable and mappable contacts, schema.org data,
the helplines page and the footer."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from hub.organisations.models import Helpline, OrganisationPage, OrganisationPlace
from hub.taxonomy.models import ActorType
from tests.hub.organisations.factories import HelplineFactory, OrganisationPageFactory
from tests.hub.sample_hub import build_sample_hub
from tests.hub.taxonomy.factories import ActorTypeFactory, RegionFactory


def validation_messages(instance):
    """Czech messages per field that full_clean() gives for `instance`."""
    with translation.override("cs"), pytest.raises(ValidationError) as error:
        instance.full_clean()
    return {field: [str(message) for message in messages] for field, messages in error.value.message_dict.items()}


def json_ld(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


class ContactValidation(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()

    def test_a_postal_code_must_be_five_digits(self):
        self.hub.cpic.postal_code = "58"
        messages = validation_messages(self.hub.cpic)
        assert messages["postal_code"] == ["Zadejte PSČ jako pět číslic, např. 586 01."]

    def test_a_street_needs_its_town_for_the_map(self):
        self.hub.cpic.town = ""
        messages = validation_messages(self.hub.cpic)
        assert messages["town"] == ["Vyplňte i obec, aby čtenáři adresu našli na mapě."]

    def test_a_postal_code_written_without_space_is_stored_with_one(self):
        self.hub.cpic.postal_code = "58601"
        self.hub.cpic.full_clean()
        assert self.hub.cpic.postal_code == "586 01"

    def test_contacts_cannot_be_verified_in_the_future(self):
        self.hub.cpic.last_checked = timezone.localdate() + datetime.timedelta(days=3)
        messages = validation_messages(self.hub.cpic)
        assert messages["last_checked"] == ["Datum posledního ověření nemůže být v budoucnosti."]

    def test_a_bad_phone_and_email_are_explained(self):
        self.hub.cpic.phone = "zavolejte nám"
        self.hub.cpic.email = "cpic@"
        messages = validation_messages(self.hub.cpic)
        assert "+420 974 820 000" in messages["phone"][0]
        assert messages["email"]

    def test_an_office_needs_a_town(self):
        place = OrganisationPlace(page=self.hub.cpic, label="Kontaktní místo", street_address="Náměstí 1")
        assert "town" in validation_messages(place)

    def test_an_integration_centre_without_a_region_is_refused_in_the_admin(self):
        from django.contrib.auth import get_user_model

        self.client.force_login(get_user_model().objects.create_superuser("spravce", "s@example.org", "x"))
        cpic = ActorTypeFactory(name="Centrum na podporu integrace cizinců", slug="cpic")
        data = nested_form_data(
            {
                "title": "CPIC Nová pobočka",
                "slug": "cpic-nova-pobocka",
                "actor_type": cpic.pk,
                "services": rich_text(""),
                "places": inline_formset([]),
                "comments": inline_formset([]),
            }
        )
        url = reverse("wagtailadmin_pages:add", args=("organisations", "organisationpage", self.hub.organisations.pk))
        response = self.client.post(url, data)
        self.assertContains(response, "Vyberte kraj, kterému toto integrační centrum slouží.")
        assert not OrganisationPage.objects.filter(slug="cpic-nova-pobocka").exists()


class ContactsOnThePage(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        public_body = ActorTypeFactory(
            name="Obec", slug="obec", schema_org_type=ActorType.SchemaType.GOVERNMENT
        )
        region = RegionFactory(name="Kraj Vysočina", slug="kraj-vysocina")
        cls.office = OrganisationPageFactory(
            parent=cls.hub.organisations,
            title="Městský úřad Třebíč </script><b>",
            actor_type=public_body,
            phone="568 896 111",
            email="podatelna@example.org",
            street_address="Karlovo nám. 104/55",
            postal_code="674 01",
            town="Třebíč",
            opening_hours="Po, St 8–17\nÚt, Čt 8–14",
            languages=["cs", "uk"],
            last_checked=datetime.date(2026, 3, 5),
            operator=cls.hub.cpic,
            regions=[region],
        )
        cls.office.places = [OrganisationPlace(label="Pracoviště Jihlavská", town="Třebíč", phone="568 896 222")]
        cls.office.save_revision().publish()
        cls.website_only = OrganisationPageFactory(
            parent=cls.hub.organisations, title="CPIC Opava", phone="", email="", town="Opava"
        )

    def test_phone_email_and_map_are_links(self):
        html = self.client.get(self.office.url).content.decode()
        assert 'href="tel:+420568896111"' in html and ">+420 568 896 111<" in html
        assert 'href="mailto:podatelna@example.org"' in html
        assert 'href="https://www.openstreetmap.org/search?query=Karlovo+n%C3%A1m.+104%2F55%2C+674+01+T%C5%99eb%C3%AD%C4%8D%2C+%C4%8Cesko"' in html
        assert "<iframe" not in html
        assert "<li>Po, St 8–17</li>" in html
        assert "5. března 2026" in html  # contacts verified on
        assert "Pracoviště Jihlavská" in html and 'href="tel:+420568896222"' in html

    def test_languages_are_named_in_the_readers_language(self):
        assert "čeština, ukrajinština" in self.client.get(self.office.url).content.decode()

    def test_json_ld_describes_the_organisation_its_contacts_and_offices(self):
        data = json_ld(self.client.get(self.office.url).content.decode())
        assert data["@type"] == "GovernmentOrganization"
        assert data["telephone"] == "+420 568 896 111"
        assert data["address"] == {
            "@type": "PostalAddress",
            "addressLocality": "Třebíč",
            "addressCountry": "CZ",
            "streetAddress": "Karlovo nám. 104/55",
            "postalCode": "674 01",
        }
        assert data["knowsLanguage"] == ["cs", "uk"]
        assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Kraj Vysočina"}]
        assert data["parentOrganization"]["name"] == "CPIC Jihlava"
        assert data["department"][0]["telephone"] == "+420 568 896 222"
        assert data["name"] == "Městský úřad Třebíč </script><b>"  # escaped in the page, intact in the data

    def test_an_organisation_without_actor_type_is_an_organization(self):
        assert json_ld(self.client.get(self.website_only.url).content.decode())["@type"] == "Organization"

    def test_without_phone_or_email_the_page_points_to_the_official_website(self):
        html = self.client.get(self.website_only.url).content.decode()
        assert "Telefony a e-mailové adresy najdete na oficiálním webu." in html


class HelplinesPageAndFooter(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        long_url = "https://www.mvcr.cz/clanek/informace-pro-obcany-ukrajiny-a-dalsi-cizince-velmi-dlouha-adresa.aspx"
        HelplineFactory(name="Linka MV", languages=["cs", "uk"], show_in_footer=True, footer_order=2, url=long_url)
        HelplineFactory(name="HELP LINKA", languages=["uk"], show_in_footer=True, footer_order=1)
        HelplineFactory(name="Linka Charity", languages=["cs", "vi"], show_in_footer=True, footer_order=3)
        HelplineFactory(name="Portál pro rodiče", languages=["cs"], phone="", url="https://example.org")

    def test_every_helpline_is_listed_with_dialable_numbers(self):
        html = self.client.get("/cs/infolinky/").content.decode()
        for name in ("Linka MV", "HELP LINKA", "Linka Charity", "Portál pro rodiče"):
            assert name in html
        assert 'href="tel:+420974801802"' in html

    def test_the_list_filters_by_language(self):
        html = self.client.get("/cs/infolinky/", {"jazyk": "vi"}).content.decode()
        main = html[: html.index('<footer class="site-footer">')]
        assert "Linka Charity" in main and "HELP LINKA" not in main
        assert '<option value="vi" selected>vietnamština</option>' in html

    def test_an_unknown_language_shows_everything(self):
        html = self.client.get("/cs/infolinky/", {"jazyk": "xx"}).content.decode()
        main = html[: html.index('<footer class="site-footer">')]
        assert "HELP LINKA" in main and "Linka Charity" in main

    def test_the_footer_keeps_the_three_chosen_lines_in_order_and_links_to_all(self):
        html = self.client.get("/cs/").content.decode()
        footer = html[html.index('<footer class="site-footer">'):]
        assert footer.index("HELP LINKA") < footer.index("Linka MV") < footer.index("Linka Charity")
        assert "Portál pro rodiče" not in footer
        assert 'href="/cs/infolinky/"' in footer
        assert ">mvcr.cz</a>" in footer and "velmi-dlouha-adresa" not in footer.split('href="')[0]

    def test_the_home_page_does_not_repeat_the_footer(self):
        html = self.client.get("/cs/").content.decode()
        assert html.count("HELP LINKA") == 1

    def test_a_fourth_footer_line_is_refused_with_the_names_of_the_three(self):
        fourth = Helpline(name="Další linka", show_in_footer=True, locale=Helpline.objects.first().locale)
        messages = validation_messages(fourth)
        assert messages["show_in_footer"] == [
            "V patičce už jsou 3 linky (HELP LINKA, Linka MV, Linka Charity). "
            "Nejdřív některou z nich z patičky odeberte."
        ]
