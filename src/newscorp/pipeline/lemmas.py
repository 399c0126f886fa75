"""Lemma repair from a lookup table, for words the pipeline's lemmatizer gets wrong.

The trainable lemmatizer learns edit trees from little data and invents lemmas for rare
forms ("sieht" -> "siehen", "bekomme" -> "bekomme"). For open-class words whose predicted
lemma is no known lemma, the table's lemma of the form (or of its lowercase, for a
capitalised sentence start) replaces it. Lemmas the table knows are kept: the model sees
the context, the table does not ("Sieben", "Habe").
"""

from __future__ import annotations

import gzip
import re
from array import array
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Token

OPEN_CLASS = frozenset({"NOUN", "VERB", "AUX", "ADJ", "ADV"})  # not names: "Sanders"


@dataclass(frozen=True, eq=False)
class LemmaTable:
    """Form -> lemma, looked up where it is stored: the decompressed table (sorted by form,
    each form once, as training/lemma_table.py writes it) and the offsets of its lines, so
    that loading it builds no string per form; a look-up is a binary search over the lines."""

    text: bytes  # UTF-8 "form\tlemma\n" lines after the header, sorted by form
    starts: array  # offset of each line (int64; array.array: fast item access)
    tabs: array  # offset of each line's tab
    known: frozenset[str]  # every lemma
    ranges: dict[int, tuple[int, int]]  # first two bytes of a line -> its lines (lo, hi)

    def get(self, form: str) -> str | None:
        try:
            target = form.encode("utf-8")
        except UnicodeEncodeError:
            return None  # lone surrogates: in no UTF-8 file
        text, starts, tabs = self.text, self.starts, self.tabs
        if len(target) > 1:
            lo, hi = self.ranges.get(target[0] << 8 | target[1], (0, 0))
        elif target:
            lo, hi = self.ranges.get(target[0] << 8 | 9, (0, 0))  # one byte, then the tab
        else:
            lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if text[starts[mid] : tabs[mid]] < target:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(starts) and text[starts[lo] : tabs[lo]] == target:
            end = starts[lo + 1] - 1 if lo + 1 < len(starts) else len(text) - 1
            return text[tabs[lo] + 1 : end].decode("utf-8")
        return None


@cache
def lemma_table() -> LemmaTable:
    """The table of data/de_lemmas.tsv.gz (see its header for source and licence): its text,
    line offsets and the set of its lemmas, read in bulk (a fifth of the time of building
    a string per form). Its lines must be sorted by form (tests check the shipped file)."""
    path = resources.files("newscorp").joinpath("data").joinpath("de_lemmas.tsv.gz")
    raw = gzip.decompress(path.read_bytes())
    header = re.match(rb"(?:#[^\n]*\n)*", raw)
    text = raw[header.end() if header else 0 :]
    if text and not text.endswith(b"\n"):
        text += b"\n"
    chars = np.frombuffer(text, dtype=np.uint8)
    ends = np.flatnonzero(chars == ord("\n"))
    starts = np.concatenate(([0], ends[:-1] + 1))[: len(ends)].astype(np.int64)
    tabs = np.flatnonzero(chars == ord("\t"))
    if len(tabs) != len(starts) or not ((tabs >= starts).all() and (tabs < ends).all()):
        raise ValueError(f"{path}: every line must be form<TAB>lemma")
    if (chars[starts] == ord("#")).any():
        raise ValueError(f"{path}: comment lines only at the top")
    known = frozenset(re.findall(r"\t([^\n]*)", text.decode("utf-8")))
    # lines sorted by form share their first two bytes in runs: a look-up searches one run
    pairs = chars[starts].astype(np.int64) << 8 | chars[starts + 1]
    if (np.diff(pairs) < 0).any():
        raise ValueError(f"{path}: lines must be sorted by form")
    firsts, lows = np.unique(pairs, return_index=True)
    highs = [*lows[1:].tolist(), len(starts)]
    return LemmaTable(
        text=text,
        starts=array("q", starts.tobytes()),
        tabs=array("q", tabs.astype(np.int64).tobytes()),
        known=known,
        ranges=dict(zip(firsts.tolist(), zip(lows.tolist(), highs, strict=True), strict=True)),
    )


@lru_cache(maxsize=1 << 16)
def table_lemma(text: str) -> str | None:
    """The table's lemma of a form, trying the lowercase of a capitalised form too (cached:
    a look-up is a binary search)."""
    table = lemma_table()
    found = table.get(text)
    if found is None and text[:1].isupper():
        found = table.get(text.lower())
    return found


def verb_lemma_of_e_form(text: str) -> str | None:
    """The table's lemma of a form, else the infinitive of a stem + e form that the table
    knows as a lemma ("brauche" -> "brauchen")."""
    found = table_lemma(text)
    low = text.lower()
    if found is None and low.endswith("e") and low[:-1] + "en" in lemma_table().known:
        found = low[:-1] + "en"
    return found


def repaired_lemma(token: Token) -> str | None:
    """A better lemma for ``token``, or None to keep the pipeline's."""
    if token.pos_ not in OPEN_CLASS:
        return None
    known = lemma_table().known
    lemma = token.lemma_
    if lemma and (lemma in known or lemma.lower() in known):
        return None
    if token.pos_ in {"VERB", "AUX"}:
        found = verb_lemma_of_e_form(token.text)
    else:
        found = table_lemma(token.text) or _hyphen_compound_lemma(token.text)
    return found if found and found != lemma else None


def _hyphen_compound_lemma(text: str) -> str | None:
    """A hyphenated compound takes its last part's lemma ("Nordkorea-Experten" ->
    "Nordkorea-Experte") when the table knows that part as a noun form."""
    first, dash, last = text.rpartition("-")
    if not dash or not first or not last[:1].isupper():
        return None
    found = table_lemma(last)
    return first + dash + found if found and found[:1].isupper() else None
