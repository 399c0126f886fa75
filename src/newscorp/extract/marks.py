"""Quotation marks: pairing them in raw text, and telling quotations from quoted titles.

Pairs are found within a paragraph: „…“, »…«, «…», "…", “…” and ‚…‘. Two quotations
interrupted by the cue („…“, sagte er, „…“) are joined into one statement. A quoted span is a
*title* (a name of a newspaper, programme, book, ship, ...) rather than a quotation when it is
glued to a word by a hyphen (ZDF-"Morgenmagazin"), when it is made of names only („Dagens
Nyheter“), when it follows a common noun as an apposition (die Zeitung „Die Welt“), or when a
whole clause in quotes is followed by its verb without a comma ("So arbeitet die Redaktion"
informiert Sie), or when it is the subject of a verb-final cue (wie „heise online“ berichtet).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


OPENERS = {"„": "“", "»": "«", "“": "”", '"': '"', "«": "»", "‚": "‘"}
CLOSERS = {"“", "”", "«", "»", '"', "‘", "'"}
NAME_POS = {"PROPN", "X"}
ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
MAX_TITLE_WORDS = 6
_OPENER = re.compile("[" + re.escape("".join(OPENERS)) + "]")


@dataclass(frozen=True)
class QuoteMarks:
    """Character span of a quotation's content (inside the marks); ``gaps`` are the
    character ranges of an interrupting cue („…“, sagte er, „…“) inside it."""

    start: int
    end: int
    gaps: tuple[tuple[int, int], ...] = ()


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """Pair quotation marks within paragraphs; join „…“, sagte er, „…“ into one statement.
    A quotation over several paragraphs opens each of them and closes only in the last one
    (the news convention): it is one span."""
    spans: list[QuoteMarks] = []
    paras = text.split("\n")
    starts = [0]
    for para in paras[:-1]:
        starts.append(starts[-1] + len(para) + 1)
    k = 0
    while k < len(paras):
        para, pos = paras[k], starts[k]
        i, n = 0, len(para)
        while i < n:
            found = _OPENER.search(para, i)  # jump to the next opening mark
            if found is None:
                break
            i = found.start()
            ch = para[i]
            close = OPENERS[ch]
            if ch == "“" and "„" in para[:i]:
                i += 1
                continue
            j = para.find(close, i + 1)
            if ch == "»" and j < 0:
                j = para.find("«", i + 1)
            if j < 0:
                end = _continued(paras, starts, k, ch, close)
                if end is not None:
                    spans.append(QuoteMarks(pos + i + 1, end[0]))
                    k, i, para, pos, n = end[1], end[2], paras[end[1]], starts[end[1]], 0
                    n = len(para)
                    continue
                i += 1
                continue
            if j - i > 1:
                spans.append(QuoteMarks(pos + i + 1, pos + j))
            i = j + 1
        k += 1
    return join_interrupted(text, spans)


def _continued(paras: list[str], starts: list[int], k: int, opener: str, close: str):
    """(end offset, paragraph, index after the closer) of a quote that goes on in the next
    paragraphs, each opened again ("„… \n\n„… .“"), or None."""
    if paras[k].find(opener) != paras[k].rfind(opener) or opener == close:
        return None  # only a paragraph with a single unclosed opener continues
    m = k + 1
    while m < len(paras):
        para = paras[m].lstrip()
        if not para:
            m += 1
            continue
        if not para.startswith(opener):
            return None
        offset = len(paras[m]) - len(para)
        j = paras[m].find(close, offset + 1)
        if j >= 0:
            return starts[m] + j, m, j + 1
        m += 1
    return None


def join_interrupted(text: str, spans: list[QuoteMarks]) -> list[QuoteMarks]:
    """„Wir sind“, sagte er, „bereit“ -> one span from the first to the last mark."""
    joined: list[QuoteMarks] = []
    for span in spans:
        if joined:
            prev = joined[-1]
            between = text[prev.end + 1 : span.start - 1]
            first = text[prev.start : prev.end].rstrip()
            nxt = text[span.start : span.end].lstrip()
            if (
                "\n" not in between
                and not any(c in between for c in ".!?")
                and len(between) < 60
                and between.strip().startswith(",")
                and between.strip().endswith(",")
                and first[-1:] not in ".!?"
                and nxt[:1].islower()
            ):
                gap = (prev.end, span.start)
                joined[-1] = QuoteMarks(prev.start, span.end, (*prev.gaps, gap))
                continue
        joined.append(span)
    return joined


def words(span: Span | Iterable[Token]) -> list:
    """The word tokens of a span (with at least one letter: "US-Präsident" counts)."""
    return [t for t in span if is_word(t)]


_IS_WORD: dict[int, bool] = {}


def is_word(token: Token) -> bool:
    """A token ``words`` keeps: not punctuation, with at least one letter (remembered by the
    string id of its text: both depend on nothing else)."""
    found = _IS_WORD.get(token.orth)
    if found is None:
        if len(_IS_WORD) >= 1 << 18:
            _IS_WORD.clear()
        found = _IS_WORD[token.orth] = not token.is_punct and _has_letter(token.text)
    return found


def has_words(span: Span | Iterable[Token], n: int) -> bool:
    """Whether a span holds at least n word tokens (``len(words(span)) >= n``, stopping early)."""
    count = 0
    for t in span:
        if count >= n:
            break
        if is_word(t):
            count += 1

    return count >= n


@lru_cache(maxsize=65536)
def _has_letter(text: str) -> bool:

    return any(c.isalpha() for c in text)


def is_title(text: str, mark: QuoteMarks, span: Span, full_clause: bool) -> bool:
    """True when the quoted span names something (a title) instead of quoting someone."""
    if text[max(0, mark.start - 2) : mark.start - 1] == "-":
        return True
    if text[mark.end + 1 : mark.end + 2] == "-" and text[mark.end + 2 : mark.end + 3].isalpha():
        return True  # the first part of a compound: die „Bild“-Zeitung
    ws = words(span)
    if not ws:
        return True
    doc = span.doc
    after = text[mark.end + 1 : mark.end + 3].lstrip(" ")
    if full_clause:
        # a clause in quotes used as a noun phrase: "So arbeitet die Redaktion" informiert Sie
        last = text[mark.start : mark.end].rstrip()[-1:]
        before = _token_before(doc, span)
        if before is not None and before.lower_ in ARTICLES and len(ws) <= 3:
            return True  # a short name after an article: die „Hvalur 9“ (a tagger's verb inside)
        if before is not None and before.text == ":" and before.i > 0:
            before = doc[before.i - 1]
        if before is not None and before.pos_ in {"NOUN", "PROPN"} and _title_noun(before.text):
            return True  # "Unter dem Motto „…“", "ihr Erstwerk: „…“"
        return after[:1].isalpha() and last not in ".!?,"
    if len(ws) > MAX_TITLE_WORDS:
        return False
    inner = text[mark.start : mark.end]
    if "." in inner.strip(".") and " " not in inner.strip():
        return True  # a web address: „news.bbc.co.uk“
    if text[mark.start - 2 : mark.start - 1] == "(" and text[mark.end + 1 : mark.end + 2] == ")":
        return True  # a term in parentheses: („Hybride“)
    names_only = all(
        (t.pos_ in NAME_POS and not _common_noun(t) or t.ent_type_)
        if t.text[:1].isupper()
        else t.is_stop
        for t in ws
    )
    if names_only and any(t.text[:1].isupper() for t in ws):
        return True
    if len(ws) > 1 and all(_name_word(t) for t in ws) and not all(map(_german_word, ws)):
        return True  # capitalised, no verb, not all German: a name („Grupo Planeta“, „El Mundo“)
    before = _token_before(doc, span)
    if before is not None and before.lower_ == "wie" and _cue_after(doc, span):
        return True  # the subject of a verb-final cue: wie „heise online“ berichtet
    if _source_named(before, text[mark.end + 1 :]) and ws[0].text[:1].isupper():
        return True  # a medium named as a source: laut (der) „Welt“, „Bild“ zufolge
    if _inverted_cue_before(before) and ws[0].text[:1].isupper() and len(ws) <= 4:
        return True  # the subject of a cue after a quotation: „…“, schrieb „Die Zeit“
    return (
        before is not None
        and before.pos_ == "NOUN"
        and before.text[:1].isupper()
        and not _speech_noun(before.text)  # "die Bezeichnung „Gesindel“" quotes a word
        and len(ws) <= 3
        and ws[0].text[:1].isupper()
    )


NAME_PARTICLES = frozenset(
    "de del della di da do dos du la le les los las el y e of the and for on van ten ter".split()
)
"""Small words inside foreign names ("Los Cinco Heroes", "Bank of America"); German
articles and prepositions are not among them („Geschäft des Jahrhunderts“ is a phrase)."""


def _name_word(token: Token) -> bool:
    """A capitalised word that is no verb, a number, or a particle of a foreign name."""
    if token.pos_ in {"VERB", "AUX"}:
        return False
    return token.text[:1].isupper() or token.like_num or token.lower_ in NAME_PARTICLES


def _german_word(token: Token) -> bool:
    """A known German word by its form or lemma (particles and numbers count as known)."""
    from newscorp.pipeline.lexicons import known_words

    if token.lower_ in NAME_PARTICLES or token.like_num:
        return True
    return token.lower_ in known_words() or token.lemma_.lower() in known_words()


def _inverted_cue_before(before: Token | None) -> bool:
    """Is ``before`` (or the word before it, when it is an article) a cue verb right after
    a quotation and a comma („…“, schrieb; „…“, schrieb die)?"""
    from newscorp.extract.cues import cue_lemma

    if before is not None and before.lower_ in ARTICLES and before.i > 0:
        before = before.doc[before.i - 1]
    if before is None or before.i < 2 or not cue_lemma(before):
        return False
    doc = before.doc
    return doc[before.i - 1].text == "," and doc[before.i - 2].is_quote


def _source_named(before: Token | None, rest: str) -> bool:
    """Does a source preposition govern the quoted span (``before``: the token before its
    opening mark, ``rest``: the text after its closing one): "laut (der) „…“", "„…“ zufolge"?"""
    if rest.lstrip(" ").lower().startswith("zufolge"):
        return True
    if before is not None and before.lower_ in ARTICLES and before.i > 0:
        before = before.doc[before.i - 1]
    return before is not None and before.lower_ in {"laut", "gemäß"}


def _common_noun(token: Token) -> bool:
    """A word tagged as a name that is a known common noun or a compound of known words
    („Papiertiger“), and no entity: a quoted word, not a title."""
    from newscorp.pipeline.lexicons import common_nouns, compound_noun

    return not token.ent_type_ and (token.text in common_nouns() or compound_noun(token.text))


def _title_noun(word: str) -> bool:
    """A noun naming a work or a motto ("Motto", "Erstwerk", "Buchtitel"): cues.txt."""
    from newscorp.pipeline.lexicons import words_by_kind

    low = word.lower()
    return any(low.endswith(n) for n in words_by_kind("cues.txt").get("titlenoun", ()))


def _speech_noun(word: str) -> bool:
    from newscorp.pipeline.lexicons import words_by_kind

    low = word.lower()
    return any(low.endswith(n) for n in words_by_kind("cues.txt").get("wordnoun", ()))


def _cue_after(doc, span: Span) -> bool:
    """Is the word after the closing mark a cue verb?"""
    from newscorp.extract.cues import cue_lemma

    i = span.end
    while i < len(doc) and (doc[i].is_space or doc[i].is_quote or doc[i].is_punct):
        if doc[i].text in {",", ".", ":", ";"}:
            return False
        i += 1
    return i < len(doc) and bool(cue_lemma(doc[i]) or cue_lemma(doc[i], "reported"))


def _token_before(doc, span: Span):
    """The token before the opening mark, skipping the mark itself and spaces."""
    i = span.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in OPENERS or doc[i].is_quote):
        i -= 1
    return doc[i] if i >= 0 else None
