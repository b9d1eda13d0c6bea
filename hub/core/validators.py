"""Validators with messages an editor can act on."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Czech numbers are 9 digits, short helplines 3–6 (116 000, 1212), foreign ones start with +.
PHONE_RE = re.compile(r"^(\+\d{1,3}[ ]?)?(\d[ ]?){3,14}\d$")


def validate_phone(value):
    if not PHONE_RE.match(value.strip()):
        raise ValidationError(
            _("Enter a phone number of digits and spaces, optionally starting with +420, e.g. +420 974 820 000."),
            code="invalid_phone",
        )


def validate_goal_year(value):
    if not 2000 <= value <= 2100:
        raise ValidationError(
            _("Enter a year between 2000 and 2100."), code="invalid_year"
        )


def validate_date_range(start, end, end_field="end_date"):
    """Raise on the end field when a period ends before it starts."""
    if start and end and end < start:
        raise ValidationError({end_field: _("The end must not be before the start.")})


# A Czech postal code (PSČ): five digits, usually written "586 01".
POSTAL_CODE_RE = re.compile(r"^\d{3} ?\d{2}$")


def validate_postal_code(value):
    if not POSTAL_CODE_RE.match(value.strip()):
        raise ValidationError(
            _("Enter the postal code as five digits, e.g. 586 01."), code="invalid_postal_code"
        )
