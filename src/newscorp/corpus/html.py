"""Recognise HTML input and reduce it to its visible text (stdlib ``html.parser``).

Scraped folders often hold saved web pages. Rather than skip them, newscorp keeps their
visible text: block elements become paragraph breaks, entities are unescaped, and the
content of script, style, head, navigation, forms and similar elements is dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from newscorp.errors import InputError

#: File name endings that are always read as HTML.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: A document that opens (after a BOM, an XML declaration or comments) with one of these tags.
_HTML_START = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
#: Elements whose content is not article text.
_HIDDEN = frozenset(
    "head title script style noscript template svg math iframe object nav aside form button "
    "select textarea".split()
)
#: Elements that end a paragraph.
_BLOCKS = frozenset(
    "address article blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section table td th tr ul".split()
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_PARAGRAPHS = re.compile(r"\n\s*\n\s*")


def looks_like_html(text: str, path: str = "") -> bool:
    """True for files named *.html/*.htm/*.xhtml and texts that open with an HTML tag."""
    return path.lower().endswith(HTML_SUFFIXES) or _HTML_START.match(text[:4096]) is not None


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, one paragraph per block, ending in a newline."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser's rare hard failures
        raise InputError(f"malformed HTML ({exc})") from exc
    paragraphs = []
    for block in _PARAGRAPHS.split("".join(parser.parts)):
        lines = (_SPACES.sub(" ", line).strip() for line in block.split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


class _TextParser(HTMLParser):
    """Collects text outside hidden elements; blocks become blank lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # browsers close an unclosed head (and anything in it) here
            self.hidden = 0
        elif tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.pre += tag == "pre"
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS and tag not in _HIDDEN:
            self.parts.append("\n" if tag == "br" else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.pre = max(0, self.pre - (tag == "pre"))
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))
