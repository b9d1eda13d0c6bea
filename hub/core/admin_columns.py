"""Listing columns for the admin that read well in Czech.

Wagtail prints a model's boolean in a `list_display` as "True"/"False", untranslated; editors read
"Ano"/"Ne" (and can sort by it).
"""

from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    """A boolean field or property shown as "Yes"/"No" in the admin's language."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return "—"
        return _("Yes") if value else _("No")
