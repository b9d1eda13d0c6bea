"""Regions, topics, target groups and organisations that an imported page's text names, proposed for
the editor to confirm (never applied silently).

Czech inflects names ("v Jihomoravském kraji", "kurzů češtiny"), so text and term names are compared
as sequences of lemmas (simplemma, in the page's language). A term is proposed when its name, or one
part of a name joined by "a"/"and" ("Financování a dotace"), occurs at least twice, or once in the
title or a heading. Generic words ("kraj", "hlavní město") do not identify a region on their own.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from hub.organisations.models import OrganisationPage
from hub.taxonomy.models import Region, TargetGroup, Topic

# Page relation → what it is called and the model of its values.
PROPOSED_FIELDS = {
    "regions": (_("Regions"), Region),
    "topics": (_("Topics"), Topic),
    "target_groups": (_("Target groups"), TargetGroup),
    "organisations": (_("Organisations involved"), OrganisationPage),
}
# A name mentioned once in passing is no evidence; twice, or once in the title or a heading, is.
MIN_MENTIONS = 2
# Lemmas that a term name shares with many others, so they never identify it alone.
GENERIC_LEMMAS = {
    "a", "and", "the", "of", "kraj", "hlavní", "město", "region", "край", "столиця", "та", "і",
}  # fmt: skip
NAME_PARTS_RE = re.compile(r",|\s+(?:a|and|та|і|й)\s+", re.IGNORECASE)
WORD_RE = re.compile(r"\w+")
# Enough text to judge what a page is about; a 1,000-page file is not read whole for this.
MAX_TEXT_CHARS = 300_000


@dataclass
class Proposal:
    field: str
    value: object  # a taxonomy term or an OrganisationPage
    mentions: int


class Lemmatizer:
    """Lemmas of one language, each distinct word looked up once."""

    def __init__(self, language_code):
        self.language = language_code
        self.cache = {}

    def __call__(self, text):
        return [self.lemma(word) for word in WORD_RE.findall(text.lower())]

    def lemma(self, word):
        if word not in self.cache:
            import simplemma

            try:
                self.cache[word] = simplemma.lemmatize(word, lang=self.language).lower()
            except ValueError:  # a language simplemma does not know: compare words as written
                self.cache[word] = word
        return self.cache[word]


def propose_for_page(page):
    """Proposals from what the page says: its title and headings (prominent), summary and body."""
    body = getattr(page, "body", None) or []
    headings = [block.value["text"] for block in body if block.block_type == "heading"]
    text = " ".join(
        [page.summary, *(body.stream_block.get_searchable_content(body) if body else [])]
    )
    return propose_terms(page, text, " ".join([page.title, *headings]))


def propose_terms(page, text, prominent_text=""):
    """Proposals for `page` from its `text`; `prominent_text` (title, headings) counts double.
    Values the page has already are not proposed again."""
    lemmatize = Lemmatizer(page.locale.language_code)
    body = lemmatize(text[:MAX_TEXT_CHARS])
    prominent = lemmatize(prominent_text)
    proposals = []
    for field, (_label, model) in PROPOSED_FIELDS.items():
        if not hasattr(page, field):
            continue
        present = {value.pk for value in getattr(page, field).all()}
        for value in candidates(model, page):
            if value.pk in present:
                continue
            mentions = count_mentions(value, body, prominent, lemmatize)
            if mentions >= MIN_MENTIONS:
                proposals.append(Proposal(field, value, mentions))
    return sorted(proposals, key=lambda proposal: -proposal.mentions)


def candidates(model, page):
    if model is OrganisationPage:
        return OrganisationPage.objects.filter(locale=page.locale).exclude(pk=page.pk)
    return model.objects.filter(locale=page.locale)


def count_mentions(value, body, prominent, lemmatize):
    name = value.title if isinstance(value, OrganisationPage) else value.name
    mentions = 0
    for part in NAME_PARTS_RE.split(name):
        phrase = lemmatize(part)
        if not [lemma for lemma in phrase if lemma not in GENERIC_LEMMAS]:
            continue
        distinctive = trim_generic(phrase)
        mentions += count_phrase(body, distinctive) + MIN_MENTIONS * count_phrase(
            prominent, distinctive
        )
    return mentions


def trim_generic(phrase):
    """ "Kraj Vysočina" → ["vysočina"], "Jihomoravský kraj" → ["jihomoravský"]: generic words at
    either end are optional in running text ("na Vysočině")."""
    start, end = 0, len(phrase)
    while start < end and phrase[start] in GENERIC_LEMMAS:
        start += 1
    while end > start and phrase[end - 1] in GENERIC_LEMMAS:
        end -= 1
    return phrase[start:end]


def count_phrase(lemmas, phrase):
    if not phrase:
        return 0
    first, length = phrase[0], len(phrase)
    return sum(
        1
        for index, lemma in enumerate(lemmas)
        if lemma == first and lemmas[index : index + length] == phrase
    )
