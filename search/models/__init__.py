from search.models.embeddings import PassageEmbedding
from search.models.outbox import IndexUpdate
from search.models.synonyms import GlossaryConcept, SynonymRule

__all__ = ["GlossaryConcept", "IndexUpdate", "PassageEmbedding", "SynonymRule"]
