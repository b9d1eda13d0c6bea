"""The admin dashboard's counts of pages, images and documents: only what this user can work on.

Wagtail counts every image and document the user may choose in a chooser (an organisation's
editor may pick any of the hub's 28 images) and every page under the common ancestor of the
user's permissions (the whole tree, for an organisation with translations). The editor then reads
"28 Images" above a library that lists one. These items count what the linked listings show.
"""

from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.documents import get_document_model
from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
from wagtail.images import get_image_model
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

# What the image and document libraries list: what the user may edit or delete (their own
# uploads, or a collection's items with "change"), not what they may merely choose.
LIBRARY_ACTIONS = {"change", "delete"}
# The pages the explorer lets the user work on.
PAGE_ACTIONS = {"add", "change", "publish"}


def library_count(model, user):
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, LIBRARY_ACTIONS).count()


class EditablePagesSummaryItem(PagesSummaryItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        policy = PagePermissionPolicy()
        pages = policy.instances_user_has_any_permission_for(self.request.user, PAGE_ACTIONS)
        context["total_pages"] = pages.exclude(depth=1).count()  # the tree's root is no page
        context["root_page"] = default_language_root(policy, self.request.user) or context["root_page"]
        return context


def default_language_root(policy, user):
    """The one page (in the default language) an organisation's editors work under, if there is one.

    They may edit their organisation in every language, so Wagtail's common ancestor of those
    pages is the tree's root; the link should open their Czech organisation page instead.
    """
    if user.is_superuser:
        return None
    pages = policy.instances_with_direct_explore_permission(user)
    if len({page.translation_key for page in pages}) != 1:
        return None
    default_locale = Locale.get_default()
    return next((page for page in pages if page.locale_id == default_locale.pk), None)


class LibraryImagesSummaryItem(ImagesSummaryItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["total_images"] = library_count(get_image_model(), self.request.user)
        return context


class LibraryDocumentsSummaryItem(DocumentsSummaryItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["total_docs"] = library_count(get_document_model(), self.request.user)
        return context


REPLACEMENTS = {
    PagesSummaryItem: EditablePagesSummaryItem,
    ImagesSummaryItem: LibraryImagesSummaryItem,
    DocumentsSummaryItem: LibraryDocumentsSummaryItem,
}


def count_only_what_the_user_can_open(request, items):
    """construct_homepage_summary_items hook: swap Wagtail's items for the counting ones above."""
    items[:] = [REPLACEMENTS.get(type(item), lambda _request, item=item: item)(request) for item in items]
