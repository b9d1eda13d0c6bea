from search.models.alerts import AlertThrottle, Subscription, SubstantialChange
from search.models.console import (
    AutocompleteDay,
    PromotedResult,
    RelevanceCheck,
    SearchClick,
    SearchLogEntry,
    SearchQueryDay,
)
from search.models.embeddings import EmbeddingTask, PassageEmbedding
from search.models.outbox import IndexCursor, IndexUpdate
from search.models.synonyms import GlossaryConcept, SynonymRule

__all__ = [
    "AlertThrottle",
    "AutocompleteDay",
    "EmbeddingTask",
    "GlossaryConcept",
    "IndexCursor",
    "IndexUpdate",
    "PassageEmbedding",
    "PromotedResult",
    "RelevanceCheck",
    "SearchClick",
    "SearchLogEntry",
    "SearchQueryDay",
    "Subscription",
    "SubstantialChange",
    "SynonymRule",
]
