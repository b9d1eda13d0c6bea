"""Czech towns typed in Cyrillic, declined the Ukrainian (or Russian) way, are read as their Czech names."""

import pytest

from search.query.transliteration import (
    czech_place_names,
    names_a_place,
    regions_named,
    title_names_town,
    towns_named,
    with_czech_place_names,
)


@pytest.mark.parametrize(
    ("typed", "town"),
    [
        ("курси чеської мови в Остраві", "Ostrava"),
        ("в Остраве", "Ostrava"),  # Russian locative
        ("в общежитиях Остравы", "Ostrava"),  # Russian genitive
        ("Опава", "Opava"),
        ("у Страконицях", "Strakonice"),
        ("Страконіце", "Strakonice"),
        ("центр у Брні", "Brno"),
        ("у Чеських Будейовицях", "České Budějovice"),  # every word of the name declined
        ("в Пардубицях", "Pardubice"),
        ("Їглава", "Jihlava"),
        ("в Усті-над-Лабем", "Ústí nad Labem"),
        ("у Ліберці", "Liberec"),
        ("Карлові Вари", "Karlovy Vary"),
        ("Хеб", "Cheb"),
        ("в Пльзені", "Plzeň"),
        ("в Тршебічі", "Třebíč"),
        ("Фрідек-Містек", "Frýdek-Místek"),
    ],
)
def test_a_declined_cyrillic_town_is_its_czech_name(typed, town):
    assert czech_place_names(typed) == (town,)


@pytest.mark.parametrize(
    "typed",
    ["мова", "школа", "житло", "робота", "лікар", "курси мови", "де знайти безкоштовну юридичну консультацію"],
)
def test_ordinary_words_are_not_taken_for_towns(typed):
    assert czech_place_names(typed) == ()
    assert with_czech_place_names(typed) == typed


def test_the_czech_name_is_added_to_the_question_not_put_in_its_place():
    assert with_czech_place_names("курси в Опаві") == "курси в Опаві Opava"
    assert with_czech_place_names("kurzy v Opavě") == "kurzy v Opavě"


@pytest.mark.parametrize(
    "word",
    ["Praze", "Brně", "Liberci", "Olomoucký", "Plzni", "Остраві", "Opavsku", "Budějovicích", "Přelouči", "Kladensku"],
)
def test_a_declined_town_names_a_place(word):
    assert names_a_place(word)


@pytest.mark.parametrize("word", ["bezplatná", "kurzy", "škole", "pomoc", "českého", "nové"])
def test_an_ordinary_word_names_no_place(word):
    assert not names_a_place(word)


@pytest.mark.parametrize("typed", ["коли закінчується житло", "в селі"])
def test_a_short_word_is_a_town_only_as_written(typed):
    assert czech_place_names(typed) == ()


@pytest.mark.parametrize("word", ["pracovník", "seminář", "tísni", "práce", "семінар", "přeložit", "kladení", "klademe"])
def test_a_word_that_merely_resembles_a_town_names_no_place(word):
    assert not names_a_place(word)


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("курси чеської в Остраві", {"CZ-80"}),
        ("kurzy češtiny v Plzni", {"CZ-32"}),
        ("doktor pro děti v Karlovarském kraji", {"CZ-41"}),
        ("хто допомагає школам у Ліберецькому краї", {"CZ-51"}),
        ("sociální pracovník obce a úřad práce", set()),
    ],
)
def test_a_query_names_the_regions_of_its_towns_and_regions(typed, codes):
    region_names = [("Karlovarský kraj", "CZ-41"), ("Ліберецький край", "CZ-51")]
    assert regions_named(typed, region_names) == codes


@pytest.mark.parametrize(
    ("question", "title", "names"),
    [
        ("курси чеської в Остраві", "CPIC Ostrava", True),
        ("курси чеської в Остраві", "CPIC Opava", False),
        ("kurzy v Opavě", "Kurzy češtiny v Opavě", True),
        ("doktor na Kladensku", "CPIC Kladno", True),
        ("ubytovny v Liberci", "CPIC Liberec", True),
        ("kurzy češtiny", "CPIC Ostrava", False),
    ],
)
def test_a_title_names_the_town_a_question_names_in_any_script_and_case(question, title, names):
    assert title_names_town(title, towns_named(question)) is names
