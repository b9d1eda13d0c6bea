"""The regional signpost as readers get it: region pages in cs/uk/en, the chooser, the box, journeys by region."""

from django.test import TestCase

from hub.core.phones import dial_target
from tests.hub.regions.regional_hub import JIHLAVA_EMAIL, JIHLAVA_PHONE, build_regional_hub


class RegionPages(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.regional = build_regional_hub()

    def get(self, path, **params):
        response = self.client.get(path, params)
        self.assertEqual(response.status_code, 200, path)
        return response.content.decode()

    def test_the_region_index_has_a_map_link_and_a_list_link_for_each_region(self):
        html = self.get("/cs/kraje/")
        assert html.count('href="/cs/kraje/kraj-vysocina/"') == 2  # the map's region and the list's item
        assert 'aria-label="Kraj Vysočina"' in html
        assert "<svg" in html and "<path d=" in html
        assert "CPIC Jihlava" in html  # the list names the region's centre

    def test_the_index_names_regions_in_the_readers_language(self):
        html = self.get("/uk/kraje/")
        assert 'href="/uk/kraje/kraj-vysocina/"' in html
        assert "Край Височина" in html

    def test_a_region_page_gives_its_centre_with_dialable_contacts_offices_and_hours(self):
        html = self.get("/cs/kraje/kraj-vysocina/")
        assert f'href="{dial_target(JIHLAVA_PHONE)}"' in html
        assert f'href="mailto:{JIHLAVA_EMAIL}"' in html
        assert "Kontaktní místo Třebíč" in html and 'href="tel:+420774123456"' in html
        assert "Po, St 8–12, 13–17" in html
        assert "čeština, ukrajinština, ruština" in html

    def test_a_region_page_gathers_organisations_events_goals_and_know_how(self):
        html = self.get("/cs/kraje/kraj-vysocina/")
        assert "Spolek Vysočina pomáhá" in html
        assert "Konsorcium nevládních organizací" in html  # nationwide, so on every region page
        assert "Setkání krajské platformy Vysočina" in html
        assert "Online školení pro nové aktéry" in html  # a nationwide training counts too
        assert "Loňské setkání platformy" not in html  # past events are gone
        assert "Zmapovat spolupracující organizace na Žďársku." in html
        assert "Adresář tlumočníků na Vysočině" in html and "<h3>Bydlení</h3>" in html
        assert 'href="/cs/kraje/kraj-vysocina/obec/"' in html  # the journeys for this region

    def test_empty_groups_are_left_out(self):
        html = self.get("/cs/kraje/moravskoslezsky-kraj/")
        assert "CPIC Ostrava" in html
        assert 'id="goals"' not in html and 'href="#goals"' not in html
        assert 'id="know-how"' not in html
        assert "Spolek Vysočina pomáhá" not in html

    def test_a_centre_without_phone_or_email_points_to_its_official_website(self):
        html = self.get("/cs/kraje/moravskoslezsky-kraj/")
        assert "Telefony a e-mailové adresy najdete na oficiálním webu." in html
        assert '<a href="https://www.integracnicentra.cz">integracnicentra.cz</a>' in html

    def test_helplines_are_the_nationwide_ones_and_the_regions_own(self):
        vysocina = self.get("/cs/kraje/kraj-vysocina/")
        ostrava = self.get("/cs/kraje/moravskoslezsky-kraj/")
        assert "Informační linka pro cizince" in vysocina and "Informační linka pro cizince" in ostrava
        assert "Linka pro Ostravsko" in ostrava and "Linka pro Ostravsko" not in vysocina

    def test_in_ukrainian_translations_come_first_and_czech_pages_are_labelled_with_a_request_link(self):
        html = self.get("/uk/kraje/kraj-vysocina/")
        assert "Центр підтримки інтеграції іноземців для краю Височина." in html  # the translated branch
        assert "Spolek Vysočina pomáhá" in html  # only in Czech, still listed…
        assert "чеською" in html  # …and labelled
        assert f'href="/uk/preklad/{self.regional.ngo.pk}/"' in html
        assert 'href="/uk/kraje/kraj-vysocina/obec/"' in html

    def test_english_region_page_works_for_a_region_without_english_name(self):
        html = self.get("/en/kraje/moravskoslezsky-kraj/")
        assert "<h1>Moravskoslezský kraj</h1>" in html
        assert "Integration centre (CPIC)" in html

    def test_an_unknown_region_is_not_found(self):
        assert self.client.get("/cs/kraje/atlantida/").status_code == 404


class RegionChooser(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.regional = build_regional_hub()

    def test_a_municipality_with_diacritics_leads_to_its_region(self):
        response = self.client.get("/cs/kraje/vyber/", {"misto": "Třebíč"})
        self.assertRedirects(response, "/cs/kraje/kraj-vysocina/")

    def test_a_municipality_without_diacritics_leads_back_to_the_page_with_the_region_chosen(self):
        response = self.client.get("/cs/kraje/vyber/", {"misto": "trebic", "next": "/cs/metodiky/?topic=bydleni"})
        self.assertRedirects(
            response, "/cs/metodiky/?topic=bydleni&kraj=kraj-vysocina", fetch_redirect_response=False
        )

    def test_a_chosen_region_with_a_journey_opens_the_journey_for_that_region(self):
        response = self.client.get("/uk/kraje/vyber/", {"kraj": "kraj-vysocina", "cesta": "obec"})
        self.assertRedirects(response, "/uk/kraje/kraj-vysocina/obec/")

    def test_a_foreign_next_address_is_ignored(self):
        response = self.client.get("/cs/kraje/vyber/", {"misto": "Ostrava", "next": "https://example.com/"})
        self.assertRedirects(response, "/cs/kraje/moravskoslezsky-kraj/")

    def test_an_unknown_place_says_so_and_offers_the_regions(self):
        response = self.client.get("/cs/kraje/vyber/", {"misto": "Horní Dolní"})
        self.assertContains(response, "Místo „Horní Dolní“ neznáme.")
        self.assertContains(response, "?kraj=kraj-vysocina")

    def test_an_ambiguous_place_offers_the_candidates(self):
        response = self.client.get("/cs/kraje/vyber/", {"misto": "Nové"})
        self.assertContains(response, "odpovídá více místům")
        self.assertContains(response, "Nové Město na Moravě")

    def test_a_page_with_a_chosen_region_shows_the_box_with_the_regional_centre(self):
        response = self.client.get("/cs/metodiky/", {"kraj": "kraj-vysocina"})
        self.assertContains(response, "Ve vašem kraji: Kraj Vysočina")
        self.assertContains(response, f'href="mailto:{JIHLAVA_EMAIL}"')
        self.assertContains(response, 'data-region="kraj-vysocina"')

    def test_without_a_choice_the_page_has_the_chooser_and_an_empty_slot_for_the_remembered_region(self):
        html = self.client.get("/cs/metodiky/").content.decode()
        assert 'id="region-chooser"' in html and '<datalist id="region-chooser-places">' in html
        assert "<option value=\"Třebíč\">" in html
        assert "data-region-box>" in html and "Ve vašem kraji" not in html

    def test_the_box_alone_is_served_for_the_remembered_region(self):
        response = self.client.get("/uk/kraje/v-kraji/kraj-vysocina/")
        self.assertContains(response, "У вашому краї: Край Височина")
        self.assertNotContains(response, "<html")

    def test_the_home_page_offers_every_region_as_a_link(self):
        html = self.client.get("/uk/").content.decode()
        assert 'href="/uk/kraje/kraj-vysocina/"' in html and "Край Височина" in html


class JourneysByRegion(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.regional = build_regional_hub()

    def test_a_journey_in_a_region_shows_its_centre_events_and_helplines_in_the_steps(self):
        html = self.client.get("/cs/kraje/kraj-vysocina/obec/").content.decode()
        assert "První kroky pro obce" in html
        assert f'href="mailto:{JIHLAVA_EMAIL}"' in html
        assert "Setkání krajské platformy Vysočina" in html
        assert "Informační linka pro cizince" in html
        assert "Adresář tlumočníků na Vysočině" in html

    def test_in_ukrainian_the_translated_journey_is_shown_with_the_region(self):
        html = self.client.get("/uk/kraje/kraj-vysocina/obec/").content.decode()
        assert "Перші кроки для громад" in html
        assert "Край Височина" in html
        assert f'href="{dial_target(JIHLAVA_PHONE)}"' in html

    def test_an_untranslated_journey_is_shown_in_czech_and_says_so(self):
        html = self.client.get("/uk/kraje/kraj-vysocina/skola/").content.decode()
        assert "První kroky pro školy" in html
        assert f'href="/uk/preklad/{self.regional.czech_only_journey.pk}/"' in html

    def test_the_language_switcher_keeps_the_region_and_the_journey(self):
        html = self.client.get("/cs/kraje/kraj-vysocina/obec/").content.decode()
        assert 'href="/uk/kraje/kraj-vysocina/obec/"' in html
        assert 'href="/en/kraje/kraj-vysocina/obec/"' in html

    def test_a_journey_without_region_offers_the_regions_as_links_to_the_journey_there(self):
        html = self.client.get(self.regional.journey_uk.url).content.decode()
        assert 'href="/uk/kraje/kraj-vysocina/obec/"' in html
        assert 'href="#region-chooser"' in html

    def test_an_unknown_journey_is_not_found(self):
        assert self.client.get("/cs/kraje/kraj-vysocina/astronaut/").status_code == 404
