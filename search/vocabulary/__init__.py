"""What words mean: text analysis (analysis.py: folding, lemmas, stop words), synonyms, the glossary, and
the shipped rules with their commented data files (data/), loaded as editable rows (shipped.py).
"""
