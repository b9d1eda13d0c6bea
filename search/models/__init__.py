from search.models.outbox import IndexUpdate
from search.models.synonyms import SynonymRule

__all__ = ["IndexUpdate", "SynonymRule"]
