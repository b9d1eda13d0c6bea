"""search/vocabulary/synonyms.py: the shipped list, editor rules and how a query finds them."""

import pytest

from search.models import SynonymRule
from search.vocabulary.analysis import AnalysisDataError, analysed_tokens
from search.vocabulary.synonyms import Rule, SynonymSet, parse_rules, shipped_rules, synonym_set

RULES = [
    Rule("cs", ("OSP", "odborné sociální poradenství")),
    Rule("cs", ("DO", "dočasná ochrana")),
    Rule("cs", ("ORP", "obec s rozšířenou působností")),
    Rule("uk", ("ТЗ", "тимчасовий захист")),
]


def matches(text, language="cs", rules=RULES):
    words = analysed_tokens(text, language)
    return [
        (" ".join(word.surface for word in words[m.start : m.end]), m.alternatives)
        for m in SynonymSet(rules, language).matches(words)
    ]


def test_abbreviation_expands_to_the_long_form_and_back():
    assert matches("OSP Praha") == [("OSP", (("odborny", "socialni", "poradenstvi"),))]
    assert matches("odborného sociálního poradenství v Praze") == [
        ("odborného sociálního poradenství", (("osp",),))
    ]


def test_long_forms_match_inflected_and_without_diacritics():
    # Typed without diacritics, the long form also brings its right spelling along.
    assert matches("obce s rozsirenou pusobnosti") == [
        ("obce s rozsirenou pusobnosti", (("orp",), ("obec", "rozsireny", "pusobnost")))
    ]
    assert matches("osp") == [("osp", (("odborny", "socialni", "poradenstvi"),))]


def test_two_letter_abbreviations_need_capitals():
    assert matches("pomoc pro DO") == [("DO", (("docasny", "ochrana"),))]
    assert matches("kurzy do práce") == []


def test_rules_apply_only_to_their_language():
    assert matches("ТЗ", "uk") == [("ТЗ", (("тимчасовий", "захист"),))]
    assert matches("ТЗ", "cs") == []


def test_shipped_rules_are_valid_and_explained():
    rules = shipped_rules()
    assert len(rules) >= 15
    assert all(rule.note and len(rule.terms) >= 2 for rule in rules)
    cs_abbreviations = {rule.terms[0] for rule in rules if rule.language == "cs"}
    assert {
        "CPIC",
        "NNO",
        "OSP",
        "SKK",
        "DO",
        "OAMP",
        "ORP",
        "OSPOD",
        "ÚP",
        "MV",
        "MPSV",
    } <= cs_abbreviations


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"language": "cs"}, "list of rules"),
        ([{"language": "cs", "terms": ["OSP", "x"]}], "rule 1: needs exactly the keys"),
        ([{"language": "de", "terms": ["a", "b"], "note": "n"}], "rule 1: language"),
        ([{"language": "cs", "terms": ["OSP"], "note": "n"}], "at least two"),
        ([{"language": "cs", "terms": ["OSP", "x"], "note": " "}], "why the rule exists"),
    ],
)
def test_bad_rules_are_rejected_with_a_clear_message(data, message):
    with pytest.raises(AnalysisDataError, match=message):
        parse_rules(data, "synonyms.yml")


@pytest.mark.django_db
def test_editor_rules_apply_on_the_next_search_and_stop_when_disabled():
    def expansions(text):
        words = analysed_tokens(text, "cs")
        return [m.alternatives for m in synonym_set("cs").matches(words)]

    assert expansions("azylák") == []
    rule = SynonymRule.objects.create(
        language="cs", terms="azylant\nžadatel o mezinárodní ochranu", note="n"
    )
    assert expansions("azylant") == [(("zadatel", "mezinarodni", "ochrana"),)]
    rule.enabled = False
    rule.save()
    assert expansions("azylant") == []
    SynonymRule.objects.create(language="uk", terms="біженець\nпереселенець")
    assert expansions("OSP") == [(("odborny", "socialni", "poradenstvi"),)]


def test_rules_match_with_or_without_diacritics_and_inflected():
    rules = [Rule("cs", ("ubytování", "bydlení"))]
    for query in ("bydlení", "bydlením", "BYDLENÍ"):
        assert matches(query, rules=rules) == [(query, (("ubytovani",),))], query
    # Typed without diacritics, the right spelling comes along (see the long forms above).
    for query in ("bydleni", "bydlenim"):
        assert matches(query, rules=rules) == [(query, (("ubytovani",), ("bydleni",)))], query
    assert matches("bydlet", rules=[Rule("cs", ("kurz", "školka"))]) == []
    assert matches("školy", rules=[Rule("cs", ("kurz", "školka"))]) == []
