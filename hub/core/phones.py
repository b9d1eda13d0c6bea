"""Phone numbers in one dialable form, for pages, footers and structured data alike."""

import re

CZECH_PREFIX = "+420"
_NON_DIGITS = re.compile(r"[^\d+]")


def _group(digits, size=3):
    return " ".join(digits[i : i + size] for i in range(0, len(digits), size))


def format_phone(value):
    """Czech numbers in international form, "+420 974 820 000", so foreign SIM cards can dial them.

    Short service numbers (116 000, 1212, 158) cannot be dialled with a prefix and stay national;
    foreign numbers are shown as the editor wrote them.
    """
    if not value:
        return ""
    compact = _NON_DIGITS.sub("", str(value))
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    national = compact.removeprefix(CZECH_PREFIX)
    if compact.startswith("+") and national == compact:
        return str(value).strip()
    if len(national) == 9:
        return f"{CZECH_PREFIX} {_group(national)}"
    if len(national) == 6:
        return _group(national)
    return str(value).strip()


def dial_target(value):
    """A tel: link target without spaces, international for Czech numbers."""
    return "tel:" + format_phone(value).replace(" ", "")
