"""No dead ends for uk/en readers: listings fall back to Czech pages, labelled; untranslated pages explain
themselves; readers' translation requests reach the editors as counts."""

from django.test import TestCase
from wagtail.models import Locale

from hub.core.models import TranslationRequest
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.regions.regional_hub import translate_page
from tests.hub.sample_hub import build_sample_hub


class SectionListingsInEveryLanguage(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.translated = ManualPageFactory(parent=cls.hub.cpic, title="Slovníček pojmů")
        cls.czech_only = ManualPageFactory(parent=cls.hub.cpic, title="Adresář tlumočníků")
        translate_page(cls.hub.home, "uk", title="Дороговказ")
        cls.manuals_uk = translate_page(cls.hub.manuals, "uk", title="Методики", slug="metodyky")
        translate_page(cls.hub.organisations, "uk", title="Організації", slug="orhanizatsii")
        translate_page(cls.hub.cpic, "uk")
        translate_page(cls.translated, "uk", title="Словник термінів")

    def test_translations_come_first_then_czech_pages_labelled_with_a_request_link(self):
        html = self.client.get(self.manuals_uk.url).content.decode()
        assert html.index("Словник термінів") < html.index("Adresář tlumočníků")
        assert "Slovníček pojmů" not in html  # translated, so not listed twice
        assert '<h2 lang="cs"><a href="/cs/organizace/cpic-jihlava/adresar-tlumocniku/" hreflang="cs">' in html
        assert "чеською" in html
        assert f'href="/uk/preklad/{self.czech_only.pk}/"' in html

    def test_the_section_uses_its_languages_slug(self):
        assert self.manuals_uk.url == "/uk/metodyky/"

    def test_nothing_published_appears_only_where_no_language_has_anything(self):
        goals_uk = translate_page(self.hub.goals, "uk", title="Операційні цілі", slug="operatsiini-tsili")
        assert "Тут ще нічого не опубліковано" in self.client.get(goals_uk.url).content.decode()
        assert "Тут ще нічого не опубліковано" not in self.client.get(self.manuals_uk.url).content.decode()

    def test_czech_listing_has_no_language_labels(self):
        html = self.client.get(self.hub.manuals.url).content.decode()
        assert "language-label" not in html


class UntranslatedPage(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        translate_page(cls.hub.home, "uk", title="Дороговказ")
        cls.manual = ManualPageFactory(parent=cls.hub.cpic, title="Adresář tlumočníků", summary="Kdo tlumočí.")

    def test_the_switcher_leads_a_ukrainian_reader_to_the_not_available_page(self):
        html = self.client.get(self.manual.url).content.decode()
        assert f'href="/uk/preklad/{self.manual.pk}/" lang="uk"' in html

    def test_the_page_offers_the_czech_original_the_home_page_and_a_request(self):
        response = self.client.get(f"/uk/preklad/{self.manual.pk}/")
        self.assertContains(response, "<h1>Ця сторінка ще недоступна українською</h1>", html=True)
        self.assertContains(response, f'href="{self.manual.url}" hreflang="cs"')
        self.assertContains(response, 'href="/uk/"')
        self.assertContains(response, '<meta name="robots" content="noindex">')
        self.assertContains(response, "Попросити переклад")

    def test_a_request_is_counted_and_thanked_for(self):
        for _ in range(2):
            response = self.client.post(f"/uk/preklad/{self.manual.pk}/")
        self.assertRedirects(response, f"/uk/preklad/{self.manual.pk}/?pozadano=1#translation-request")
        request = TranslationRequest.objects.get(page=self.manual, locale__language_code="uk")
        assert request.count == 2
        self.assertContains(self.client.get(f"/uk/preklad/{self.manual.pk}/?pozadano=1"), 'role="status"')

    def test_a_page_that_is_translated_now_redirects_to_its_translation(self):
        translate_page(self.hub.organisations, "uk", slug="orhanizatsii")
        translate_page(self.hub.cpic, "uk")
        translation = translate_page(self.manual, "uk", title="Довідник перекладачів")
        self.assertRedirects(self.client.get(f"/uk/preklad/{self.manual.pk}/"), translation.url)

    def test_a_missing_or_draft_page_is_not_found(self):
        draft = ManualPageFactory(parent=self.hub.cpic, title="Koncept")
        draft.unpublish()
        assert self.client.get(f"/uk/preklad/{draft.pk}/").status_code == 404
        assert self.client.get("/uk/preklad/999999/").status_code == 404


class TranslationRequestsForEditors(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hub = build_sample_hub()
        cls.manual = ManualPageFactory(parent=cls.hub.cpic, title="Adresář tlumočníků")
        for language, times in (("uk", 3), ("en", 1)):
            for _ in range(times):
                TranslationRequest.record(cls.manual, Locale.objects.get(language_code=language))

    def setUp(self):
        from django.contrib.auth import get_user_model

        self.client.force_login(get_user_model().objects.create_superuser("redaktor", "r@example.org", "x"))

    def test_the_report_lists_pages_with_their_counts_most_wanted_first(self):
        html = self.client.get("/admin/reports/translation-requests/").content.decode()
        rows = [" ".join(row.split()) for row in html.split("<tr>")[2:]]
        assert "Adresář tlumočníků" in rows[0] and "ukrajinština" in rows[0] and "<td > 3 </td>" in rows[0]
        assert "angličtina" in rows[1] and "<td > 1 </td>" in rows[1]

    def test_the_dashboard_shows_the_total(self):
        self.assertContains(self.client.get("/admin/"), "4 žádosti o překlad")
