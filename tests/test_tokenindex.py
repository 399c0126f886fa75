"""The compact token index kept for kwic: written from a parsed document, read back as rows."""

from __future__ import annotations

import json
import sqlite3

from newscorp import store as store_module
from newscorp.engine import token_index
from newscorp.records import DocResult, Document
from newscorp.store import Store
from newscorp.tokenindex import decode, encode

TEXT = "Die Kanzlerin sagte: „Wir schaffen das.“\n\nSie lachte."


def rows_of(doc) -> list[list]:
    """The rows spelled out token by token, as the index of earlier versions wrote them."""
    return [
        [t.idx, t.idx + len(t.text), t.text, t.lemma_ or t.text]
        for t in doc
        if not t.is_space and not t.is_punct
    ]


def parts(index: bytes) -> tuple[list[int], list[int], list[str], dict[str, str]]:
    """(starts, ends, lemmas, others) of an index, read by hand."""
    n = int.from_bytes(index[:4], "little")
    offsets = [int.from_bytes(index[4 + 4 * k : 8 + 4 * k], "little") for k in range(2 * n)]
    lemmas, others = json.loads(index[4 + 8 * n :].decode("utf-8"))
    return offsets[:n], offsets[n:], lemmas, others


def test_rows_read_back_exactly(nlp):
    doc = nlp(TEXT)
    index = encode(doc)
    assert decode(index, TEXT) == rows_of(doc)
    starts, ends, lemmas, others = parts(index)
    assert [TEXT[s:e] for s, e in zip(starts, ends, strict=True)] == [
        "Die", "Kanzlerin", "sagte", "Wir", "schaffen", "das", "Sie", "lachte",
    ]  # fmt: skip
    # a lemma is written only when it is not the word itself
    assert lemmas[2] == "sagen" and lemmas[1] == ""
    assert others == {}
    assert decode(token_index(doc), TEXT) == rows_of(doc)


def test_a_word_over_blanked_characters_keeps_its_text(nlp):
    # the pipeline saw "Blanked" where the decoded text has "Xlanked": that word keeps it
    parsed = "Blanked Wort hier."
    text = "Xlanked Wort hier."
    doc = nlp(parsed)
    index = encode(doc, text)
    assert parts(index)[3] == {"0": "Blanked"}
    assert decode(index, text) == rows_of(doc)
    shorter = encode(doc, "Wort")  # not the parsed text at all: every word keeps its text
    assert decode(shorter, "Wort") == rows_of(doc)


def test_an_empty_document(nlp):
    doc = nlp("")
    assert decode(encode(doc), "") == []
    assert decode(b"", "") == []


def test_store_round_trip_and_old_layout_rebuilt(nlp, tmp_path, monkeypatch):
    doc = nlp(TEXT)
    document = Document("a.txt", "a.txt", TEXT, TEXT, "0" * 64, words=8)
    path = tmp_path / "s.db"
    with Store(path, "fp") as store:
        [id_] = store.save([(DocResult(document, (), (), ()), document, encode(doc, TEXT))])
        assert store.text_and_tokens(id_) == (TEXT, rows_of(doc))
    # a store written with another token layout is rebuilt, not misread
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value='older' WHERE key='schema'")
    with Store(path, "fp") as store:
        assert store.lookup(document) is None
    assert (
        store_module.SCHEMA_VERSION
        != store_module.hashlib.sha256(store_module.SCHEMA.encode()).hexdigest()[:12]
    )
