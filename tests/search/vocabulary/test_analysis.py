"""search/vocabulary/analysis.py: the terms both backends index and search for."""

import pytest

from search.vocabulary import analysis
from search.vocabulary.analysis import AnalysisDataError, analyse, analysed_text, fold, tokens


def test_fold_strips_latin_diacritics_and_lowercases():
    assert fold("Příručka ŽLUŤOUČKÝ kůň") == "prirucka zlutoucky kun"
    assert fold("prirucka") == fold("příručka")


def test_fold_keeps_cyrillic_letters_whole():
    # й and ї decompose into и/і plus a mark in NFD; stripping it would turn Київ into Киів.
    assert fold("Київ Йосип їжак Ёлка") == "київ йосип їжак ёлка"


def test_tokens_split_on_punctuation_but_keep_apostrophes_inside_words():
    assert tokens("OSP/ICP – cizinci, 108/2006 Sb.") == [
        "OSP",
        "ICP",
        "cizinci",
        "108",
        "2006",
        "Sb",
    ]
    assert tokens("м'ясо children's") == ["м'ясо", "children's"]


def test_czech_analysis_lemmatises_folds_and_drops_stop_words():
    assert analyse("Kurzy češtiny pro cizince v Liberci", "cs") == [
        "kurz",
        "cestina",
        "cizinec",
        "liberec",
    ]
    assert analyse("cizinců", "cs") == analyse("cizinec", "cs") == analyse("cizincům", "cs")


def test_proper_nouns_win_over_common_words():
    # Lower-case "prahy" is also a form of "práh" (threshold); the capital city is what people mean.
    assert analyse("prahy", "cs") == analyse("Praha", "cs") == ["praha"]
    assert analyse("v Brně", "cs") == ["brno"]


def test_negation_prefix_is_kept():
    assert analyse("nestátní", "cs") == ["nestatni"]
    assert analyse("nestátní", "cs") != analyse("státní", "cs")


def test_abbreviations_are_not_lemmatised():
    assert analyse("CPIC a OSP", "cs") == ["cpic", "osp"]


def test_ukrainian_and_english_analysis():
    assert analyse("Курси чеської мови для біженців", "uk") == [
        "курс",
        "чеський",
        "мова",
        "біженець",
    ]
    assert analyse("The courses for refugees", "en") == ["course", "refugee"]


def test_unknown_language_only_folds():
    assert analyse("Příručky a kurzy", "de") == ["prirucky", "a", "kurzy"]


def test_analysed_text_joins_terms():
    assert analysed_text("Domácí násilí", "cs") == "domaci nasili"
    assert analysed_text("", "cs") == ""


def test_every_language_has_a_valid_stop_word_list():
    for language in analysis.LANGUAGES:
        words = analysis.stop_words(language)
        assert {"a", "i", "в", "the"} & words, language


def test_a_malformed_stop_word_file_names_the_line(tmp_path, monkeypatch):
    (tmp_path / "stopwords_cs.txt").write_text("# comment\na\nDvě Slova\n", encoding="utf-8")
    monkeypatch.setattr(analysis, "DATA_DIR", tmp_path)
    analysis.stop_words.cache_clear()
    try:
        with pytest.raises(AnalysisDataError, match="stopwords_cs.txt:3"):
            analysis.stop_words("cs")
    finally:
        monkeypatch.undo()
        analysis.stop_words.cache_clear()
