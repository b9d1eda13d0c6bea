"""Hybrid search, the same assertions on both backends, with the real bundled model (multilingual e5).

Questions in other words or another language than the answer is written in find it; precise queries stay
with their words; filters hold for pages found by meaning; vectors of another model never count. The
model loads once per session and each passage text is embedded once per session (a tiny tree).
"""

import pytest

from search.query.parsing import parse_query
from search.query.pipeline import MAYBE_RELATED_SHOWN, answer
from search.query.types import SearchQuery
from search.vectors.pages import query_vector
from tests.search import sample_pages as docs
from tests.search.sample_pages import with_vectors

pytestmark = pytest.mark.django_db

@pytest.fixture
def loaded(backend, semantic):
    backend.index_pages(with_vectors(docs.indexed(docs.ALL + docs.SEMANTIC), semantic))
    return backend


def search(backend, text, **options):
    return answer(backend, SearchQuery(text=text, **options))


def position(results, spec):
    ids = [hit.page_id for hit in results.hits]
    return ids.index(spec.page_id) if spec.page_id in ids else None


def hit_for(results, spec):
    return next(hit for hit in results.hits if hit.page_id == spec.page_id)


def test_an_english_question_finds_the_czech_school_page(loaded):
    results = search(loaded, "how can a school support pupils from Ukraine", locale="en")
    assert position(results, docs.SCHOOL_INCLUSION) is not None and position(results, docs.SCHOOL_INCLUSION) < 3
    hit = hit_for(results, docs.SCHOOL_INCLUSION)
    assert (hit.locale, hit.cross_lingual) == ("cs", True)


def test_a_ukrainian_question_finds_the_czech_legal_advice_marked_czech(loaded):
    results = search(loaded, "де знайти безкоштовну юридичну консультацію", locale="uk")
    assert position(results, docs.LEGAL_ADVICE) is not None and position(results, docs.LEGAL_ADVICE) < 3
    assert hit_for(results, docs.LEGAL_ADVICE).cross_lingual


def test_everyday_czech_words_find_the_professional_text(loaded):
    results = search(loaded, "co dělat, když rodina nemá kde bydlet")
    assert position(results, docs.HOUSING_EMERGENCY) is not None and position(results, docs.HOUSING_EMERGENCY) < 3


def test_a_page_shows_its_section_nearest_the_question_not_the_one_naming_its_other_word(loaded):
    results = search(loaded, "jak se nevyhořet v práci s uprchlíky")
    hit = hit_for(results, docs.CAREGIVERS_MANUAL)
    assert hit.passage.anchor == "psychohygiena"
    assert "supervizi" in hit.excerpt


def test_the_passages_nearest_in_meaning_can_be_asked_of_chosen_pages_within_the_filters(loaded):
    [model_name, vector] = query_vector("jak se nevyhořet v práci s uprchlíky")
    chosen = [docs.CAREGIVERS_MANUAL.page_id, docs.HOUSING_EMERGENCY.page_id]

    def pages_of(**filters):
        parsed = parse_query(SearchQuery(text="vyhoření", filters=filters))
        return {hit.page_id for hit in loaded.nearest(parsed, vector, model_name, None, 50, page_ids=chosen)}

    assert pages_of() == set(chosen)
    assert pages_of(region=["liberecky"]) == {docs.HOUSING_EMERGENCY.page_id}


@pytest.mark.parametrize(
    ("text", "locale"),
    [("как найти бесплатную юридическую консультацию", "cs"), ("tư vấn pháp lý miễn phí ở đâu", "en")],
)
def test_a_question_in_a_language_the_hub_does_not_publish_in_is_answered_from_czech_pages(loaded, text, locale):
    results = search(loaded, text, locale=locale)
    assert results.query_language in {"ru", "vi"} and results.query.locale == locale
    assert position(results, docs.LEGAL_ADVICE) is not None and position(results, docs.LEGAL_ADVICE) < 3


@pytest.mark.parametrize(("text", "locale"), [("xqzvw", "cs"), ("asdf qwer", "uk"), ("'; DROP TABLE pages; --", "en")])
def test_nonsense_gets_a_few_maybe_related_pages_not_answers(loaded, text, locale):
    results = search(loaded, text, locale=locale)
    assert results.weak
    assert 0 < len(results.hits) <= MAYBE_RELATED_SHOWN
    assert results.total == len(results.hits)


def test_a_query_most_of_whose_words_no_page_holds_is_weak_though_one_word_matches(loaded):
    results = search(loaded, "lorem ipsum tlumočníci dolor amet")
    assert results.weak and 0 < len(results.hits) <= MAYBE_RELATED_SHOWN
    assert results.total == len(results.hits) and not results.facets
    assert results.unknown_words == ("lorem", "ipsum", "amet")  # «dolor» is an English word
    assert not search(loaded, "tlumočníci xqzvw").weak  # one word of two is not most


def test_a_question_near_in_meaning_is_answered_not_weak(loaded):
    results = search(loaded, "how can a school support pupils from Ukraine", locale="en")
    assert not results.weak and len(results.hits) > MAYBE_RELATED_SHOWN


def test_a_phone_number_stays_lexical(loaded):
    results = search(loaded, "974 801 801")
    assert [hit.page_id for hit in results.hits] == [docs.HELPLINE.page_id]
    assert not results.hits[0].related


def test_an_exact_title_is_never_outranked_by_meaning(loaded):
    results = search(loaded, "bytová nouze")
    assert results.hits[0].page_id == docs.HOUSING_EMERGENCY.page_id
    complete = [index for index, hit in enumerate(results.hits) if not hit.related and not hit.missing]
    related = [index for index, hit in enumerate(results.hits) if hit.related]
    assert complete and related and max(complete) < min(related)


def test_filters_apply_to_pages_found_by_meaning(loaded):
    question = "how can a school support pupils from Ukraine"
    outside = search(loaded, question, locale="en", filters={"region": ["praha"]})
    assert position(outside, docs.SCHOOL_INCLUSION) is None
    assert all(hit.page_id in {docs.HELPLINE.page_id, 4, 5, 7} for hit in outside.hits)
    inside = search(loaded, question, locale="en", filters={"region": ["vysocina"]})
    assert position(inside, docs.SCHOOL_INCLUSION) == 0


def test_a_translation_in_the_readers_language_replaces_the_czech_page(loaded):
    results = search(loaded, "evening Czech classes for adults", locale="en")
    keys = [hit.translation_key for hit in results.hits]
    assert results.hits[0].page_id == docs.ENGLISH_COURSES.page_id
    assert keys.count("courses") == 1


def test_vectors_of_another_model_never_count(backend, semantic, settings):
    backend.index_pages(with_vectors(docs.indexed(docs.ALL + docs.SEMANTIC), semantic, model_name="another-model"))
    question = "how can a school support pupils from Ukraine"
    hybrid = [hit.page_id for hit in search(backend, question, locale="en").hits]
    settings.SEARCH_EMBEDDER = "none"
    assert hybrid == [hit.page_id for hit in search(backend, question, locale="en").hits]


def test_the_glossary_finds_czech_terms_for_a_ukrainian_query_without_vectors(backend):
    backend.index_pages(docs.indexed(docs.ALL + docs.SEMANTIC))
    results = search(backend, "безкоштовна юридична допомога", locale="uk")
    assert results.hits[0].page_id == docs.LEGAL_ADVICE.page_id
    assert results.hits[0].cross_lingual


def test_a_clear_question_gets_its_answer_quoted_from_the_answering_section(loaded):
    results = search(loaded, "co dělat, když rodina nemá kde bydlet")
    box = results.answer
    assert box is not None and box.page_id == docs.HOUSING_EMERGENCY.page_id
    quoted = box.quote.replace("<mark>", "").replace("</mark>", "")
    page_text = f"{docs.HOUSING_EMERGENCY.summary} {docs.HOUSING_EMERGENCY.body}"
    assert quoted in page_text and "krizové ubytování" in quoted
    assert box.link.url.startswith(docs.HOUSING_EMERGENCY.url)


@pytest.mark.parametrize(("text", "locale"), [("xqzvw", "cs"), ("tlumočníci", "cs"), ("974 801 801", "cs")])
def test_nonsense_and_lookups_get_no_answer_box(loaded, text, locale):
    assert search(loaded, text, locale=locale).answer is None
