"""Token strings of a parsed document read from its attribute arrays, not from Token objects.

``token.text`` builds a Token and looks its string up in the StringStore (about a microsecond
a token); ``doc.to_array`` returns every token's string id at once, and the strings of ids
seen before come from a plain dict here. An id is the hash of its string (the same in every
Vocab), so the dict is valid for any document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from spacy.strings import StringStore
    from spacy.tokens import Doc

_STRINGS: dict[int, str] = {}
_LAST: list[Any] = [None, 0, {}]  # the document last asked about, its length, what was read


def doc_memo(doc: Doc) -> dict[str, Any]:
    """A dict for what is read of one document, kept while callers ask about the same
    document (a new one when another document, or one of another length, is asked about;
    holding the document keeps its id from being reused)."""
    if _LAST[0] is not doc or _LAST[1] != len(doc):
        _LAST[:] = [doc, len(doc), {}]
    return _LAST[2]


def id_strings(ids: list[int], store: StringStore) -> list[str]:
    """The strings of spaCy string ids (``store``: the document's StringStore), remembered
    by id."""
    known = _STRINGS
    get = known.get
    out = [get(i) for i in ids]
    if None in out:
        if len(known) >= 1 << 20:
            known.clear()
        for k, i in enumerate(ids):
            if out[k] is None:
                out[k] = known[i] = store[i]
    return out  # type: ignore[return-value]


def token_texts(doc: Doc) -> tuple[list[str], str]:
    """(each token's text, ``doc.text``) of a document (remembered in ``doc_memo``: do not
    change the list)."""
    memo = doc_memo(doc)
    found = memo.get("texts")
    if found is None:
        if not len(doc):
            found = [], ""
        else:
            from spacy.attrs import ORTH, SPACY

            orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
            texts = id_strings(orths, doc.vocab.strings)
            text = "".join([t + " " if s else t for t, s in zip(texts, spaces, strict=True)])
            found = texts, text
        memo["texts"] = found
    return found


_STORE: list[Any] = []  # a StringStore of its own, for the ids of constant strings
_MORPH_TEXTS: dict[int, str] = {}  # str(MorphAnalysis) by its key


def string_id(text: str) -> int:
    """The spaCy string id of a string (the same in every Vocab: a symbol's number or the
    string's hash)."""
    if not _STORE:
        from spacy.strings import StringStore

        _STORE.append(StringStore())
    return _STORE[0][text]


def string_ids(texts: Iterable[str]) -> frozenset[int]:
    """The string ids of strings (see ``string_id``)."""
    return frozenset(string_id(t) for t in texts)


# the attributes read for every document at once (quote finding needs them all: its word
# forms, offsets and the tests every unit makes); the others are read when first asked for
BASE = ("ORTH", "LEMMA", "POS", "MORPH", "IDX", "LOWER", "DEP", "HEAD", "IS_SPACE", "IS_PUNCT")


def _column(name: str, attr: str, doc_: str) -> cached_property:
    def read(self: DocArrays) -> list[int]:
        if not self.n:
            return []
        if attr in BASE:
            return self.base[:, BASE.index(attr)].tolist()
        from spacy import attrs

        return self.doc.to_array(getattr(attrs, attr)).tolist()

    read.__name__, read.__doc__ = name, doc_
    return cached_property(read)


class Children:
    """The children of each token of a document, from its heads: ``children[i]`` is a new
    list of token i's children in index order."""

    __slots__ = ("_order", "_starts")

    def __init__(self, heads: np.ndarray) -> None:
        import numpy as np

        n = len(heads)
        # the tokens sorted by their head (a root, its own head, goes last), in index order
        # within each head (a stable sort)
        keys = np.where(heads == np.arange(n), n, heads)
        self._order = np.argsort(keys, kind="stable").tolist()
        counts = np.bincount(keys, minlength=n + 1)
        self._starts = [0, *np.cumsum(counts).tolist()]

    def __getitem__(self, i: int) -> list[int]:
        starts = self._starts
        return self._order[starts[i] : starts[i + 1]]


class DocArrays:
    """Per-token attributes of one document as lists of ints, each read with one
    ``to_array`` when first asked for (rule code indexing these lists instead of reading
    Token attributes: ``doc[i]`` and ``pos_`` cost ~0.2 µs each, ``children`` ~0.7 µs,
    ``subtree`` and ``sent`` several µs; the string of an id costs a look-up, so the rules
    compare ids: ``string_ids``). ``texts`` and ``text`` are each token's text and
    ``doc.text`` (``token_texts``); ``head`` holds head.i, ``children`` and ``subtree``
    are computed from the heads. Build with ``doc_arrays``; do not change the lists."""

    lower = _column("lower", "LOWER", "String ids of lower_.")
    pos = _column("pos", "POS", "Ids of pos_ (spaCy's part-of-speech symbols).")
    tag = _column("tag", "TAG", "String ids of tag_.")
    dep = _column("dep", "DEP", "String ids of dep_.")
    lemma = _column("lemma", "LEMMA", "String ids of lemma_.")
    ent_type = _column("ent_type", "ENT_TYPE", "String ids of ent_type_ (0: none).")
    ent_iob = _column("ent_iob", "ENT_IOB", 'ent_iob: 0 "", 1 "I", 2 "O", 3 "B".')
    space = _column("space", "IS_SPACE", "is_space (1/0).")
    punct = _column("punct", "IS_PUNCT", "is_punct (1/0).")
    alpha = _column("alpha", "IS_ALPHA", "is_alpha (1/0).")
    quote = _column("quote", "IS_QUOTE", "is_quote (1/0).")
    morph = _column("morph", "MORPH", "morph.key.")
    idx = _column("idx", "IDX", "idx.")
    _sent_starts = _column("_sent_starts", "SENT_START", "sent_start.")

    @cached_property
    def base(self) -> np.ndarray:
        """The ``BASE`` attributes of each token (uint64: HEAD offsets wrap around)."""
        from spacy import attrs

        return self.doc.to_array([getattr(attrs, a) for a in BASE])

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        self.texts, self.text = token_texts(doc)
        self._subtrees: dict[int, list[int]] = {}
        self._sents: list[int] | None = None

    @cached_property
    def _heads(self) -> np.ndarray:
        """head.i of each token (int64)."""
        import numpy as np

        # the offset of the head: uint64 in the array (negative ones wrap around)
        if not self.n:
            return np.zeros(0, dtype=np.int64)
        offsets = self.base[:, BASE.index("HEAD")].astype(np.int64)
        return np.arange(self.n, dtype=np.int64) + offsets

    @cached_property
    def head(self) -> list[int]:
        """head.i of each token."""
        return self._heads.tolist()

    @cached_property
    def parsed(self) -> bool:
        """``doc.has_annotation("DEP")``."""
        return self.doc.has_annotation("DEP")

    def morph_text(self, i: int) -> str:
        """``str(token.morph)`` of token i."""
        key = self.morph[i]
        found = _MORPH_TEXTS.get(key)
        if found is None:
            from spacy.tokens import MorphAnalysis

            if len(_MORPH_TEXTS) >= 1 << 16:
                _MORPH_TEXTS.clear()
            found = _MORPH_TEXTS[key] = str(MorphAnalysis.from_id(self.doc.vocab, key))
        return found

    @cached_property
    def children(self) -> Children:
        """``children[i]``: token i's children in index order (what ``Token.children``
        yields: spaCy's left and right edges always cover the direct children)."""
        return Children(self._heads)

    def subtree(self, i: int) -> list[int]:
        """The indices of ``Token.subtree`` of token i (all its descendants and itself, as
        spaCy walks them; in no particular order here)."""
        found = self._subtrees.get(i)
        if found is None:
            kids = self.children
            found, todo = [i], [i]
            while todo:
                more = kids[todo.pop()]
                found.extend(more)
                todo.extend(more)
            self._subtrees[i] = found
        return found

    def sent(self, i: int) -> tuple[int, int]:
        """(start, end) of ``Token.sent`` of token i."""
        starts = self._sents
        if starts is None:
            if not self.doc.has_annotation("SENT_START"):
                sent = self.doc[i].sent  # (raises as Token.sent does)
                return sent.start, sent.end
            starts = self._sents = [k for k, s in enumerate(self._sent_starts) if s == 1]
        k = bisect_right(starts, i)
        start = starts[k - 1] if k else 0
        end = starts[k] if k < len(starts) else self.n
        return start, end


def doc_arrays(doc: Doc) -> DocArrays:
    """The ``DocArrays`` of a document (remembered in ``doc_memo``)."""
    memo = doc_memo(doc)
    found = memo.get("arrays")
    if found is None:
        found = memo["arrays"] = DocArrays(doc)
    return found
