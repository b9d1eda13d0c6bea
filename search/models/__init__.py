from search.models.embeddings import EmbeddingTask, PassageEmbedding
from search.models.outbox import IndexCursor, IndexUpdate
from search.models.synonyms import GlossaryConcept, SynonymRule

__all__ = ["EmbeddingTask", "GlossaryConcept", "IndexCursor", "IndexUpdate", "PassageEmbedding", "SynonymRule"]
