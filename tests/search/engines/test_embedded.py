"""What only the embedded backend has to prove: its own file, atomic swaps, concurrent readers."""

import threading
from dataclasses import replace

import pytest

from search.engines.embedded import EmbeddedBackend
from search.engines.embedded.store import FTS_TABLES
from search.query.matching import plan_query
from search.query.parsing import parse_query
from search.query.pipeline import answer
from search.query.types import SearchQuery
from tests.search import sample_pages as docs

pytestmark = pytest.mark.django_db


def many(count, start=1000):
    return docs.indexed(
        replace(docs.MANUAL, page_id=start + number, url=f"/cs/p/{number}/") for number in range(count)
    )


def total(backend, text=""):
    return answer(backend, SearchQuery(text=text)).total


def test_index_lives_in_its_own_file(tmp_path):
    path = tmp_path / "nested" / "search.sqlite3"
    EmbeddedBackend(path=path).index_pages(docs.indexed([docs.MANUAL]))
    assert path.is_file()
    assert total(EmbeddedBackend(path=path)) == 1


def test_it_is_ranked_full_text_not_substring_matching(embedded_backend):
    embedded_backend.index_pages(docs.indexed(docs.ALL))
    # "očník" is inside "tlumočník" but is no word, lemma or near spelling of one.
    assert total(embedded_backend, "očník") == 0
    scores = [hit.score for hit in answer(embedded_backend, SearchQuery(text="tlumočníci")).hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_a_passage_matches_its_own_words_and_its_pages_together(embedded_backend):
    # "ubytovnu" is in one passage's text, "rodinu" in the page's title only.
    page = replace(
        docs.MANUAL,
        page_id=60,
        title="Kam odkázat rodinu",
        summary="",
        body="Kontakty na krajské centrum.",
        sections=(("ubytovani", "Ubytování", "Sociální pracovník doporučí ubytovnu v kraji."),),
    )
    elsewhere = replace(docs.MANUAL, page_id=61, url="/cs/p/61/", title="Jiná příručka", summary="", body="Ubytovnu hledejte v kraji.")
    embedded_backend.index_pages(docs.indexed([page, elsewhere]))
    parsed = parse_query(SearchQuery(text="rodinu ubytovnu"))
    plan = plan_query(parsed, embedded_backend.vocabulary(parsed))
    every_word = plan.levels()[0]
    matched = embedded_backend.retrieve(plan, every_word, 50)
    assert [(c.page_id, c.slots, c.own, c.page_slots) for c in matched.candidates] == [
        (60, frozenset({0, 1}), True, frozenset({0}))
    ]
    assert matched.total == 1


def test_readers_see_the_old_or_the_new_index_during_a_rebuild(embedded_backend):
    embedded_backend.index_pages(many(50))
    seen, errors = set(), []
    stop = threading.Event()

    def read():
        reader = EmbeddedBackend(path=embedded_backend.path)
        while not stop.is_set():
            try:
                seen.add(total(reader))
            except Exception as error:  # noqa: BLE001 - any failure is what this test looks for
                errors.append(error)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        embedded_backend.rebuild(many(300, start=5000))
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert not errors
    assert seen <= {50, 300}
    assert total(embedded_backend) == 300


def test_another_process_sees_a_rebuild(embedded_backend):
    other = EmbeddedBackend(path=embedded_backend.path)
    embedded_backend.index_pages(docs.indexed([docs.MANUAL]))
    assert total(other) == 1
    embedded_backend.rebuild(docs.indexed([docs.LANGUAGE_COURSES, docs.LIBEREC_CENTRE]))
    assert total(other) == 2


def test_a_failed_rebuild_keeps_the_old_index_and_no_temporary_files(embedded_backend):
    embedded_backend.index_pages(docs.indexed([docs.MANUAL]))

    def broken():
        yield docs.LANGUAGE_COURSES.indexed()
        raise RuntimeError("page serialisation failed")

    with pytest.raises(RuntimeError):
        embedded_backend.rebuild(broken())
    assert total(embedded_backend) == 1
    assert sorted(path.name for path in embedded_backend.path.parent.iterdir()) == [
        "search.sqlite3"
    ]


def test_concurrent_writes_and_searches(embedded_backend):
    errors = []

    def write(start):
        try:
            for batch in range(5):
                embedded_backend.index_pages(many(10, start=start + batch * 10))
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    def read():
        try:
            for _ in range(20):
                total(embedded_backend, "příručka")
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n * 1000,)) for n in range(1, 4)]
    threads += [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert total(embedded_backend) == 150


def test_spellings_come_from_the_index_vocabulary_with_or_without_diacritics(embedded_backend):
    embedded_backend.index_pages(docs.indexed(docs.ALL))
    connection = embedded_backend._connection()
    assert "tlumočníci" in dict(embedded_backend._spellings(connection, "tlumocnyci"))
    assert "češtiny" in dict(embedded_backend._spellings(connection, "cestiny"))
    assert embedded_backend._spellings(connection, "xyz") == []


def test_spelling_counts_follow_the_pages_written_and_removed(embedded_backend):
    embedded_backend.index_pages(docs.indexed(docs.ALL))
    connection = embedded_backend._connection()
    # The same counts the FTS5 vocabulary gives: rows holding the word, per raw column.
    vocabulary = dict(
        connection.execute(
            "SELECT term, sum(rows) FROM ("
            " SELECT term, sum(doc) AS rows FROM vocabulary WHERE col IN ('heading', 'text', 'attachment') GROUP BY term"
            " UNION ALL SELECT term, sum(doc) FROM page_text_vocabulary"
            " WHERE col IN ('title', 'lead', 'labels', 'facts') GROUP BY term)"
            " GROUP BY term"
        ).fetchall()
    )
    assert dict(connection.execute("SELECT word, rows FROM passage_words").fetchall()) == vocabulary
    embedded_backend.index_pages(docs.indexed([docs.MANUAL]))  # written again: counted once
    assert dict(connection.execute("SELECT word, rows FROM passage_words").fetchall()) == vocabulary
    embedded_backend.delete_pages([page.page_id for page in docs.ALL])
    assert connection.execute("SELECT count(*) FROM passage_words").fetchone()[0] == 0
    assert embedded_backend._spellings(connection, "cestiny") == []


def test_a_rebuilt_index_reads_each_word_from_one_segment(embedded_backend):
    # Written page by page, each full-text table holds several segments, and FTS5 seeks a word in each.
    for page in docs.indexed(docs.ALL):
        embedded_backend.index_pages([page])
    connection = embedded_backend._connection()
    assert connection.execute("SELECT count(DISTINCT segid) FROM fts_idx").fetchone()[0] > 1
    embedded_backend.rebuild(docs.indexed(docs.ALL))
    connection = embedded_backend._connection()
    for table in FTS_TABLES:
        assert connection.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0] == 1


def test_an_index_file_of_another_layout_asks_for_a_rebuild(embedded_backend):
    from search.engines.base import SearchUnavailable

    embedded_backend.index_pages(docs.indexed([docs.MANUAL]))
    with embedded_backend._connection() as connection:
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'layout'")
    with pytest.raises(SearchUnavailable, match="rebuild_search_index"):
        answer(embedded_backend, SearchQuery(text="kurzy"))
    embedded_backend.rebuild(docs.indexed([docs.MANUAL]))
    assert total(embedded_backend) == 1


def test_unreadable_index_is_reported_as_unavailable(tmp_path):
    from search.engines.base import SearchUnavailable

    backend = EmbeddedBackend(path=tmp_path)  # a directory, not a database
    assert not backend.is_available()
    with pytest.raises(SearchUnavailable):
        answer(backend, SearchQuery(text="kurzy"))
