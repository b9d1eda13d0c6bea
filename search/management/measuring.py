"""What the measuring commands share: the queries readers type, timing them, and percentiles.

The same fixed mix drives the search benchmark (engines side by side) and the load test (a running
hub under many readers), so their numbers speak about the same searches.
"""

import time

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


def time_reader_queries(client, rounds, on_class=None):
    """{query class: [seconds per request]} of the JSON API answering every QUERY_CLASSES query `rounds`
    times, after one warm-up pass (caches, connections, lemmatiser, query vectors); `on_class(name)` is
    called before each class is timed."""
    for texts in QUERY_CLASSES.values():
        for text in texts:
            client.get("/api/search/", {"q": text, "lang": "cs"})
    latencies = {name: [] for name in QUERY_CLASSES}
    for _ in range(rounds):
        for name, texts in QUERY_CLASSES.items():
            if on_class is not None:
                on_class(name)
            for text in texts:
                started = time.perf_counter()
                response = client.get("/api/search/", {"q": text, "lang": "cs"})
                latencies[name].append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"/api/search/?q={text} answered {response.status_code}")
    return latencies
