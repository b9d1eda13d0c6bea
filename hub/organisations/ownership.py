"""Which organisation owns a page: the organisation page it lives under, or is.

Content lives under the organisation that owns it (per-organisation permissions, editorial.py), in
every language; the owner is named by its default-language page, the one its editor group is named after.
"""

from django.utils import timezone
from wagtail.models import Locale, Page

from hub.organisations.models import OrganisationPage


class Owners:
    """The owner of any page, from one query for all organisations (there are dozens, not thousands)."""

    def __init__(self):
        self.organisations = list(OrganisationPage.objects.only("pk", "path", "title", "translation_key", "locale_id"))
        default_locale_id = Locale.get_default().pk
        self.by_path = {organisation.path: organisation for organisation in self.organisations}
        self.source_by_key = {
            organisation.translation_key: organisation
            for organisation in self.organisations
            if organisation.locale_id == default_locale_id
        }

    def of(self, page):
        """The default-language OrganisationPage `page` lives under (or is), or None."""
        for end in range(len(page.path), 0, -Page.steplen):
            organisation = self.by_path.get(page.path[:end])
            if organisation:
                return self.source_by_key.get(organisation.translation_key, organisation)
        return None

    def choices(self):
        """(pk, title) of the owners, for a filter."""
        return sorted(((o.pk, o.title) for o in self.source_by_key.values()), key=lambda choice: choice[1])

    def subtree_paths(self, organisation_id):
        """The tree paths of the organisation's pages in every language (its pages lie under them)."""
        keys = {o.translation_key for o in self.organisations if o.pk == organisation_id}
        return [o.path for o in self.organisations if o.translation_key in keys]


def describe_overdue(pages, today=None, owners=None):
    """Give each overdue page what reports and reminders show besides its own fields."""
    owners = owners or Owners()
    today = today or timezone.localdate()
    for page in pages:
        owner = owners.of(page)
        page.organisation_title = owner.title if owner else ""
        page.type_label = page.content_type.model_class()._meta.verbose_name
        page.days_overdue = (today - page.check_by).days
    return pages
