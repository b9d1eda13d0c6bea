"""Answering a query, the same on every engine: parsing, the matching plan, the pipeline that asks an engine
(pipeline.py), ranking, fusion and excerpts. types.py holds what engines build and the pipeline returns.
"""
