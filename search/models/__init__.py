from search.models.attachments import AttachmentText
from search.models.embeddings import PassageEmbedding
from search.models.outbox import IndexUpdate
from search.models.synonyms import SynonymRule

__all__ = ["AttachmentText", "IndexUpdate", "PassageEmbedding", "SynonymRule"]
