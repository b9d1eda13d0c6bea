"""What the measuring commands share: the queries readers type, and percentiles.

The same fixed mix drives the search benchmark (engines side by side) and the load test (a running
hub under many readers), so their numbers speak about the same searches.
"""

# What readers type (docs/search-relevance.md): diacritics or not, abbreviations, phrases, a typo.
READER_QUERIES = [
    "domaci nasili",
    "kurzy češtiny pro cizince",
    "CPIC",
    "OSP",
    "sociální pracovník",
    "dočasná ochrana",
    "tlumočníci",
    "integrace cizinců v obcích",
    "prirucka",
    "zamestnani cizincu",
    "neziskové organizace kraj",
    "síťování aktérů",
    "metodikka",
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * fraction), len(ordered) - 1)]
