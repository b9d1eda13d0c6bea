"""search/vocabulary/glossary.py and the vocabulary rows: cross-language terms for the lexical query."""

import pytest

from search.models import GlossaryConcept, SynonymRule
from search.vocabulary.analysis import AnalysisDataError
from search.vocabulary.glossary import expand_query_terms, parse_concepts, shipped_concepts
from search.vocabulary.shipped import ensure_builtin_vocabulary
from search.vocabulary.synonyms import shipped_rules

pytestmark = pytest.mark.django_db  # expansion reads the concept rows


def expansions(query, locale, language):
    return [
        phrase for match in expand_query_terms(query, locale) for phrase in match.phrases(language)
    ]


def test_shipped_glossary_is_large_explained_and_covers_the_institutions():
    concepts = shipped_concepts()
    assert len(concepts) >= 80
    assert all(
        concept.note and sum(bool(terms) for terms in concept.terms.values()) >= 2
        for concept in concepts
    )
    abbreviations = {abbreviation for concept in concepts for abbreviation in concept.abbreviations}
    assert {
        "OAMP",
        "ÚP",
        "ORP",
        "OSPOD",
        "MPSV",
        "MV",
        "MŠMT",
        "SUZ",
        "CPIC",
        "NNO",
        "KÚ",
        "ČSSZ",
        "ZP",
        "OSP",
    } <= abbreviations


def test_ukrainian_and_english_terms_bring_the_czech_ones():
    assert ("docasny", "ochrana") in expansions(
        "що робити після закінчення тимчасового захисту", "uk", "cs"
    )
    assert ("pravni", "poradenstvi") in expansions(
        "де знайти безкоштовну юридичну консультацію", "uk", "cs"
    )
    assert ("zdarma",) in expansions("де знайти безкоштовну юридичну консультацію", "uk", "cs")
    assert ("zdravotni", "pojisteni") in expansions("health insurance for refugees", "en", "cs")
    assert ("odborny", "socialni", "poradenstvi") in expansions("OSP", "en", "cs")


def test_matching_ignores_diacritics_and_case():
    for query in ("bydlení", "bydleni", "Bydlení pro rodiny", "BYDLENI"):
        assert ("housing",) in expansions(query, "cs", "en"), query
    assert ("domaci", "nasili") in expansions("ДОМАШНЬОГО насильства", "uk", "cs")
    assert ("тимчасовий", "захист") in expansions("docasne ochrany", "cs", "uk")


def test_short_abbreviations_need_capitals_and_are_never_added_to_the_query():
    assert expansions("kurzy do školy", "cs", "en") == [("school",), ("teacher",)]
    assert ("temporary", "protection") in expansions("pomoc pro DO", "cs", "en")
    assert all(
        ("do",) not in match.phrases(language)
        for match in expand_query_terms("dočasná ochrana", "cs")
        for language in ("cs", "uk", "en")
    )


def test_an_edited_concept_applies_to_the_next_query_and_can_be_switched_off():
    concept = GlossaryConcept.objects.get(builtin_key="bydleni")
    concept.terms_uk = "житло\nпомешкання"
    concept.save()
    assert ("bydleni",) in expansions("помешкання для родини", "uk", "cs")
    concept.enabled = False
    concept.save()
    assert expansions("помешкання для родини", "uk", "cs") == []
    GlossaryConcept.objects.create(terms_cs="hlídání dětí", terms_en="childcare", note="n")
    assert expansions("childcare in Brno", "en", "cs") == [("hlidani", "dite")]


def test_shipped_entries_are_rows_that_migrate_restores_but_never_overwrites():
    assert GlossaryConcept.objects.exclude(builtin_key="").count() == len(shipped_concepts())
    assert SynonymRule.objects.exclude(builtin_key="").count() == len(shipped_rules())
    edited = SynonymRule.objects.get(builtin_key="cs:OSP")
    edited.note = "Upraveno redakcí."
    edited.save()
    GlossaryConcept.objects.filter(builtin_key="azyl").delete()
    assert ensure_builtin_vocabulary() == 1
    assert GlossaryConcept.objects.filter(builtin_key="azyl").exists()
    assert SynonymRule.objects.get(builtin_key="cs:OSP").note == "Upraveno redakcí."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"key": "x"}, "list of concepts"),
        ([{"key": "x", "cs": ["a"], "en": ["b"]}], "needs key and note"),
        ([{"key": "X y", "cs": ["a"], "en": ["b"], "note": "n"}], "lowercase words"),
        ([{"key": "x", "cs": ["a"], "note": "n"}], "at least two languages"),
        ([{"key": "x", "cs": ["a"], "en": ["b"], "note": " "}], "what the concept is"),
        ([{"key": "x", "cs": "a", "en": ["b"], "note": "n"}], "cs must be a list"),
        ([{"key": "x", "cs": ["a"], "en": ["b"], "note": "n"}] * 2, "used twice"),
    ],
)
def test_bad_concepts_are_rejected_with_a_clear_message(data, message):
    with pytest.raises(AnalysisDataError, match=message):
        parse_concepts(data, "glossary.yml")
