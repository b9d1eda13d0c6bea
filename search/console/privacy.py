"""A query as the log may keep it: normalised, and with what looks like personal data masked.

Readers paste all sorts into a search box: their e-mail address, a phone number, a birth number
(rodné číslo) from a form. None of it may reach the log, so it is replaced by a placeholder before the
row is written; the placeholder still tells an editor what kind of thing people searched for.
"""

import re
import unicodedata

from django.conf import settings

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# YYMMDD/XXXX: a month of 01–12, +50 for women, +20 or +70 for numbers issued since 2004; the slash may
# be left out of ten digits. Nine digits (born before 1954) only with the slash, else a phone number.
BIRTH_NUMBER_RE = re.compile(r"(?<!\d)\d{2}[0-35-8]\d[0-3]\d(?: ?/ ?\d{3,4}|\d{4})(?!\d)")
# Nine digits in groups of three or not, with an optional international prefix (+420, 00420, +380).
PHONE_RE = re.compile(r"(?<![\d+])(?:(?:\+|00)\d{1,3}[ \u00a0-]?)?\d{3}[ \u00a0-]?\d{3}[ \u00a0-]?\d{3}(?!\d)")
MASKS = ((EMAIL_RE, "[e-mail]"), (BIRTH_NUMBER_RE, "[rodné číslo]"), (PHONE_RE, "[telefon]"))


def mask(text):
    for pattern, placeholder in MASKS:
        text = pattern.sub(placeholder, text)
    return text


def normalised(text):
    """The query as logged: masked, lowercase, single spaces, at most SEARCH_MAX_QUERY_LENGTH long, so
    "  Kurzy  Češtiny" and "kurzy češtiny" count as one query."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    return mask(text).lower()[: settings.SEARCH_MAX_QUERY_LENGTH]
