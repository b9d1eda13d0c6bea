"""The search page and the JSON API through Django's test client, over the embedded backend."""

from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import quote_plus

import pytest
from wagtail.models import Page

from hub.taxonomy.models import Region, Topic
from search.engines.embedded import EmbeddedBackend
from search.models import SearchLogEntry
from search.query.types import AnswerBox, PassageLink
from search.web.views import answer_updated
from tests.search import sample_pages as docs
from tests.search.sample_pages import with_vectors

pytestmark = pytest.mark.django_db


def result_link(url):
    """A result's title links through the click log (search/console/clicks.py) to `url`."""
    return f"to={quote_plus(url)}"


@pytest.fixture
def index(settings, tmp_path, locales):
    settings.SEARCH_BACKEND = "embedded"
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    backend = EmbeddedBackend.from_settings()
    backend.index_pages(docs.indexed(docs.ALL))
    liberec = Region.objects.create(name="Liberecký kraj", slug="liberecky", locale=locales["cs"])
    Region.objects.create(
        name="Ліберецький край",
        slug="liberecky",
        locale=locales["uk"],
        translation_key=liberec.translation_key,
    )
    Topic.objects.create(name="Čeština pro cizince", slug="cestina", locale=locales["cs"])
    return backend


@pytest.fixture
def engine_down(settings, index):
    """Elasticsearch configured but unreachable (nothing listens on port 9)."""
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 1


def test_page_shows_ranked_highlighted_results(client, index):
    response = client.get("/cs/search/", {"q": "tlumočníci"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-live="polite"' in html
    assert html.index(docs.LANGUAGE_COURSES.title) < html.index(docs.ANNUAL_REPORT.title)
    assert "<mark>" in html
    assert result_link(docs.LANGUAGE_COURSES.url) in html


def test_page_facets_are_labelled_in_the_active_language(client, index):
    czech = client.get("/cs/search/", {"q": "cizinci"}).content.decode()
    assert "Liberecký kraj" in czech and 'name="region" value="liberecky"' in czech
    ukrainian = client.get("/uk/search/", {"q": "domácí násilí"}).content.decode()
    assert "Ліберецький край" in ukrainian


def test_page_filters_narrow_the_results(client, index):
    html = client.get(
        "/cs/search/", {"q": "", "region": "praha", "type": "manual"}
    ).content.decode()
    assert docs.VIOLENCE_PHRASE.title in html
    assert docs.PRAGUE_COUNSELLING.title not in html
    assert 'value="praha" checked' in html


def test_page_says_when_results_are_czech(client, index):
    html = client.get("/uk/search/", {"q": "domácí násilí"}).content.decode()
    assert "search-fallback" in html
    assert docs.VIOLENCE_PHRASE.title in html
    assert "search-fallback" not in client.get("/uk/search/", {"q": "курси"}).content.decode()


def test_czech_answers_among_ukrainian_results_are_badged(client, index):
    index.index_pages(docs.indexed(docs.SEMANTIC))
    html = client.get("/uk/search/", {"q": "безкоштовна юридична допомога"}).content.decode()
    assert "search-cross-lingual" in html and "search-fallback" not in html
    assert docs.LEGAL_ADVICE.title in html
    assert '<span class="search-hit__badge" lang="uk">Чеською</span>' in html


def test_empty_state_offers_a_way_on(client, index, locales):
    from hub.organisations.models import Helpline

    Helpline.objects.create(name="Linka pro cizince", phone="+420 974 801 802", show_in_footer=True, locale=locales["cs"])
    html = client.get("/cs/search/", {"q": "metodikka", "region": "vysocina", "type": "manual"}).content.decode()
    assert "empty-state" in html
    assert "?q=metodika" in html  # did you mean
    assert "Search again without filters" in html or "Hledat znovu bez filtrů" in html
    assert "?topic=cestina" in html  # popular topics
    assert "Linka pro cizince" in html and 'href="tel:+420974801802"' in html


def test_partial_matches_are_labelled_and_missing_words_struck(client, index):
    html = client.get("/cs/search/", {"q": "tlumočníci xylofon"}).content.decode()
    assert "search-partial" in html and "<s>xylofon</s>" in html
    assert "empty-state" not in html


def test_a_result_links_to_its_section_and_names_the_others(client, index):
    from dataclasses import replace

    filler = " ".join(["Obecný úvod do integrace cizinců v obcích a krajích."] * 60)
    manual = replace(
        docs.MANUAL,
        page_id=90,
        title="Manuál lokální integrace",
        body=filler,
        sections=(
            ("bydleni", "Bydlení", "Azylové domy přijímají rodiny. " + filler),
            ("skoly", "Školy", "Azylové domy a školy. " + filler),
        ),
    )
    index.index_pages(docs.indexed([manual]))
    html = client.get("/cs/search/", {"q": "azylové domy"}).content.decode()
    # The title links to the best section (through the click log), the other one waits in <details>.
    for anchor in ("bydleni", "skoly"):
        assert f'href="{manual.url}#{anchor}"' in html or result_link(f"{manual.url}#{anchor}") in html
    assert "search-hit__path" in html and "Bydlení" in html
    assert "<details" in html


def test_user_input_is_escaped(client, index):
    html = client.get("/cs/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    snippet = client.get("/cs/search/", {"q": "pilotní projekt"}).content.decode()
    assert "&lt;<mark>Pilotní</mark> <mark>projekt</mark>&gt;" in snippet


def test_page_paginates(client, index):
    index.index_pages(
        docs.indexed(replace(docs.MANUAL, page_id=100 + number, url=f"/cs/p/{number}/") for number in range(25))
    )
    first = client.get("/cs/search/", {"q": "příručka"}).content.decode()
    assert 'rel="next"' in first and 'rel="prev"' not in first
    third = client.get("/cs/search/", {"q": "příručka", "page": 3}).content.decode()
    assert 'rel="prev"' in third and 'rel="next"' not in third
    assert 'start="21"' in third


def test_page_bad_parameters_are_a_clear_400(client, index):
    response = client.get("/cs/search/", {"q": "x", "page": "abc"})
    assert response.status_code == 400
    assert "page" in response.content.decode()


def test_page_answers_from_the_embedded_index_while_elasticsearch_is_down(client, engine_down):
    response = client.get("/cs/search/", {"q": "tlumočníci"})
    assert response.status_code == 200
    assert docs.LANGUAGE_COURSES.title in response.content.decode()


def test_page_explains_when_no_engine_answers(client, engine_down, settings, tmp_path):
    settings.SEARCH_EMBEDDED_PATH = tmp_path  # a directory: SQLite cannot open it
    response = client.get("/cs/search/", {"q": "tlumočníci"})
    assert response.status_code == 503
    assert 'role="alert"' in response.content.decode()


def test_api_returns_the_documented_shape(client, index):
    data = client.get("/api/search/", {"q": "tlumočníci", "lang": "cs"}).json()
    assert set(data) >= {"query", "total", "results", "facets", "suggestion"}
    assert data["query"] == "tlumočníci"
    first = data["results"][0]
    assert set(first) == {
        "title", "url", "snippet", "type", "locale", "score",
        "passage", "more_passages", "more_count", "missing_words", "translation_url", "related", "cross_lingual",
        "also_published_as", "last_checked", "check_by",
    }
    assert data["answer"] is None  # a lookup of one word, not a question
    assert data["query_language"] is None
    assert (first["related"], first["cross_lingual"]) == (False, False)
    assert first["passage"] == {"heading": "", "anchor": "", "url": docs.LANGUAGE_COURSES.url}
    assert data["partial"] is False
    assert (first["title"], first["type"], first["locale"]) == (
        docs.LANGUAGE_COURSES.title,
        "good_practice",
        "cs",
    )
    assert {"value": "vysocina", "label": "vysocina", "count": 2} in data["facets"]["region"]


def test_api_filters_pages_and_languages(client, index):
    data = client.get(
        "/api/search/", {"q": "", "lang": "cs", "region": ["praha", "liberecky"], "type": "manual"}
    ).json()
    assert sorted(result["url"] for result in data["results"]) == sorted(
        [docs.MANUAL.url, docs.VIOLENCE_PHRASE.url, docs.VIOLENCE_SCATTERED.url]
    )
    labels = {item["value"]: item["label"] for item in data["facets"]["region"]}
    assert labels == {"praha": "praha", "liberecky": "Liberecký kraj"}
    ukrainian = client.get("/api/search/", {"q": "курси", "lang": "uk"}).json()
    assert [result["locale"] for result in ukrainian["results"]] == ["uk"]
    fallback = client.get("/api/search/", {"q": "domácí násilí", "lang": "en"}).json()
    assert fallback["fallback_locale"] == "cs" and fallback["total"] >= 2


@pytest.mark.parametrize(
    "params",
    [
        {"lang": "de"},
        {"page": "abc"},
        {"page": "0"},
        {"page": "1000"},
        {"year": "last"},
        {"lang": "cs", "page": "-1"},
    ],
)
def test_api_bad_parameters_are_400_with_a_message(client, index, params):
    response = client.get("/api/search/", {"q": "kurzy", **params})
    assert response.status_code == 400
    assert response.json()["error"]


def test_api_is_503_when_no_engine_answers(client, engine_down, settings, tmp_path):
    settings.SEARCH_EMBEDDED_PATH = tmp_path
    response = client.get("/api/search/", {"q": "kurzy"})
    assert response.status_code == 503
    assert "unavailable" in response.json()["error"]
    assert client.get("/api/search/autocomplete/", {"q": "kur"}).status_code == 503


def test_autocomplete(client, index):
    data = client.get("/api/search/autocomplete/", {"q": "tlumocnici a k", "lang": "cs"}).json()
    assert data["results"] == [
        {"title": docs.LANGUAGE_COURSES.title, "url": docs.LANGUAGE_COURSES.url}
    ]
    assert client.get("/api/search/autocomplete/", {"q": "", "lang": "cs"}).json()["results"] == []
    assert client.get("/api/search/autocomplete/", {"q": "kur", "lang": "xx"}).status_code == 400


def test_a_czech_answer_links_to_its_translation_in_the_readers_language(client, settings, tmp_path, locales):
    from hub.manuals.models import ManualPage
    from search.documents.pages import iter_indexed_pages
    from tests.search.conftest import build_content_tree

    settings.SEARCH_BACKEND = "embedded"
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "translations.sqlite3"
    tree = build_content_tree()
    czech = tree.manuals.add_child(
        instance=ManualPage(title="Intervenční centrum", slug="intervencni-centrum", summary="Pomoc obětem domácího násilí.")
    )
    tree.home.copy_for_translation(locales["uk"]).save_revision().publish()
    tree.manuals.copy_for_translation(locales["uk"]).save_revision().publish()
    ukrainian = czech.copy_for_translation(locales["uk"])
    ukrainian.title, ukrainian.summary = "Кризовий центр", "Допомога постраждалим."
    ukrainian.save_revision().publish()
    EmbeddedBackend.from_settings().rebuild(iter_indexed_pages())

    data = client.get("/api/search/", {"q": "domácí násilí", "lang": "uk"}).json()

    [result] = data["results"]
    assert data["fallback_locale"] == "cs" and result["locale"] == "cs"
    assert result["translation_url"] == ukrainian.get_url()
    html = client.get("/uk/search/", {"q": "domácí násilí"}).content.decode()
    assert f'href="{ukrainian.get_url()}"' in html


def test_nonsense_says_nothing_matched_and_labels_the_few_pages_maybe_related(client, index, semantic):
    index.index_pages(with_vectors(docs.indexed(docs.ALL), semantic))
    html = client.get("/uk/search/", {"q": "xqzvw"}).content.decode()
    assert 'class="callout search-weak"' in html
    assert "Можливо, пов’язане" in html and "Схоже за змістом" not in html
    found = client.get("/api/search/", {"q": "xqzvw", "lang": "cs"}).json()
    assert found["weak"] is True and 0 < len(found["results"]) <= 3
    assert [entry.results for entry in SearchLogEntry.objects.all()] == [0, 0]  # the console: without results


def test_mostly_unknown_words_are_named_and_the_pages_labelled_maybe_related(client, index, semantic):
    index.index_pages(with_vectors(docs.indexed(docs.ALL), semantic))
    html = client.get("/cs/search/", {"q": "lorem ipsum tlumočníci dolor amet"}).content.decode()
    assert "Většina vašich slov (lorem, ipsum, amet) není na žádné stránce" in html
    assert "Možná souvisí" in html
    found = client.get("/api/search/", {"q": "lorem ipsum tlumočníci dolor amet", "lang": "en"}).json()
    assert found["weak"] is True and found["unknown_words"] == ["lorem", "ipsum", "amet"]


def test_a_russian_question_says_it_was_answered_by_meaning_and_keeps_the_interface(client, index, semantic):
    index.index_pages(with_vectors(docs.indexed(docs.ALL + docs.SEMANTIC), semantic))
    html = client.get("/uk/search/", {"q": "как найти бесплатную юридическую консультацию"}).content.decode()
    assert 'class="callout search-query-language"' in html and "(Російська)" in html
    assert '<html lang="uk"' in html
    assert docs.LEGAL_ADVICE.title in html


def test_a_clear_question_is_answered_by_a_quote_above_the_list(client, index, semantic):
    index.index_pages(with_vectors(docs.indexed(docs.ALL + docs.SEMANTIC), semantic))
    question = "jak škola podpoří žáky z Ukrajiny"

    html = client.get("/cs/search/", {"q": question}).content.decode()

    start = html.index('<aside class="search-answer"')
    box = html[start : html.index("</aside>", start)]
    assert "Pravděpodobná odpověď" in box
    assert f'href="{docs.SCHOOL_INCLUSION.url}' in box and docs.SCHOOL_INCLUSION.title in box
    assert html.index('class="search-answer"') < html.index('class="search-hits"')
    found = client.get("/api/search/", {"q": question, "lang": "cs"}).json()["answer"]
    assert set(found) == {"quote", "title", "passage", "locale", "updated", "confidence"}
    assert found["title"] == docs.SCHOOL_INCLUSION.title and found["passage"]["url"].startswith(docs.SCHOOL_INCLUSION.url)
    assert found["updated"] is None  # the sample pages are not in the database


def test_the_answer_box_names_when_the_page_was_last_updated(content_tree):
    page = content_tree.organisation
    published = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
    Page.objects.filter(pk=page.pk).update(last_published_at=published)
    box = AnswerBox("…", page.pk, page.title, PassageLink((), "", page.url), "cs", 0.02)
    assert answer_updated(box) == published
