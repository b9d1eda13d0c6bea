"""The raw words of the embedded index with how often each occurs: where typo spellings are looked up.

A spelling suggestion compares a typed word with every indexed word of the same first letter and about
the same length. Asking FTS5's vocabulary tables for them made SQLite count the rows of every such word
by reading its whole list of matches (70–95 ms a typo on bench/embedded_search.py's 1,000 and 10,000
pages). This table keeps the counts as pages are written and removed, so the lookup reads a few
thousand short rows.

A word's `rows` is what fts5vocab's 'col' tables summed: for each passage row and each page row, the
raw columns (search/engines/embedded/fts_query.py) that hold the word. The functions take an open
sqlite3 connection and never commit: the store writes the words in the pages' transaction.
"""

import re
from collections import Counter
from functools import lru_cache

from search.vocabulary.analysis import allowed_edits, fold, within_edits

SCHEMA = """
CREATE TABLE passage_words (word TEXT PRIMARY KEY, folded TEXT NOT NULL, rows INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX passage_words_folded ON passage_words (folded);
"""
# How FTS5's unicode61 tokenizer splits text: runs of letters and digits (an underscore or an
# apostrophe separates words), lowercased, diacritics kept.
FTS_WORD_RE = re.compile(r"[^\W_]+")


def word_counts(columns):
    """{word: columns holding it} for texts that are one column of one row each."""
    counts = Counter()
    for text in columns:
        counts.update(set(FTS_WORD_RE.findall(text.lower())))
    return counts


@lru_cache(maxsize=65_536)
def _folded(word):
    # A rebuild folds each word once per page that holds it: the same few thousand words over and over.
    return fold(word)


def add(connection, counts):
    connection.executemany(
        "INSERT INTO passage_words (word, folded, rows) VALUES (?, ?, ?)"
        " ON CONFLICT (word) DO UPDATE SET rows = rows + excluded.rows",
        [(word, _folded(word), rows) for word, rows in counts.items()],
    )


def remove(connection, counts):
    """Take back the counts of removed rows; a word no row holds any more is no spelling to offer."""
    connection.executemany(
        "UPDATE passage_words SET rows = rows - ? WHERE word = ?", [(rows, word) for word, rows in counts.items()]
    )
    connection.executemany("DELETE FROM passage_words WHERE word = ? AND rows <= 0", [(word,) for word in counts])


def near_spellings(connection, word, limit):
    """Indexed words within AUTO edit distance of `word` (compared without diacritics, first letter
    right), the `limit` most frequent, as [(word, rows)]."""
    folded = fold(word)
    edits = allowed_edits(folded)
    if not edits:
        return []
    first = folded[0]
    rows = connection.execute(
        "SELECT word, folded, rows FROM passage_words"
        " WHERE folded >= ? AND folded < ? AND length(folded) BETWEEN ? AND ?",
        [first, chr(ord(first) + 1), len(folded) - edits, len(folded) + edits],
    ).fetchall()
    found = [(row[0], row[2]) for row in rows if within_edits(folded, row[1], edits)]
    return sorted(found, key=lambda item: (-item[1], item[0]))[:limit]
