"""Rules of the shared query pipeline that read the hub's content: a question about one place."""

import pytest

from search.query.matching import Vocabulary, plan_query
from search.query.parsing import parse_query
from search.query.pipeline import MEANING_FLOOR, answers_nothing, elsewhere_last, named_town_first
from search.query.ranking import CandidateList, RankedPage
from search.query.types import Candidate, Retrieval, SearchQuery
from tests.hub.manuals.factories import ManualPageFactory
from tests.hub.taxonomy.factories import RegionFactory

pytestmark = pytest.mark.django_db


def ranked(*pages):
    return [
        RankedPage(page_id=page.pk, best=Candidate(page_id=page.pk, position=0, score=1.0), others=[], slots=frozenset(), score=1.0)
        for page in pages
    ]


def order(text, pages, locale="uk", rule=elsewhere_last):
    plan = plan_query(parse_query(SearchQuery(text=text, locale=locale)), Vocabulary(pages=10, documents={}, spellings={}, prefixes={}))
    return [page.page_id for page in rule(ranked(*pages), plan)]


def test_a_question_about_one_town_puts_pages_about_other_regions_last():
    plzen = RegionFactory(name="Plzeňský kraj", slug="plzensky-kraj", code="CZ-32")
    moravia = RegionFactory(name="Moravskoslezský kraj", slug="moravskoslezsky-kraj", code="CZ-80")
    plzen_courses = ManualPageFactory(title="Kurzy češtiny v Plzni", regions=[plzen])
    national = ManualPageFactory(title="Kurzy češtiny pro cizince")
    ostrava_centre = ManualPageFactory(title="CPIC Ostrava", regions=[moravia])
    pages = [plzen_courses, national, ostrava_centre]

    # Asked about Ostrava (in Ukrainian): Plzeň's page goes below the national one and Ostrava's, in order.
    assert order("курси чеської в Остраві", pages) == [national.pk, ostrava_centre.pk, plzen_courses.pk]
    # A question naming no place keeps the order it had.
    assert order("курси чеської мови", pages) == [page.pk for page in pages]


def test_a_question_about_one_town_puts_the_pages_named_after_it_first():
    moravia = RegionFactory(name="Moravskoslezský kraj", slug="moravskoslezsky-kraj", code="CZ-80")
    opava = ManualPageFactory(title="CPIC Opava", regions=[moravia])
    national = ManualPageFactory(title="Kurzy češtiny pro cizince")
    ostrava = ManualPageFactory(title="CPIC Ostrava", regions=[moravia])
    pages = [opava, national, ostrava]

    for question in ("курси чеської в Остраві", "kurzy češtiny v Ostravě"):
        assert order(question, pages, rule=named_town_first) == [ostrava.pk, opava.pk, national.pk]
    assert order("курси чеської мови", pages, rule=named_town_first) == [page.pk for page in pages]


def test_pages_holding_only_the_function_words_and_small_numbers_of_a_query_answer_nothing():
    known = Vocabulary(pages=10, documents={"or": 3, "from": 3, "1": 2, "kurz": 2}, spellings={}, prefixes={})
    found = Retrieval(candidates=[Candidate(page_id=1, position=0, score=2.0)], total=2)
    # The nearest passage in meaning is below the floor, as for every nonsense query measured.
    noise_neighbours = [CandidateList([Candidate(page_id=3, position=0, score=MEANING_FLOOR - 0.02)], 1.0, by_meaning=True)]

    def plan(text):
        return plan_query(parse_query(SearchQuery(text=text, locale="uk")), known)

    assert answers_nothing(plan("1=1 OR SELECT * FROM users"), found, noise_neighbours)
    # A word naming a topic matched: the pages holding it answer.
    assert not answers_nothing(plan("1 kurz FROM users"), found, noise_neighbours)
