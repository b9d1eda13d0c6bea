"""Overrides of Django's locale formats where Rozcestník's readers expect something else.

Only the differing settings are defined; Django falls back to its own locale formats for the rest.
"""
