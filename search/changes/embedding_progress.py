"""How far meaning search has got: the share of indexed passages that have a vector, and the time
left at the pace of the last minutes (the admin dashboard shows both while the worker embeds)."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from search.engines import get_search_backend
from search.engines.base import SearchUnavailable
from search.models import PassageEmbedding
from search.vectors.embedding import get_embedder

# The pace is what the model embedded in this window: long enough to smooth a batch, short enough
# to follow a worker that was stopped or started.
RECENT = timedelta(minutes=10)


@dataclass(frozen=True)
class EmbeddingProgress:
    passages: int
    embedded: int
    seconds_left: float | None  # None while nothing was embedded lately (no worker running)

    @property
    def percent(self):
        return int(100 * self.embedded / self.passages) if self.passages else 100

    @property
    def complete(self):
        return self.embedded >= self.passages


def embedding_progress(backend=None):
    """The EmbeddingProgress of the live index, or None when meaning search is off or the engine
    cannot tell (down, or it stores no vectors)."""
    embedder = get_embedder()
    if embedder is None:
        return None
    backend = backend or get_search_backend()
    try:
        coverage = backend.vector_coverage()
    except SearchUnavailable:
        return None
    if coverage is None:
        return None
    passages, embedded = coverage
    recent = PassageEmbedding.objects.filter(
        model_name=embedder.model_name, created_at__gte=timezone.now() - RECENT
    ).count()
    pace = recent / RECENT.total_seconds()
    seconds_left = (passages - embedded) / pace if pace and passages > embedded else None
    return EmbeddingProgress(passages=passages, embedded=embedded, seconds_left=seconds_left)
