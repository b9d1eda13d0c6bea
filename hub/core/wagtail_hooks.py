"""Admin hooks of hub.core: translation warnings, the translation requests readers send, and "Still correct"."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail_localize import wagtail_hooks as localize_hooks

from hub.core import check_confirmation, translation_requests_admin
from hub.core.dashboard import count_only_what_the_user_can_open
from hub.core.review_feedback import HubPageViewSet
from hub.core.translation_buttons import translation_buttons
from hub.core.translation_status import out_of_date_source


def warn_when_translations_are_out_of_date(request, instance):
    source = out_of_date_source(instance)
    if source is None:
        return
    if source.locale_id == instance.locale_id:
        text = _("This content has changed since its translations were last synced.")
    else:
        text = _(
            "The original (%(language)s) has changed since this translation was last synced; "
            "new text will appear untranslated after a sync."
        ) % {"language": source.locale.get_display_name()}
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    messages.warning(request, text, buttons=[messages.button(sync_url, _("Sync translations"))])


def warn_on_opening_the_editor(request, instance):
    # On POST the editor saves and redirects; the warning belongs to what is shown next.
    if request.method == "GET":
        warn_when_translations_are_out_of_date(request, instance)


# Before wagtail-localize's hooks, which answer a translation's edit request with their own editor.
hooks.register("before_edit_page", warn_on_opening_the_editor, order=-1)
hooks.register("before_edit_snippet", warn_on_opening_the_editor, order=-1)
# Right after publishing the source, the editor learns that its translations now lag behind.
hooks.register("after_publish_page", warn_when_translations_are_out_of_date)
hooks.register("after_edit_snippet", warn_when_translations_are_out_of_date)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_viewset")
def page_views_announcing_review_outcomes():
    # Registered after Wagtail's base page viewset (order -1), so it takes its place for Page.
    return HubPageViewSet()


# After Wagtail's own hooks (order 0) have added the items to replace.
hooks.register("construct_homepage_summary_items", count_only_what_the_user_can_open, order=100)


def replace_hook(hook_name, old, new):
    """Swap a vendor's hook function for ours; the vendor module is imported first so it is registered."""
    registered = hooks._hooks.get(hook_name, [])
    hooks._hooks[hook_name] = [(new if fn is old else fn, order) for fn, order in registered]


# wagtail-localize's explorer buttons cost two or three queries per listed page
# (hub/core/translation_buttons.py); ours give the same buttons with three queries per listing.
for hook_name in ("register_page_listing_more_buttons", "register_page_header_buttons"):
    replace_hook(hook_name, localize_hooks.page_listing_more_buttons, translation_buttons)


def translations_report_menu_item():
    """wagtail-localize's "Translations" report item, with its label translated per request: theirs is
    translated once, in the language of whoever opens the admin first after a restart, for everyone."""
    return localize_hooks.TranslationsReportMenuItem(
        gettext_lazy("Translations"),
        reverse("wagtail_localize:translations_report"),
        icon_name="site",
        order=9000,
    )


replace_hook(
    "register_reports_menu_item",
    localize_hooks.register_wagtail_localize2_report_menu_item,
    translations_report_menu_item,
)


@hooks.register("register_admin_urls")
def translation_requests_urls():
    return translation_requests_admin.admin_urlpatterns


@hooks.register("register_reports_menu_item")
def translation_requests_menu_item():
    return MenuItem(
        gettext_lazy("Translation requests"),
        reverse("translation_requests"),
        name="translation-requests",
        icon_name="globe",
        order=900,
    )


@hooks.register("construct_homepage_summary_items")
def add_translation_requests_summary(request, summary_items):
    summary_items.append(translation_requests_admin.TranslationRequestsSummaryItem(request))


@hooks.register("register_admin_urls")
def check_confirmation_urls():
    return check_confirmation.admin_urlpatterns


hooks.register("register_log_actions", check_confirmation.register_log_action)
hooks.register("register_page_header_buttons", check_confirmation.still_correct_button)
