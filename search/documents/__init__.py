"""What goes into an index: the schema read from the models' search_fields (schema.py), pages turned into
IndexedPages (pages.py, indexed.py), their passages and fingerprints. Both engines index the same documents.
"""
