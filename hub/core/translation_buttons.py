"""The explorer's "Translate this page" and "Sync translated pages" buttons, at three queries a listing.

wagtail-localize adds these buttons to every row of the page explorer and asks the database two
or three times per row (which languages still lack a translation; whether the page is a
translation source with enabled translations): 50 rows cost over 100 queries. This version asks
once for all children of the listed page's parent, when the first row renders, and keeps the
answers on the request's user object for the rest of the request (as Wagtail keeps the user's
explorable root there). The buttons, their URLs and rules are wagtail-localize's.
"""

from collections import defaultdict
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

CACHE_ATTRIBUTE = "_hub_translation_states"


class TranslationStates:
    """For a group of pages: the locales each translation set covers, and which pages are synced sources."""

    def __init__(self, pages):
        keys = {page.translation_key for page in pages}
        self.locale_ids = set(Locale.objects.values_list("pk", flat=True))
        self.covered = defaultdict(set)
        for key, locale_id in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).values_list(
            "translation_key", "locale_id"
        ):
            self.covered[key].add(locale_id)
        sources = TranslationSource.objects.filter(
            object__translation_key__in=keys, object__content_type=ContentType.objects.get_for_model(Page)
        ).values_list("pk", "object__translation_key", "locale_id")
        self.source_ids = {(key, locale_id): pk for pk, key, locale_id in sources}
        self.synced_source_ids = set(
            Translation.objects.filter(source_id__in=self.source_ids.values(), enabled=True).values_list(
                "source_id", flat=True
            )
        )

    def can_translate(self, page):
        return bool(self.locale_ids - self.covered[page.translation_key])

    def synced_source_id(self, page):
        source_id = self.source_ids.get((page.translation_key, page.locale_id))
        return source_id if source_id in self.synced_source_ids else None


def states_for(page, user):
    """The states of `page` and its siblings, computed once per parent for this request's user."""
    cache = getattr(user, CACHE_ATTRIBUTE, None)
    if cache is None:
        cache = {}
        setattr(user, CACHE_ATTRIBUTE, cache)
    parent_path = page.path[: -Page.steplen]
    if parent_path not in cache:
        siblings = Page.objects.filter(path__startswith=parent_path, depth=page.depth).only(
            "translation_key", "locale_id"
        )
        cache[parent_path] = TranslationStates(list(siblings))
    return cache[parent_path]


def translation_buttons(page, user, view_name=None, next_url=None):
    """register_page_listing_more_buttons / register_page_header_buttons hook, as wagtail-localize's."""
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    states = states_for(page, user)
    if states.can_translate(page):
        # An alias is translated through the page it mirrors.
        url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
        yield Button(_("Translate this page"), url, priority=60, icon_name="wagtail-localize-language")
    source_id = states.synced_source_id(page)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(_("Sync translated pages"), url, priority=60, icon_name="resubmit")
