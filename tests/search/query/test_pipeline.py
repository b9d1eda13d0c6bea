"""Rules of the shared query pipeline that read the hub's content: a question about one place."""

import pytest

from search.query.matching import Vocabulary, plan_query
from search.query.parsing import parse_query
from search.query.pipeline import elsewhere_last, named_town_first
from search.query.ranking import RankedPage
from search.query.types import Candidate, SearchQuery
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
