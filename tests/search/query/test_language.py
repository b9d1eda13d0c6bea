"""The language a question is written in, told by its letters, whatever the interface language is."""

import pytest

from search.query.language import written_in


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("курси чеської мови в Остраві", "uk"),
        ("де знайти роботу", "uk"),  # no letter only Ukrainian has: told by its words
        ("где найти врача", "ru"),
        ("как выучить чешский язык", "ru"),
        ("tìm lớp học tiếng Séc ở đâu", "vi"),
        ("gdzie znaleźć kurs języka czeskiego", "pl"),
        ("unde găsesc un medic pentru străini", "ro"),
        ("أين أجد طبيبا", "ar"),
    ],
)
def test_the_letters_tell_the_language(text, language):
    assert written_in(text) == language


@pytest.mark.parametrize("text", ["kde najdu lékaře", "kde najdu lekare", "where to find a doctor", "CPIC", "", "123"])
def test_plain_latin_letters_are_left_to_the_interface_language(text):
    assert written_in(text) is None
