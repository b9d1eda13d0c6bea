"""The language switcher: the same page in another language when translated, else the page that says it is not."""

from django.template import Context, Template
from django.test import RequestFactory, TestCase
from django.utils import translation

from tests.i18n.trees import build_home_tree


def switcher_links(page=None, path="/cs/", language="cs"):
    """The tag's links as a reader of `path` in `language` gets them."""
    request = RequestFactory().get(path)
    with translation.override(language):
        template = Template("{% load i18n_tags %}{% language_links as links %}")
        context = Context({"request": request, "page": page})
        template.render(context)
        return {link.code: link for link in context["links"]}


class SwitcherOnPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.library = build_home_tree(translate_home_to=("uk",))

    def test_links_to_the_same_page_in_languages_it_is_translated_into(self):
        links = switcher_links(self.homes["cs"])
        self.assertEqual(links["cs"].url, "/cs/")
        self.assertTrue(links["cs"].is_current)
        self.assertEqual(links["uk"].url, "/uk/")
        self.assertTrue(links["uk"].translated)
        self.assertEqual(links["uk"].name, "Українська")

    def test_untranslated_page_leads_to_the_not_available_page_in_that_language(self):
        links = switcher_links(self.library, path="/cs/prirucky/")
        self.assertFalse(links["uk"].translated)
        self.assertEqual(links["uk"].url, f"/uk/preklad/{self.library.pk}/")
        self.assertEqual(links["en"].url, f"/en/preklad/{self.library.pk}/")

    def test_rendered_switcher_is_an_accessible_navigation(self):
        response = self.client.get("/cs/")
        self.assertContains(response, '<nav class="language-switcher" aria-label="Výběr jazyka">')
        self.assertContains(response, 'href="/cs/" lang="cs" hreflang="cs" aria-current="true"')
        self.assertContains(
            response, '<a href="/uk/" lang="uk" hreflang="uk">Українська</a>', html=True
        )
        # No note in the header pushes the page down: the link itself leads to the explanation.
        self.assertNotContains(response, "language-switcher__note")

    def test_head_lists_alternate_urls_of_existing_translations_only(self):
        response = self.client.get("/uk/")
        self.assertContains(
            response, '<link rel="alternate" hreflang="cs" href="http://testserver/cs/">'
        )
        self.assertContains(
            response, '<link rel="alternate" hreflang="uk" href="http://testserver/uk/">'
        )
        self.assertNotContains(response, 'hreflang="en" href=')


class SwitcherOnOtherViewsTests(TestCase):
    """Views that are not Wagtail pages (the search page) switch the prefix and keep the query."""

    def test_prefix_switches_and_query_string_is_kept(self):
        links = switcher_links(path="/cs/search/?q=dom%C3%A1c%C3%AD+n%C3%A1sil%C3%AD&page=2")
        self.assertEqual(links["uk"].url, "/uk/search/?q=dom%C3%A1c%C3%AD+n%C3%A1sil%C3%AD&page=2")
        self.assertEqual(links["en"].url, "/en/search/?q=dom%C3%A1c%C3%AD+n%C3%A1sil%C3%AD&page=2")
        self.assertTrue(all(link.translated for link in links.values()))

    def test_paginator_page_in_context_is_not_taken_for_a_wagtail_page(self):
        links = switcher_links(
            page=object(), path="/uk/search/?q=%D0%B6%D0%B8%D1%82%D0%BB%D0%BE", language="uk"
        )
        self.assertTrue(links["uk"].is_current)
        self.assertEqual(links["cs"].url, "/cs/search/?q=%D0%B6%D0%B8%D1%82%D0%BB%D0%BE")
