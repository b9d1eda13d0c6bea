"""The search contract: the same assertions for the embedded backend and for Elasticsearch."""

from dataclasses import replace

import pytest

from search.models import SynonymRule
from search.query.matching import plan_query
from search.query.parsing import parse_query
from search.query.pipeline import answer
from search.query.types import SearchQuery
from tests.search import sample_pages as docs

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(backend):
    backend.index_pages(docs.indexed(docs.ALL))
    return backend


def search(backend, text, **options):
    return answer(backend, SearchQuery(text=text, **options))


def page_ids(results):
    return [hit.page_id for hit in results.hits]


def test_diacritics_are_optional(loaded):
    assert docs.MANUAL.page_id in page_ids(search(loaded, "prirucka pro socialni pracovniky"))
    top_two = set(page_ids(search(loaded, "domaci nasili"))[:2])
    assert top_two == {docs.VIOLENCE_PHRASE.page_id, docs.LIBEREC_CENTRE.page_id}


def test_the_exact_word_form_ranks_first(backend):
    # Two pages alike but for one word form: each query puts the page with its exact form first.
    singular = docs.manual_page(20, "Příručka pro obce")
    plural = docs.manual_page(21, "Příručky pro obce")
    backend.index_pages(docs.indexed([singular, plural]))
    assert page_ids(search(backend, "příručky")) == [21, 20]
    assert page_ids(search(backend, "příručka")) == [20, 21]
    assert sorted(page_ids(search(backend, "prirucka"))) == [20, 21]


def test_a_text_published_twice_is_listed_once_and_links_the_copy(backend):
    # Imported again under another title, with one sentence added: still the same text.
    copy = replace(
        docs.MANUAL,
        page_id=30,
        title="Příručka pro sociální pracovníky obcí (kopie)",
        url="/cs/metodiky/prirucka-2/",
        body=docs.MANUAL.body + " Aktualizováno v roce 2024.",
    )
    backend.index_pages(docs.indexed([docs.MANUAL, copy, docs.LANGUAGE_COURSES]))

    results = search(backend, "příručka pro sociální pracovníky")

    copies = [hit for hit in results.hits if hit.page_id in (docs.MANUAL.page_id, copy.page_id)]
    assert len(copies) == 1
    other = copy if copies[0].page_id == docs.MANUAL.page_id else docs.MANUAL
    assert [link.url for link in copies[0].copies] == [other.url]


def test_pages_on_one_topic_are_not_taken_for_copies(loaded):
    results = search(loaded, "kurzy češtiny")
    assert all(not hit.copies for hit in results.hits)
    assert len(results.hits) == len({hit.page_id for hit in results.hits}) >= 2


def test_inflected_forms_find_each_other(loaded):
    # The page writes "cizincům" and "cizinců"; the query uses yet other forms.
    assert docs.LIBEREC_CENTRE.page_id in page_ids(search(loaded, "cizinec Liberec"))
    assert docs.LANGUAGE_COURSES.page_id in page_ids(search(loaded, "kurz češtiny pro cizince"))


def test_abbreviation_finds_the_long_form_and_back(loaded):
    assert docs.MANUAL.page_id in page_ids(search(loaded, "OSP"))
    assert docs.PRAGUE_COUNSELLING.page_id in page_ids(
        search(loaded, "odborné sociální poradenství")
    )


def test_short_abbreviation_only_in_capitals(loaded):
    # "DO" is temporary protection; "do" is a preposition and must not drag in those pages.
    assert docs.MANUAL.page_id in page_ids(search(loaded, "DO"))
    assert docs.MANUAL.page_id not in page_ids(search(loaded, "do"))


def test_editor_synonym_applies_on_next_search(loaded):
    text = "lektoři večerní tlumočnická služba"
    [before] = [hit for hit in search(loaded, text).hits if hit.page_id == docs.LANGUAGE_COURSES.page_id]
    assert "služba" in before.missing
    rule = SynonymRule.objects.create(language="cs", terms="tlumočnická služba\nkomunitní tlumočení")
    results = search(loaded, text)
    assert page_ids(results) == [docs.LANGUAGE_COURSES.page_id] and not results.partial
    rule.delete()
    assert search(loaded, text).partial


def test_title_beats_body(loaded):
    ranked = page_ids(search(loaded, "tlumočníci"))
    assert ranked[0] == docs.LANGUAGE_COURSES.page_id
    assert docs.ANNUAL_REPORT.page_id in ranked


def test_exact_phrase_beats_scattered_words(loaded):
    ranked = page_ids(search(loaded, "domácí násilí"))
    assert ranked.index(docs.VIOLENCE_PHRASE.page_id) < ranked.index(
        docs.VIOLENCE_SCATTERED.page_id
    )


def test_typos_still_find_but_rank_below_exact(loaded):
    assert page_ids(search(loaded, "tlumocnici v jihlave"))[:1] == [docs.LANGUAGE_COURSES.page_id]
    assert docs.LIBEREC_CENTRE.page_id in page_ids(search(loaded, "integarce cizincu"))
    ranked = page_ids(search(loaded, "metodika"))
    assert set(ranked[:2]) == {docs.VIOLENCE_PHRASE.page_id, docs.VIOLENCE_SCATTERED.page_id}


def test_a_known_word_is_never_expanded_to_near_spellings(backend):
    right_word = docs.manual_page(30, "Nabídka pro rodiče", "Pořádáme kurzy pro rodiče.")
    near_word = docs.manual_page(31, "Kurty pro rodiče", "Sportovní areál pro rodiče.")
    backend.index_pages(docs.indexed([right_word, near_word]))
    # "kurzy" is a word the index knows: "Kurty" is another word, not a typo of it.
    assert page_ids(search(backend, "kurzy")) == [30]
    # A word it does not know is read as its nearest spelling.
    assert page_ids(search(backend, "kurzzy")) == [30]


def test_pages_with_every_word_come_first_and_others_say_what_they_miss(loaded):
    # No page has all three words: pages with two of them are shown, the missing word named.
    results = search(loaded, "bezpečnostní plán Liberec")
    assert results.partial and results.total >= 2
    first = results.hits[0]
    assert first.page_id in (docs.VIOLENCE_PHRASE.page_id, docs.VIOLENCE_SCATTERED.page_id)
    assert first.missing == ("Liberec",)
    liberec = next(hit for hit in results.hits if hit.page_id == docs.LIBEREC_CENTRE.page_id)
    assert set(liberec.missing) == {"bezpečnostní", "plán"}
    assert results.hits.index(liberec) > 0


def test_enough_pages_with_every_word_hide_partial_matches(backend):
    pages = [
        docs.manual_page(40 + number, f"Kurzy češtiny {number}")
        for number in range(5)
    ]
    backend.index_pages(docs.indexed([*pages, docs.LANGUAGE_COURSES]))
    results = search(backend, "kurzy češtiny zdarma")
    assert results.partial  # nothing says "zdarma"
    strict = search(backend, "kurzy češtiny")
    assert not strict.partial and strict.total == 6


def test_fillers_never_block_a_match(loaded):
    for text in ("kde najdu tlumočníky", "potřebuji tlumočníky", "jak můžu najít tlumočníky"):
        results = search(loaded, text)
        assert page_ids(results)[:1] == [docs.LANGUAGE_COURSES.page_id], text
        assert not results.partial
    assert page_ids(search(loaded, "де курси", locale="uk")) == [docs.UKRAINIAN_COURSES.page_id]


def test_a_word_nobody_wrote_is_struck_not_a_dead_end(loaded):
    results = search(loaded, "tlumočníci xylofon")
    assert results.partial
    assert results.hits[0].page_id == docs.LANGUAGE_COURSES.page_id
    assert results.hits[0].missing == ("xylofon",)
    assert search(loaded, "xylofon").total == 0


def test_misspelt_inflected_forms_find_the_word(loaded):
    results = search(loaded, "poradentsvím")
    assert docs.MANUAL.page_id in page_ids(results)
    assert results.suggestion == "poradenství"


def test_did_you_mean_only_for_words_the_index_does_not_know(loaded):
    # "bezpecnostni" is "bezpečnostní" without diacritics: known, never corrected.
    assert search(loaded, "metodikka bezpecnostni").suggestion == "metodika bezpecnostni"
    assert search(loaded, "domaci nasili").suggestion is None
    assert search(loaded, "bezpečnostní plán").suggestion is None
    # A form the lemmatiser does not know is not a typo either.
    assert search(loaded, "krizovou").suggestion is None


def test_did_you_mean_keeps_capitals_and_the_other_words_as_typed(backend):
    protection = replace(
        docs.MANUAL, page_id=80, body="Dočasná ochrana platí rok; držitelé dočasné ochrany mají nárok na kurzy."
    )
    backend.index_pages(docs.indexed([protection, docs.VIOLENCE_PHRASE]))
    assert search(backend, "Metodikka pro krizové situace").suggestion == "Metodika pro krizové situace"
    results = search(backend, "dočasná ochrna")
    assert results.suggestion == "dočasná ochrana"
    assert page_ids(results) == [80]
    assert search(backend, "Dočasná OCHRNA").suggestion == "Dočasná OCHRANA"


def test_labels_of_the_page_are_found_with_passage_words(backend):
    housing = docs.manual_page(50, "Kam odkázat rodinu", "Sociální pracovník doporučí ubytovnu nebo azylový dům.", labels="Bydlení\nЖитло\nHousing")
    backend.index_pages(docs.indexed([housing, docs.MANUAL]))
    for text in ("bydlení", "bydleni", "housing", "житло", "bydlení rodinu", "azylový dům bydlení"):
        assert page_ids(search(backend, text))[:1] == [50], text


def test_filters_and_facet_counts(loaded):
    everything = search(loaded, "")
    assert everything.total == 7  # browse: every Czech page, no Ukrainian ones
    assert dict(everything.facets["type"]) == {
        "manual": 3,
        "organisation": 2,
        "good_practice": 1,
        "goals": 1,
    }
    assert dict(everything.facets["region"])["praha"] == 3

    manuals_in_prague = search(loaded, "", filters={"type": ["manual"], "region": ["praha"]})
    assert sorted(page_ids(manuals_in_prague)) == [
        docs.VIOLENCE_PHRASE.page_id,
        docs.VIOLENCE_SCATTERED.page_id,
    ]
    assert dict(manuals_in_prague.facets["year"]) == {"2022": 2}

    either_region = search(loaded, "cizinci", filters={"region": ["praha", "liberecky"]})
    assert set(page_ids(either_region)) <= {1, 3, 4, 5, 7}
    assert docs.LIBEREC_CENTRE.page_id in page_ids(either_region)


def test_browse_lists_newest_first_with_pagination(loaded):
    first = search(loaded, "", per_page=3)
    second = search(loaded, "", per_page=3, page=2)
    assert page_ids(first) == [
        docs.LIBEREC_CENTRE.page_id,
        docs.LANGUAGE_COURSES.page_id,
        docs.ANNUAL_REPORT.page_id,
    ]
    assert len(second.hits) == 3 and not set(page_ids(first)) & set(page_ids(second))


def test_locales_are_isolated(loaded):
    assert page_ids(search(loaded, "курси", locale="uk")) == [docs.UKRAINIAN_COURSES.page_id]
    czech = search(loaded, "kurzy")
    assert czech.total and all(hit.locale == "cs" for hit in czech.hits)


def test_a_ukrainian_question_on_the_czech_site_is_answered_in_ukrainian(loaded):
    results = search(loaded, "курси")
    assert results.query_language == "uk" and results.query.locale == "cs"
    assert page_ids(results) == [docs.UKRAINIAN_COURSES.page_id]
    assert results.hits[0].cross_lingual


def test_no_match_in_ukrainian_falls_back_to_czech(loaded):
    results = search(loaded, "domácí násilí", locale="uk")
    assert results.fallback_locale == "cs"
    assert results.query.locale == "uk"
    assert docs.VIOLENCE_PHRASE.page_id in page_ids(results)
    assert all(hit.locale == "cs" for hit in results.hits)


def test_a_town_typed_in_cyrillic_finds_the_czech_page_that_names_it(loaded):
    # The Ukrainian page holds "курси" too; only the Czech one is about Jihlava.
    ukrainian = search(loaded, "курси у Їглаві", locale="uk")
    assert docs.LANGUAGE_COURSES.page_id in page_ids(ukrainian)
    assert docs.LIBEREC_CENTRE.page_id in page_ids(search(loaded, "центр у Ліберці"))


def test_excerpts_mark_matches_and_escape_the_rest(loaded):
    results = search(loaded, "pilotni projekt")
    [hit] = results.hits
    assert "<mark>Pilotní</mark> <mark>projekt</mark>" in hit.excerpt
    assert "&lt;" in hit.excerpt and "&amp;" in hit.excerpt and "<Pilotní" not in hit.excerpt

    [hit] = search(loaded, "OSP", filters={"type": ["manual"]}).hits
    assert "<mark>odborné</mark> <mark>sociální</mark> <mark>poradenství</mark>" in hit.excerpt


def test_a_long_page_links_to_the_section_that_answers(backend):
    filler = " ".join(["Obecný úvod do integrace cizinců v obcích a krajích."] * 60)
    manual = replace(
        docs.MANUAL,
        page_id=60,
        title="Manuál lokální integrace",
        summary="Souhrnný manuál pro úředníky.",
        body=filler,
        sections=(
            ("financovani", "Financování", filler + " Dotace ministerstva na tlumočení pokryje náklady obce."),
            ("bydleni", "Bydlení", "Azylové domy a ubytovny přijímají rodiny s dětmi. " + filler),
            ("skoly", "Školy", "Žáci s odlišným mateřským jazykem a azylové domy. " + filler),
        ),
    )
    backend.index_pages(docs.indexed([manual]))
    [hit] = search(backend, "azylové domy rodiny").hits
    assert (hit.passage.anchor, hit.passage.heading) == ("bydleni", ("Bydlení",))
    assert hit.passage.url == f"{manual.url}#bydleni"
    assert "<mark>Azylové</mark> <mark>domy</mark>" in hit.excerpt
    # The other section that mentions the words is offered too, by name.
    assert hit.more_count == 1 and hit.more_passages[0].anchor == "skoly"
    # The excerpt comes from the answering section, not the start of the page.
    [hit] = search(backend, "dotace tlumočení").hits
    assert hit.passage.anchor == "financovani" and "<mark>Dotace</mark>" in hit.excerpt
    # Words only in the title: the result points at the top of the page.
    [hit] = search(backend, "manuál lokální integrace").hits
    assert hit.passage.anchor == "" and hit.passage.url == manual.url


def test_results_count_pages_not_passages(backend):
    long_text = " ".join(["Kurzy češtiny pro dospělé cizince pořádá centrum každý týden."] * 120)
    manual = docs.manual_page(70, "Kurzy", long_text)
    backend.index_pages(docs.indexed([manual, docs.LANGUAGE_COURSES]))
    assert len(manual.indexed().passages) > 2
    results = search(backend, "kurzy češtiny")
    assert results.total == 2 and len(results.hits) == 2
    assert dict(results.facets["type"]) == {"manual": 1, "good_practice": 1}


@pytest.mark.parametrize(
    "text",
    ['title:(x) OR "', "AND OR NOT", "NEAR(a b)", '"unclosed', "a" * 10_000],
    ids=lambda text: text[:20],
)
def test_query_syntax_is_just_text(loaded, text):
    assert search(loaded, text).total == 0


@pytest.mark.parametrize("text", ["*", "\\", "{}[]()~^:!/", "\x00\t\n", "   "])
def test_query_without_words_browses(loaded, text):
    assert search(loaded, text).total == 7


def test_query_syntax_around_real_words_is_ignored(loaded):
    assert page_ids(search(loaded, '+"Tlumočníci" -(Jihlavě)*'))[:1] == [
        docs.LANGUAGE_COURSES.page_id
    ]


def test_huge_query_is_capped(loaded, settings):
    # Words past SEARCH_MAX_QUERY_LENGTH are dropped, so the unknown word at the end cannot spoil the match.
    text = "kurzy češtiny" + " " * settings.SEARCH_MAX_QUERY_LENGTH + "zzzzzz"
    results = search(loaded, text)
    assert page_ids(results)[:1] == [docs.LANGUAGE_COURSES.page_id]
    assert all("zzzzzz" not in hit.missing for hit in results.hits)


def test_delete(loaded):
    loaded.delete_pages([docs.LANGUAGE_COURSES.page_id, 999_999])
    assert docs.LANGUAGE_COURSES.page_id not in page_ids(search(loaded, "kurzy češtiny"))
    assert search(loaded, "").total == 6


def test_reindexing_a_page_replaces_it(loaded):
    loaded.index_pages(docs.indexed([replace(docs.MANUAL, title="Vodítko pro obecní úřady")]))
    [hit] = search(loaded, "vodítko").hits
    assert (hit.page_id, hit.title) == (docs.MANUAL.page_id, "Vodítko pro obecní úřady")
    assert search(loaded, "").total == 7


def test_rebuild_swaps_the_whole_index(loaded):
    progress = []
    loaded.rebuild(docs.indexed([docs.VIOLENCE_PHRASE, docs.UKRAINIAN_COURSES]), progress=progress.append)
    assert sum(progress) == 2
    assert page_ids(search(loaded, "")) == [docs.VIOLENCE_PHRASE.page_id]
    assert search(loaded, "kurzy").total == 0


def test_autocomplete_completes_titles_without_diacritics(loaded):
    titles = [item["title"] for item in loaded.autocomplete("prirucka pro soc", "cs")]
    assert titles == [docs.MANUAL.title]
    assert [item["title"] for item in loaded.autocomplete("курс", "uk")] == [
        docs.UKRAINIAN_COURSES.title
    ]
    assert loaded.autocomplete("", "cs") == []


def index_beside_the_manual(backend, page_id, title, body):
    """A one-paragraph page (and the manual, so that it has a rival) in the index."""
    page = replace(docs.LANGUAGE_COURSES, page_id=page_id, title=title, summary="", body=body)
    backend.index_pages(docs.indexed([page, docs.MANUAL]))


@pytest.mark.parametrize("typed", ["Cheb", "v Chebu", "в Хебі"])
def test_a_town_finds_the_page_naming_its_surroundings(backend, typed):
    index_beside_the_manual(
        backend, 40, "Mongolská komunita v Karlovarském kraji",
        "Centrum spolupracuje s mongolskou komunitou na Chebsku a hledá komunitního tlumočníka.",
    )
    hit = search(backend, f"mongolská komunita {typed}").hits[0]
    assert hit.page_id == 40 and "<mark>Chebsku</mark>" in hit.excerpt


def test_a_word_the_excerpt_shows_in_a_derived_form_is_not_listed_as_missing(backend):
    index_beside_the_manual(
        backend, 41, "Operační cíle centra 2024",
        "Otevřít kontaktní místo v Rakovníku. Zmapovat dostupnost lékařské péče v okresech Kladno a Slaný.",
    )
    hit = next(hit for hit in search(backend, "lékař Kladno").hits if hit.page_id == 41)
    assert "<mark>lékařské</mark>" in hit.excerpt and hit.missing == ()


def test_a_word_a_page_writes_is_known_whatever_language_reads_it(loaded):
    # A Ukrainian question's words are also looked for as Czech: a Ukrainian form is no term of the
    # Czech analyser, but a page writes it just so, and both engines know it as it is, no typo.
    parsed = parse_query(SearchQuery(text="вечірні", locale="cs"))
    [planned] = plan_query(parsed, loaded.vocabulary(parsed)).slots
    assert planned.matchable
    assert [(correction.spelling, correction.is_typo) for correction in planned.corrections] == [("вечірні", False)]


def test_a_czech_page_holding_only_a_function_word_of_a_foreign_question_is_no_match(backend):
    # Read as Czech, Ukrainian «з» is no stop word; the leaflet's Cyrillic name holds it, and nothing else
    # of the question.
    leaflet = docs.manual_page(40, "Leták pro klienty", "Leták v ukrajinštině se jmenuje «Центр з питань».")
    backend.index_pages(docs.indexed([leaflet, docs.UKRAINIAN_COURSES]))
    results = search(backend, "семінар з картографування", locale="uk")
    assert leaflet.page_id not in page_ids(results)
