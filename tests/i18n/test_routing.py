"""Every public URL carries its language: /cs/ (default), /uk/, /en/; anything else is not found."""

from django.test import TestCase

from tests.i18n.trees import TITLES, build_home_tree


class LocaleRoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.library = build_home_tree(translate_home_to=("uk", "en"))

    def test_root_redirects_to_czech_by_default(self):
        response = self.client.get("/")
        self.assertRedirects(response, "/cs/", fetch_redirect_response=False)

    def test_root_follows_the_browser_language(self):
        response = self.client.get("/", headers={"accept-language": "uk,en;q=0.8"})
        self.assertRedirects(response, "/uk/", fetch_redirect_response=False)

    def test_each_language_prefix_serves_its_own_tree(self):
        for code in ("cs", "uk", "en"):
            with self.subTest(code=code):
                response = self.client.get(f"/{code}/")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f'<html lang="{code}">')
                self.assertContains(response, f"<h1>{TITLES[code]}</h1>", html=True)

    def test_czech_only_page_is_not_served_under_another_language(self):
        self.assertEqual(self.library.url, "/cs/prirucky/")
        self.assertEqual(self.client.get("/uk/prirucky/").status_code, 404)

    def test_unknown_language_prefix_is_not_found(self):
        response = self.client.get("/de/", follow=True)
        self.assertEqual(response.status_code, 404)

    def test_search_url_lives_under_each_language_prefix(self):
        for code in ("cs", "uk", "en"):
            with self.subTest(code=code):
                response = self.client.get(f"/{code}/search/", {"q": "bydlení"})
                self.assertNotEqual(response.status_code, 404)
                self.assertContains(response, f'<html lang="{code}">')
