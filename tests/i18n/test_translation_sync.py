"""wagtail-localize workflow: translate a Czech page, edit the source, see it out of date, sync."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from hub.core.models import HomePage
from hub.core.translation_status import out_of_date_source
from hub.organisations.models import Helpline
from tests.i18n.trees import build_home_tree

UKRAINIAN = {
    "Rozcestník": "Дороговказ",
    "rozcestnik": "dorohovkaz",
    "Znalostní rozcestník pro integraci cizinců.": "Портал знань для інтеграції іноземців.",
}


def translate_segments(source, locale, translations):
    """What a translator does in the translation editor: one StringTranslation per known segment."""
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        if text in translations:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translations[text], "translation_type": "manual"},
            )


def publish_source_change(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()
    return HomePage.objects.get(pk=page.pk)


class TranslationSyncTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        homes, _library = build_home_tree(translate_home_to=())
        cls.home = publish_source_change(
            homes["cs"], intro="<p>Znalostní rozcestník pro integraci cizinců.</p>"
        )
        cls.uk = Locale.objects.get(language_code="uk")
        cls.source, _created = TranslationSource.get_or_create_from_instance(cls.home)
        cls.translation = Translation.objects.create(source=cls.source, target_locale=cls.uk)
        translate_segments(cls.source, cls.uk, UKRAINIAN)
        with cls.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes on commit
            cls.translation.save_target(publish=True)

    def test_translated_page_is_published_in_ukrainian(self):
        translated = self.home.get_translation(self.uk)
        self.assertTrue(translated.live)
        self.assertEqual(translated.title, "Дороговказ")
        self.assertIn("Портал знань для інтеграції іноземців.", translated.intro)
        total, translated_count = self.translation.get_progress()
        self.assertEqual(translated_count, total)
        self.assertEqual(translated.url, "/uk/")
        self.assertIsNone(out_of_date_source(translated))

    def test_editing_the_source_marks_the_translation_out_of_date_until_synced(self):
        home = publish_source_change(
            self.home,
            intro="<p>Znalostní rozcestník pro integraci cizinců.</p><p>Nově i kontakty na linky pomoci.</p>",
        )
        translated = home.get_translation(self.uk)
        self.assertEqual(out_of_date_source(translated), self.source)
        self.assertEqual(out_of_date_source(home), self.source)

        self.source.update_from_db()  # what "Sync translated pages" does

        self.assertIsNone(out_of_date_source(translated))
        total, translated_count = self.translation.get_progress()
        self.assertEqual(translated_count, total - 1)
        untranslated = StringSegment.objects.filter(source=self.source).exclude(
            string__translations__locale=self.uk
        )
        self.assertEqual(
            [segment.string.data for segment in untranslated], ["Nově i kontakty na linky pomoci."]
        )

        with self.captureOnCommitCallbacks(execute=True):
            self.translation.save_target(publish=True)
        translated.refresh_from_db()
        self.assertIn("Портал знань для інтеграції іноземців.", translated.intro)
        self.assertIn(
            "Nově i kontakty na linky pomoci.", translated.intro
        )  # shown in Czech until translated


class TranslationAdminTests(TestCase):
    """The admin screens an editor uses: translate, translate a segment, see the warning, sync."""

    @classmethod
    def setUpTestData(cls):
        homes, _library = build_home_tree(translate_home_to=())
        cls.home = homes["cs"]
        cls.uk = Locale.objects.get(language_code="uk")
        cls.editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        # The admin speaks English to this editor, so assertions read like the source strings.
        UserProfile.get_for_user(cls.editor).__class__.objects.filter(user=cls.editor).update(
            preferred_language="en"
        )
        cls.helpline = Helpline.objects.create(
            name="Linka pomoci Ukrajincům", phone="+420 974 801 802"
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def submit_translation(self):
        url = reverse("wagtail_localize:submit_page_translation", args=[self.home.pk])
        self.assertContains(self.client.get(url), "Ukrainian")
        response = self.client.post(url, {"locales": [self.uk.pk]})
        self.assertEqual(response.status_code, 302)
        return Translation.objects.get(
            source__object_id=self.home.translation_key, target_locale=self.uk
        )

    def test_editor_translates_a_page_segment_by_segment(self):
        translation = self.submit_translation()
        translated_page = self.home.get_translation(self.uk)
        # A new translation is a draft: untranslated Czech text must not go live under /uk/.
        self.assertFalse(translated_page.live)
        editor_page = self.client.get(reverse("wagtailadmin_pages:edit", args=[translated_page.pk]))
        self.assertContains(
            editor_page, "Rozcestník"
        )  # the translation editor lists the source segments

        title_segment = StringSegment.objects.get(source=translation.source, context__path="title")
        response = self.client.put(
            reverse(
                "wagtail_localize:edit_string_translation", args=[translation.pk, title_segment.pk]
            ),
            encode_multipart(BOUNDARY, {"value": "Дороговказ"}),
            content_type=MULTIPART_CONTENT,
        )
        self.assertEqual(response.status_code, 201)
        with self.captureOnCommitCallbacks(execute=True):
            translation.save_target(user=self.editor, publish=True)
        translated_page = self.home.get_translation(self.uk)
        self.assertEqual((translated_page.title, translated_page.live), ("Дороговказ", True))

    def test_changed_source_warns_on_both_edit_screens_and_the_sync_view_updates(self):
        translation = self.submit_translation()
        publish_source_change(
            HomePage.objects.get(pk=self.home.pk), title="Rozcestník pro integraci"
        )
        sync_url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])

        source_edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.home.pk]))
        self.assertContains(source_edit, "has changed since its translations were last synced")
        self.assertContains(source_edit, sync_url)
        translated_page = self.home.get_translation(self.uk)
        translation_edit = self.client.get(
            reverse("wagtailadmin_pages:edit", args=[translated_page.pk])
        )
        self.assertContains(translation_edit, "has changed since this translation was last synced")

        self.assertContains(self.client.get(sync_url), "Update existing translations")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(sync_url, {"publish_translations": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.home.get_translation(self.uk).title, "Rozcestník pro integraci")
        source_edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.home.pk]))
        self.assertNotContains(source_edit, "has changed since its translations were last synced")

    def test_publishing_the_source_in_the_editor_warns_that_translations_lag_behind(self):
        translation = self.submit_translation()
        form = nested_form_data(
            {
                "title": "Rozcestník – nová verze",
                "slug": self.home.slug,
                "intro": rich_text("<p>Nový úvod.</p>"),
                "audience_routes": streamfield([]),
                "comments": inline_formset([]),
                "action-publish": "publish",
            }
        )
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.home.pk]), form, follow=True
        )
        self.assertEqual(HomePage.objects.get(pk=self.home.pk).title, "Rozcestník – nová verze")
        self.assertContains(response, "has changed since its translations were last synced")
        sync_url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
        self.assertContains(response, sync_url)

    def test_helpline_snippet_offers_translate_and_can_be_translated(self):
        listing = self.client.get(reverse("wagtailsnippets_organisations_helpline:list"))
        submit_url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["organisations", "helpline", self.helpline.pk],
        )
        self.assertContains(listing, submit_url)
        response = self.client.post(submit_url, {"locales": [self.uk.pk]})
        self.assertEqual(response.status_code, 302)
        translated = self.helpline.get_translation(self.uk)
        self.assertEqual(translated.phone, "+420 974 801 802")

    def test_taxonomy_snippets_offer_translate(self):
        from hub.taxonomy.models import Region

        region = Region.objects.create(name="Kraj Vysočina", slug="vysocina")
        listing = self.client.get(reverse("wagtailsnippets_taxonomy_region:list"))
        self.assertContains(
            listing,
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["taxonomy", "region", region.pk],
            ),
        )
