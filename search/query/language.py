"""The language a question is written in, told by its letters: "як знайти лікаря" is Ukrainian, "где
найти врача" Russian, "tìm bác sĩ ở đâu" Vietnamese, whatever the reader's interface language is.

Many foreigners in Czechia read Russian, Vietnamese, Polish or Romanian better than Czech and type their
question in it. Their words match nothing on Czech pages, but e5 places a question near passages of the
same meaning in any language it knows, so such a question is answered from the Czech pages by meaning
(search/query/pipeline.py), labelled like every cross-language answer, and the interface stays as it is.
Letters tell most of these languages apart with certainty and at no cost; Cyrillic without a telling
letter (где найти врача) goes to the language whose dictionary knows more of its words (simplemma). A
guess on two or three Latin words would confuse Czech without diacritics with Slovak or English, so Latin
text with no telling letter is left to the interface language.
"""

import re

import simplemma

# Letters only one of the hub's neighbours' languages uses (Czech has none of them), most telling first.
TELLING_LETTERS = [
    ("vi", "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"),
    ("ru", "ыэъё"),
    ("uk", "іїєґ"),
    ("pl", "łąęśźżń"),
    ("ro", "șțşţăâî"),
    ("sk", "äôĺľŕ"),
    ("de", "ßüö"),
]
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Scripts with no telling letter inside them: the script is the language e5 reads it as.
SCRIPTS = [
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("zh-hans", re.compile(r"[\u4E00-\u9FFF]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
    ("ka", re.compile(r"[\u10A0-\u10FF]")),
    ("hy", re.compile(r"[\u0530-\u058F]")),
]
# Cyrillic languages told apart by their dictionaries; a tie is Ukrainian, as most Cyrillic readers are.
CYRILLIC_LANGUAGES = ("uk", "ru")


def written_in(text):
    """The language `text` is written in, or None when its letters do not tell (plain Latin letters)."""
    letters = set(text.casefold())
    for language, telling in TELLING_LETTERS:
        if letters.intersection(telling):
            return language
    if CYRILLIC.search(text):
        return simplemma.langdetect(text, lang=CYRILLIC_LANGUAGES)[0][0] if text.strip() else None
    for language, script in SCRIPTS:
        if script.search(text):
            return language
    return None
