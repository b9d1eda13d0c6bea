"""The Elasticsearch engine: the index as code (index.py), the query compiler (query.py), the vector field
and kNN (vectors.py), and the engine that joins them (engine.py)."""

from search.engines.elasticsearch.engine import ElasticsearchBackend

__all__ = ["ElasticsearchBackend"]
