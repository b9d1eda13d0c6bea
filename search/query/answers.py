"""The answer box: a question's best passage quoted above the results, when it clearly answers.

Quote only, never generated text: 1–3 sentences of the passage the first result shows, chosen around the
question's words (search/query/excerpts.py), with the page › section it comes from and a link to that
section. A wrong box is worse than none, so it needs a question (not a lookup of a name, a number or one
word) whose first result shows the passage nearest the question in meaning, nearer by a clear lead than
any other page's passage; a question about a town or region gets a box only from a page holding all its
words and tagged with a region, never from a general page that is merely near in meaning or that
lists every centre in passing: e5's cosines are bunched, so the lead, not the cosine, tells a clear answer
from one of several alike. `manage.py search_quality` reports how often the box appears, holds the answer
and is wrong per lead threshold (SEARCH_ANSWER_CONFIDENCE). Without vectors (SEARCH_EMBEDDER=none) there
is no box.
"""

from django.conf import settings
from wagtail.models import Page

from hub.regions.signpost import region_names
from search.query.excerpts import make_quote, plans_in
from search.query.ranking import link
from search.query.transliteration import names_a_place
from search.query.types import AnswerBox

# A box answers questions: a query of fewer words is a lookup the result list answers better.
MIN_QUESTION_WORDS = 2


def names_places(plan):
    """Whether the query names a town or a region (in any of the hub's languages)."""
    places = [name for name, _ in region_names()]
    return any(names_a_place(word, places) for planned in plan.slots for word in planned.slot.surface.split())


def tagged_with_a_region(page_id):
    """Whether the page is about some region (a centre, a local project), not the whole country."""
    page = Page.objects.filter(pk=page_id).first()
    regions = getattr(page.specific, "regions", None) if page else None
    return regions is not None and regions.exists()


def meaning_lead(others, passage):
    """(cosine of `passage` to the query, how much nearer it is than the nearest passage of any other
    page) in the lists by meaning; None when another page's passage is nearer or it is not among them."""
    nearest = {}
    for other in others:
        if other.by_meaning:
            for candidate in other.candidates:
                key = candidate.page_id if candidate.passage_id != passage.passage_id else None
                nearest[key] = max(nearest.get(key, 0.0), candidate.score)
    own = nearest.pop(None, None)
    rival = max((score for page_id, score in nearest.items() if page_id != passage.page_id), default=0.0)
    if own is None or own <= rival:
        return None
    return own, own - rival


def answer_box(shown, hits, stored, plans, others, floor):
    """The AnswerBox for the first result of a first results page, or None when it does not clearly answer.

    `shown` are the RankedPages the `hits` were built from, `plans` the query's plan and those of its other
    lists (their words choose the sentences), `others` the CandidateLists beside the lexical one; below
    `floor` no passage is near the query in meaning.
    """
    plan = plans[0]
    if not hits or plan.parsed.offset or len(plan.slots) < MIN_QUESTION_WORDS:
        return None
    first = hits[0]
    page = next(page for page in shown if page.page_id == first.page_id)
    passage = stored[page.best.passage_id]
    lead = meaning_lead(others, page.best)
    if lead is None:
        return None
    cosine, confidence = lead
    if cosine < floor or confidence < settings.SEARCH_ANSWER_CONFIDENCE:
        return None
    # Checked last: they read the database. A general page, or one about another place, may be near in
    # meaning to a local question, or name the place among others, without answering it.
    if names_places(plan) and (first.missing or first.related or not tagged_with_a_region(first.page_id)):
        return None
    quote = make_quote(plans_in(plans, passage.locale), passage.text, title=passage.title)
    if not quote:
        return None
    return AnswerBox(
        quote=quote,
        page_id=page.page_id,
        title=passage.title,
        link=link(passage),
        locale=passage.locale,
        confidence=round(confidence, 4),
    )
