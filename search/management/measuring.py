"""What the measuring commands share: the queries readers type, and percentiles.

The same fixed mix drives the search benchmark (engines side by side) and the load test (a running
hub under many readers), so their numbers speak about the same searches.
"""

# What readers type, by the work each asks of the engines: one common word, a long question in a social
# worker's words (relaxed matching over many words), a typo the index has to correct, and the field's
# everyday forms (no diacritics, abbreviations, phrases).
QUERY_CLASSES = {
    "one word": ["tlumočníci", "CPIC", "bydlení", "dotace", "integrace", "kurzy"],
    "long question": [
        "kde najdu kurzy češtiny pro rodiny s dětmi v kraji",
        "jak získat dotaci ministerstva vnitra na integraci cizinců v obci",
        "co dělat když klient s dočasnou ochranou ztratí ubytování",
        "potřebuji tlumočníka do ukrajinštiny na jednání s úřadem práce",
    ],
    "rare typo": ["poradentsvím", "psychohygienna", "nájemní agentůra", "interkultruní pracovníci"],
    "everyday": ["domaci nasili", "OSP", "dočasná ochrana", "zamestnani cizincu", "síťování aktérů"],
}
READER_QUERIES = [text for texts in QUERY_CLASSES.values() for text in texts]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * fraction), len(ordered) - 1)]
