"""Finding English interface text on an admin screen that should be Czech.

The known English is every message of Wagtail, wagtail-localize and our own code whose Czech
translation differs from it (so "Token" or "Minimum", the same in both, never count), plus
phrases editors reported that have parts filled in at run time ("… is referenced 0 times").
A screen fails when a text node, placeholder, label or title equals one of those messages, or
contains one of the reported phrases.
"""

import re

import polib
from django.utils import translation
from django.utils.translation import gettext

from hub.core.vendor_catalogues import DOMAINS, SOURCE_LANGUAGE, read_catalogues, vendor_locale_dirs

# Reported by editors (issue 12), and phrases with placeholders that no exact match can catch.
REPORTED_PHRASES = (
    "Review and publish",
    "Approval by reviewers",
    "Search all pages",
    "Collapse all",
    "Insert a block",
    "is referenced",
    "created in",
    "editor guide",
    "Exploring:",
    "Just now",
    "new items in this menu",
)
# Python's own words, as a list column prints a boolean or a missing value it was not told to format.
PYTHON_VALUES = {"True", "False", "None"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
# Texts of a letter or two, and the words Czech shares with English, are not evidence.
MIN_LENGTH = 4

# Visible text nodes and the attributes people read (placeholders, accessible names, tooltips).
COLLECT_TEXTS_JS = """() => {
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, template, [hidden], [aria-hidden=true]')) continue;
        const text = node.textContent.trim();
        if (text) texts.push(text);
    }
    for (const element of document.body.querySelectorAll('[placeholder], [aria-label], [title]')) {
        for (const name of ['placeholder', 'aria-label', 'title']) {
            const value = element.getAttribute(name);
            if (value && value.trim()) texts.push(value.trim());
        }
    }
    return texts;
}"""


def source_messages():
    """English source messages of the vendor packages and our own catalogue."""
    from django.conf import settings

    messages = set()
    for domain in DOMAINS:
        for catalogue in read_catalogues(vendor_locale_dirs(domain), SOURCE_LANGUAGE, domain):
            messages.update(entry.msgid for entry in catalogue if not entry.msgctxt)
    ours = polib.pofile(str(settings.LOCALE_PATHS[0] / "cs" / "LC_MESSAGES" / "django.po"))
    messages.update(entry.msgid for entry in ours if not entry.msgctxt)
    return messages


def known_english(language="cs"):
    """Messages that, shown as they are, mean the screen was not translated into `language`."""
    english = set()
    with translation.override(language):
        for message in source_messages():
            if len(message) < MIN_LENGTH or PLACEHOLDER.search(message) or "\n" in message:
                continue
            if gettext(message) != message:
                english.add(message)
    return english


def language_names():
    """Each language's name in that language ("English" in a language menu is right)."""
    from django.conf import settings

    return {translation.get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}


def english_on_screen(page, english):
    """English texts on the page as it is now: exact messages and reported phrases."""
    found = set()
    for text in page.evaluate(COLLECT_TEXTS_JS):
        if (text in english and text not in language_names()) or text in PYTHON_VALUES:
            found.add(text)
        found.update(phrase for phrase in REPORTED_PHRASES if phrase in text)
    return sorted(found)
