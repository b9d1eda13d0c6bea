"""Contacts shared by an organisation and each of its offices: dial, write, find on a map, know when.

Kept as one abstract model so an office's contacts are as complete as the organisation's own, and
templates, validation and structured data treat both alike.
"""

from urllib.parse import quote_plus

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail_localize.fields import SynchronizedField

from hub.core.languages import SpokenLanguagesField, language_names
from hub.core.validators import POSTAL_CODE_RE, validate_phone, validate_postal_code

# A plain link to OpenStreetMap's search: the reader's browser asks OSM only when they click, and
# no map (or its trackers) is embedded in our pages.
MAP_SEARCH_URL = "https://www.openstreetmap.org/search?query={query}"


class ContactDetails(models.Model):
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[validate_phone],
        help_text=_("For example: +420 974 820 000"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    street_address = models.CharField(
        _("street and number"), max_length=200, blank=True, help_text=_("For example: Ke Skalce 5907/47")
    )
    postal_code = models.CharField(
        _("postal code"), max_length=6, blank=True, validators=[validate_postal_code]
    )
    town = models.CharField(_("town"), max_length=100, blank=True)
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("One line per day or period, e.g. Po, St 8–12, 13–17")
    )
    languages = SpokenLanguagesField(_("languages spoken"))

    # The same numbers, addresses and languages in every translation; opening hours are words.
    synchronised_fields = [
        SynchronizedField(name)
        for name in ("phone", "email", "street_address", "postal_code", "town", "languages")
    ]

    class Meta:
        abstract = True

    def clean_contacts(self):
        """Errors an editor can act on; a postal code written "58601" is stored as "586 01"."""
        if (self.street_address or self.postal_code) and not self.town:
            raise ValidationError(
                {"town": _("Enter the town as well, so that readers can find the address on a map.")}
            )
        compact = self.postal_code.replace(" ", "")
        if POSTAL_CODE_RE.match(self.postal_code.strip()):
            self.postal_code = f"{compact[:3]} {compact[3:]}"

    @property
    def address(self):
        """The address on one line: "Ke Skalce 5907/47, 586 01 Jihlava"."""
        locality = " ".join(part for part in (self.postal_code, self.town) if part)
        return ", ".join(part for part in (self.street_address, locality) if part)

    @property
    def map_url(self):
        """OpenStreetMap's search for a street address; none for a bare town (that helps no one)."""
        if not (self.street_address and self.town):
            return ""
        return MAP_SEARCH_URL.format(query=quote_plus(f"{self.address}, Česko"))

    @property
    def has_direct_contacts(self):
        return bool(self.phone or self.email)

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    @property
    def language_names(self):
        return language_names(self.languages)


def contact_panels():
    """The contact fields in the order an editor copies them from a letterhead."""
    return [
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("street_address"),
        FieldRowPanel([FieldPanel("postal_code"), FieldPanel("town")]),
        FieldPanel("opening_hours"),
        FieldPanel("languages"),
    ]
