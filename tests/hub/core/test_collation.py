"""Names sort as a Czech (or other) reader expects."""

from hub.core.collation import sort_key


def test_czech_order_puts_hacek_letters_and_ch_where_the_alphabet_has_them():
    names = ["Zlín", "Charita", "Člověk v tísni", "CPIC České Budějovice", "Domácí násilí", "Dočasná ochrana", "Hradec"]

    assert sorted(names, key=sort_key) == [
        "CPIC České Budějovice",
        "Člověk v tísni",
        "Dočasná ochrana",
        "Domácí násilí",
        "Hradec",
        "Charita",
        "Zlín",
    ]


def test_other_diacritics_only_break_ties_in_czech():
    assert sorted(["Ústí", "Uherské", "Ústecký"], key=sort_key) == ["Uherské", "Ústecký", "Ústí"]


def test_english_ignores_diacritics_first():
    assert sorted(["Zlín", "Ústí", "Charita"], key=lambda name: sort_key(name, "en")) == ["Charita", "Ústí", "Zlín"]
