"""The answer box's quote and its rule: whole sentences around the question's words, only with a clear lead."""

import pytest

from search.query.answers import answer_box, meaning_lead
from search.query.excerpts import MAX_QUOTE_LENGTH, make_excerpt, make_quote, sentences
from search.query.matching import Vocabulary, plan_query
from search.query.parsing import parse_query
from search.query.ranking import CandidateList, RankedPage, names_first
from search.query.types import Candidate, SearchHit, SearchQuery, StoredPassage
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.taxonomy.factories import RegionFactory

pytestmark = pytest.mark.django_db  # parsing reads editor synonym rules

HOUSING = (
    "Postup sociálního pracovníka při ztrátě bydlení. Domácnosti v bytové nouzi nabídne obec krizové "
    "ubytování v azylovém domě, podle zákona č. 108/2006 Sb. Sociální pracovník pomůže požádat o obecní byt. "
    "Rodinám s dětmi pomáhá také OSPOD. Kontakty najdete na konci příručky."
)


def plan(text):
    parsed = parse_query(SearchQuery(text=text))
    return plan_query(parsed, Vocabulary(pages=100, documents={}, spellings={}, prefixes={}))


def plan_of_rare_and_common(text, documents):
    """The plan of `text` over 100 pages, `documents` of which hold each of its terms."""
    return plan_query(parse_query(SearchQuery(text=text)), Vocabulary(pages=100, documents=documents, spellings={}, prefixes={}))


def plain(html):
    return html.replace("<mark>", "").replace("</mark>", "")


def test_sentences_end_at_a_capital_not_at_abbreviations_or_numbers():
    text = "Žádost podává cizinec na OAMP. Podle zákona č. 326/1999 Sb. musí mít tzv. doklad. „Хто подає?“ Іноземець."
    assert [text[begin:end] for begin, end in sentences(text)] == [
        "Žádost podává cizinec na OAMP.",
        "Podle zákona č. 326/1999 Sb. musí mít tzv. doklad.",
        "„Хто подає?“",
        "Іноземець.",
    ]


def test_the_quote_is_whole_sentences_from_the_one_with_the_question_words():
    quote = make_quote([plan("azylový dům krizové ubytování")], HOUSING)
    assert plain(quote).startswith("Domácnosti v bytové nouzi nabídne obec krizové ubytování")
    assert "<mark>azylovém</mark>" in quote and "<mark>ubytování</mark>" in quote
    assert plain(quote) in HOUSING and plain(quote).endswith(".")
    assert len(plain(quote)) <= MAX_QUOTE_LENGTH


def test_a_quote_is_at_most_three_sentences():
    text = " ".join(f"Věta číslo {number} o kurzech." for number in range(1, 8))
    assert plain(make_quote([plan("kurzy")], text)).count(".") == 3


def test_lines_without_punctuation_stay_apart_in_excerpts_and_quotes():
    card = "Škola\nPozvěte si CPIC do školy\nCentra pořádají přednášky pro školy."
    assert plain(make_excerpt([plan("přednášky")], card)) == (
        "Škola · Pozvěte si CPIC do školy · Centra pořádají přednášky pro školy."
    )
    # A line is a sentence of its own: the quote starts at the line holding the words.
    assert plain(make_quote([plan("přednášky")], card)).startswith("Centra pořádají přednášky")


def test_a_page_whose_title_names_the_query_comes_first():
    pages = [RankedPage(page_id, Candidate(page_id, 0, 1.0, own=True), [], frozenset({0}), 1.0) for page_id in (1, 2, 3)]
    titles = {
        1: ("Manuál lokální integrace migrantů", "cs"),
        2: ("Poslání Integračního centra Praha", "cs"),
        3: ("Integrační centrum Praha, o. p. s.", "cs"),
    }
    known = Vocabulary(pages=100, documents={"integracni": 5, "centrum": 5, "praha": 9, "kurz": 20})

    def order(text):
        named = names_first(pages, titles, plan_query(parse_query(SearchQuery(text=text)), known))
        return [page.page_id for page in named]

    # Both titles hold the words; the one that starts with them, with fewer other words, names it best.
    assert order("Integrační centrum Praha") == [3, 2, 1]
    assert order("kurzy") == [1, 2, 3]


def stored(page_id, text=HOUSING):
    return StoredPassage(page_id, 0, "Bytová nouze", "/cs/bytova-nouze/", "manual", "cs", "postup", ("Postup",), text)


def ranked(page_id):
    best = Candidate(page_id, 0, 1.0, own=True)
    return RankedPage(page_id=page_id, best=best, others=[], slots=frozenset(), score=1.0)


def hit(page_id):
    return SearchHit(page_id, "Bytová nouze", "/cs/bytova-nouze/", "", "manual", "cs", 1.0)


def by_meaning(*scores):
    """A vector list: (page id, cosine) pairs, nearest first."""
    return CandidateList([Candidate(page, 0, score) for page, score in scores], 0.8, by_meaning=True)


def box(question, neighbours, settings, threshold=0.01, missing=(), related=False, page_id=1):
    settings.SEARCH_ANSWER_CONFIDENCE = threshold
    question_plan = plan(question)
    first = hit(page_id)
    first.missing, first.related = missing, related
    passages = {f"{page_id}-0": stored(page_id)}
    return answer_box([ranked(page_id)], [first], passages, [question_plan], [neighbours], floor=0.825)


def test_a_question_whose_passage_leads_in_meaning_gets_a_box(settings):
    found = box("kde bydlet když rodina nemá byt", by_meaning((1, 0.87), (2, 0.85)), settings)
    assert found is not None
    assert (found.title, found.link.url, found.confidence) == ("Bytová nouze", "/cs/bytova-nouze/#postup", 0.02)
    assert plain(found.quote) in HOUSING


@pytest.mark.parametrize(
    ("question", "neighbours"),
    [
        ("kde bydlet když rodina nemá byt", by_meaning((2, 0.87), (1, 0.86))),  # another page is nearer
        ("kde bydlet když rodina nemá byt", by_meaning((1, 0.870), (2, 0.865))),  # a lead too small to trust
        ("kde bydlet když rodina nemá byt", by_meaning((1, 0.82))),  # nothing is near in meaning
        ("bydlení", by_meaning((1, 0.90), (2, 0.80))),  # one word is a lookup, not a question
    ],
)
def test_no_box_without_a_clear_answer(question, neighbours, settings):
    assert box(question, neighbours, settings) is None


@pytest.mark.parametrize("place", ["Liberci", "Plzni", "Olomoucký", "Остраві"])
def test_a_question_about_a_place_is_answered_only_by_a_local_page_holding_all_its_words(settings, place):
    question = f"ubytovny pro rodiny {place}"
    local, national = ManualPageFactory(regions=[RegionFactory()]).pk, ManualPageFactory().pk
    neighbours = by_meaning((local, 0.88), (national, 0.85))
    assert box(question, neighbours, settings, missing=("ubytovny",), page_id=local) is None
    assert box(question, neighbours, settings, related=True, page_id=local) is None
    assert box(question, neighbours, settings, page_id=local) is not None
    # A national manual that names every centre in passing is not the answer about one place.
    assert box(question, by_meaning((national, 0.88), (local, 0.85)), settings, page_id=national) is None


def test_a_page_missing_an_ordinary_word_of_the_question_can_still_answer(settings):
    question = "rodina nemá kde bydlet"
    assert box(question, by_meaning((1, 0.88), (2, 0.85)), settings, missing=("rodina", "nemá")) is not None


def test_the_lead_is_over_other_pages_not_over_the_same_pages_other_passages():
    neighbours = CandidateList(
        [Candidate(1, 0, 0.88), Candidate(1, 1, 0.879), Candidate(2, 0, 0.85)], 0.8, by_meaning=True
    )
    cosine, lead = meaning_lead([neighbours], Candidate(1, 0, 1.0))
    assert (cosine, round(lead, 3)) == (0.88, 0.03)


def test_the_excerpt_and_the_quote_stand_where_the_questions_rare_word_is_not_its_common_one():
    # "cizinec" is on nearly every page, "lékař" on a few: where the rare word stands, the answer does.
    text = (
        "Operační cíle stanovuje vedoucí Centra na podporu integrace cizinců s pracovníky služby každoročně "
        "podle situace v regionu. Stav plnění doplní centrum při vyhodnocení na konci roku. Oslovit "
        "zaměstnavatele, kteří dosud nebyli kontaktováni, a prohloubit spolupráci s firmami v okrese. "
        "Otevřít kontaktní místo v Rakovníku. Sestavit seznam lékařů, kteří přijímají nové pacienty."
    )
    plan = plan_of_rare_and_common("lékař pro cizince", {"cizinec": 95, "lekar": 3})
    assert "<mark>lékařů</mark>" in make_excerpt([plan], text)
    assert plain(make_quote([plan], text)).startswith("Sestavit seznam lékařů")


def test_the_excerpt_shows_what_the_title_does_not_say():
    text = (
        "Centrum ve Zlíně pracuje s cizinci ze Zlína a okolí a pořádá kulturní akce ve Zlíně. Pracovníci "
        "centra spolupracují s úřadem práce, se školami a s neziskovými organizacemi v celém kraji a účastní "
        "se komunitního plánování sociálních služeb. Terénní pracovník navštěvuje každou ubytovnu s "
        "humanitárním ubytováním."
    )
    plan = plan_of_rare_and_common("ubytovny Zlín", {"zlin": 3, "ubytovna": 3})
    assert "<mark>ubytovnu</mark>" not in make_excerpt([plan], text, length=120)
    assert "<mark>ubytovnu</mark>" in make_excerpt([plan], text, length=120, title="CPIC Zlín")


def test_a_word_derived_from_the_questions_word_marks_the_excerpt_too():
    text = "Otevřít kontaktní místo v Rakovníku. Zmapovat dostupnost lékařské péče v okresech Kladno a Slaný."
    assert "<mark>lékařské</mark>" in make_excerpt([plan("lékař")], text)
    assert "<mark>" not in make_excerpt([plan("lék")], text)
