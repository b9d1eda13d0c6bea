from search.models.attachments import AttachmentText
from search.models.outbox import IndexCursor, IndexUpdate
from search.models.synonyms import SynonymRule

__all__ = ["AttachmentText", "IndexCursor", "IndexUpdate", "SynonymRule"]
