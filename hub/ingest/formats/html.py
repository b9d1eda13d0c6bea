"""Web page (HTML) text, parsed as browsers parse it (HTML5 tree construction, Lexbor via selectolax).

A page without `</head>` or with an unclosed `<svg>` reads as in a browser. What is not text (scripts,
styles, graphics) is left out and named in the notes; an unclosed `<script>` or `<style>`, which makes
a browser swallow the rest of the page, is recovered and named too, so no text is lost silently.
"""

import re
from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hub.ingest.extraction import BULLET, TABLE_CELL_SEPARATOR, Extraction, ExtractionError
from hub.ingest.formats.text import decode_text

BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "pre", "address", "figure",
    "figcaption", "details", "summary", "form", "fieldset", "hr",
}  # fmt: skip
# Elements whose content is not the page's text.
SKIPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "math",
    "iframe",
    "object",
}
# Elements whose content a browser reads as raw text up to their end tag (or the end of the file).
RAW_TEXT_TAGS = {"script", "style", "xmp", "noembed", "noframes", "iframe", "textarea", "title"}
# Tree construction slows down quadratically with nesting (200,000 nested <div>s took 206 s);
# browsers stop nesting at 512 levels and real pages stay under 100.
MAX_NESTING = 2_000
# Elements that never nest (void) or whose end tag browsers imply (p, li…): not counted as nesting.
FLAT_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "rp", "rt", "html", "head", "body",
}  # fmt: skip
TAG_RE = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
MARKUP_RE = re.compile(r"<[a-zA-Z/!]")
# How often an unclosed raw-text element is recovered before the rest is left out (each recovery
# re-parses what remains, so a file of nothing but unclosed <script>s cannot loop for long).
MAX_RECOVERIES = 20


def extract_html(data, filename, budget):
    from selectolax.lexbor import LexborHTMLParser

    check_nesting(data, filename)
    source = decode_text(data, filename)
    reader = HTMLTextReader(budget)
    for _attempt in range(MAX_RECOVERIES):
        tree = LexborHTMLParser(source)
        swallowed = reader.read(tree.root)
        if swallowed is None:
            break
        source = swallowed
    return Extraction([(None, reader.text())], notes=reader.notes())


def check_nesting(data, filename):
    """Refuse HTML nested deeper than any real page, before the parser spends minutes on it."""
    depth = deepest = 0
    for match in TAG_RE.finditer(data):
        closing, name, self_closing = match.groups()
        if name.lower().decode("ascii") in FLAT_TAGS:
            continue
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing:
            depth += 1
            deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        raise ExtractionError(
            filename,
            _(
                "the web page nests its elements %(depth)d levels deep, more than %(limit)d; it is not an ordinary page"
            )
            % {"depth": deepest, "limit": MAX_NESTING},
        )


class HTMLTextReader:
    """Visible text of a parsed page: one paragraph per block element, list items as bullets, table
    rows as lines with tab-separated cells. Walks the tree with a stack (deep pages need no recursion)."""

    def __init__(self, budget):
        self.budget = budget
        self.parts = []
        self.current = []
        self.row = None
        self.table_rows = None
        self.skipped = Counter()
        self.unclosed = Counter()

    def read(self, root):
        """Collect the text under `root`; returns the source text an unclosed raw-text element
        swallowed (to be read next), or None."""
        pending = [(root, False)]
        while pending:
            node, leaving = pending.pop()
            if leaving:
                self.end(node.tag)
            elif node.is_text_node:
                self.data(node.text_content or "")
            elif node.is_element_node or node.is_document_node:
                if node.tag in SKIPPED_TAGS:
                    swallowed = self.skip(node)
                    if swallowed is not None:
                        return swallowed
                    continue
                self.start(node.tag)
                pending.append((node, True))
                children = []
                child = node.child
                while child is not None:
                    children.append(child)
                    child = child.next
                pending.extend((child, False) for child in reversed(children))
        return None

    def skip(self, node):
        text = node.text(deep=True) or ""
        if node.tag in RAW_TEXT_TAGS and runs_to_end(node) and MARKUP_RE.search(text):
            self.unclosed[node.tag] += 1
            return text[MARKUP_RE.search(text).start() :]
        self.skipped[node.tag] += 1
        return None

    def start(self, tag):
        if tag == "table":
            self.flush()
            self.table_rows = []
        elif tag in BLOCK_TAGS:
            self.flush()
        elif tag == "li":
            self.flush()
            self.current.append(f"{BULLET} ")
        elif tag == "br":
            self.current.append("\n")
        elif tag == "tr":
            self.flush()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.row.append([])

    def end(self, tag):
        if tag == "table" and self.table_rows is not None:
            if self.table_rows:
                self.add_part("\n".join(self.table_rows))
            self.table_rows = None
        elif tag in BLOCK_TAGS or tag in ("li", "body", "html"):
            self.flush()
        elif tag == "tr" and self.row is not None:
            cells = [" ".join("".join(cell).split()) for cell in self.row]
            if any(cells):
                row = TABLE_CELL_SEPARATOR.join(cells)
                if self.table_rows is not None:
                    self.table_rows.append(row)
                else:
                    self.add_part(row)
            self.row = None

    def data(self, text):
        if self.row:
            self.row[-1].append(text)
        else:
            self.current.append(text)

    def flush(self):
        text = "\n".join(
            " ".join(line.split()) for line in "".join(self.current).split("\n")
        ).strip()
        if text and text != BULLET:
            self.add_part(text)
        self.current = []

    def add_part(self, text):
        self.parts.append(self.budget.spend(text))

    def text(self):
        self.flush()
        return "\n\n".join(self.parts)

    def notes(self):
        notes = []
        for tag, count in sorted(self.unclosed.items()):
            notes.append(
                ngettext(
                    "An unclosed <%(tag)s> element hid the rest of the page (a browser would not show it); the text after it was imported, check it.",
                    "%(count)d unclosed <%(tag)s> elements hid the rest of the page (a browser would not show it); the text after them was imported, check it.",
                    count,
                )
                % {"tag": tag, "count": count}
            )
        left_out = [
            describe_skipped(tag, count)
            for tag, count in sorted(self.skipped.items())
            if tag != "head"  # the page's metadata: nobody expects it in the text
        ]
        if left_out:
            notes.append(_("Left out as not text: %(items)s.") % {"items": ", ".join(left_out)})
        return notes


def runs_to_end(node):
    """Whether nothing but whitespace follows `node` in the document: an unclosed raw-text element
    runs to the end of the file."""
    while node is not None:
        following = node.next
        while following is not None:
            if not (following.is_text_node and not (following.text_content or "").strip()):
                return False
            following = following.next
        node = node.parent
    return True


def describe_skipped(tag, count):
    labels = {
        "script": ngettext("%(count)d script", "%(count)d scripts", count),
        "style": ngettext("%(count)d style sheet", "%(count)d style sheets", count),
        "svg": ngettext("%(count)d SVG graphic", "%(count)d SVG graphics", count),
        "math": ngettext("%(count)d formula", "%(count)d formulas", count),
        "noscript": ngettext(
            "%(count)d text for browsers without JavaScript",
            "%(count)d texts for browsers without JavaScript",
            count,
        ),
        "template": ngettext("%(count)d template", "%(count)d templates", count),
        "iframe": ngettext("%(count)d embedded page", "%(count)d embedded pages", count),
        "object": ngettext("%(count)d embedded object", "%(count)d embedded objects", count),
    }
    return labels[tag] % {"count": count}
