from search.models.embeddings import PassageEmbedding
from search.models.outbox import IndexCursor, IndexUpdate
from search.models.synonyms import GlossaryConcept, SynonymRule

__all__ = ["GlossaryConcept", "IndexCursor", "IndexUpdate", "PassageEmbedding", "SynonymRule"]
