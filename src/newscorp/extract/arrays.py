"""Token strings of a parsed document read from its attribute arrays, not from Token objects.

``token.text`` builds a Token and looks its string up in the StringStore (about a microsecond
a token); ``doc.to_array`` returns every token's string id at once, and the strings of ids
seen before come from a plain dict here. An id is the hash of its string (the same in every
Vocab), so the dict is valid for any document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def token_lowers(doc: Doc) -> list[str]:
    """Each token's ``lower_``."""
    if not len(doc):
        return []
    from spacy.attrs import LOWER

    return id_strings(doc.to_array(LOWER).tolist(), doc.vocab.strings)
