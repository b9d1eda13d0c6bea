"""Names sort as Czech, Ukrainian and English readers expect, whatever the database."""

import pytest
from django.utils import translation

from hub.core.collation import collation_key, sorted_by_name


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("CPIC České Budějovice", "CPIC Zlín"),  # č is a letter right after c
        ("Dočasná ochrana", "Domácí násilí"),  # … so "doč" comes before "dom"
        ("hrad", "chata"),  # ch is one letter, after h
        ("Hustopeče", "Chomutov"),
        ("Rakovník", "Řevnice"),  # ř after r, š after s, ž after z
        ("Svitavy", "Šumperk"),
        ("Zlín", "Žatec"),
        ("dama", "dáma"),  # other diacritics only break ties …
        ("dáma", "daň"),  # … and never outweigh a letter
        ("Uherské Hradiště", "Ústí nad Labem"),
        ("Praha 2", "Praha 13"),  # numbers by value
        ("Brno", "Brno-venkov"),  # a name before its longer variants
        ("Nové Město", "Novéměsto"),  # word by word: a space sorts before any letter
        ("praha", "Praha"),  # case breaks the last tie, lowercase first
        ("Zlín", "Бердичів"),  # Latin names before Cyrillic ones
    ],
)
def test_czech_order(first, second):
    assert collation_key(first, "cs") < collation_key(second, "cs")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Гора", "Ґанок"),  # ґ after г
        ("Еней", "Євген"),  # є after е
        ("Иван", "Іван"),  # и, і, ї, й in the Ukrainian order
        ("Іван", "Їжак"),
        ("Їжак", "Йорданія"),
        ("Йорданія", "Київ"),
        ("Шлях", "Ялта"),
        ("«Спільна адреса»", "Спорт"),  # quotation marks do not move a name to the top
        ("Ялта", "CPIC Zlín"),  # Cyrillic names before Latin ones
    ],
)
def test_ukrainian_order(first, second):
    assert collation_key(first, "uk") < collation_key(second, "uk")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("chata", "hrad"),  # no ch letter in English
        ("Čáslav", "Dačice"),  # č is c with a diacritic
        ("Cabbage", "Čáslav"),
        ("resume", "résumé"),
    ],
)
def test_english_order(first, second):
    assert collation_key(first, "en") < collation_key(second, "en")


def test_sorted_by_name_uses_the_active_language_and_a_name_function():
    organisations = [{"title": "CPIC Zlín"}, {"title": "CPIC České Budějovice"}, {"title": "Charita"}]
    with translation.override("cs"):
        czech = sorted_by_name(organisations, lambda item: item["title"])
    with translation.override("en"):
        english = sorted_by_name(organisations, lambda item: item["title"])
    assert [item["title"] for item in czech] == ["CPIC České Budějovice", "CPIC Zlín", "Charita"]
    assert [item["title"] for item in english] == ["Charita", "CPIC České Budějovice", "CPIC Zlín"]


def test_equal_names_keep_a_stable_order_and_empty_names_come_first():
    names = ["Brno!", "Brno", "", None, "Brno"]
    assert sorted_by_name(names, language="cs") == ["", None, "Brno", "Brno", "Brno!"]
