"""Group the same statement reported by different articles (and repeated in one).

Each quotation is reduced to the set of its content words (no function words from
data/stopwords.txt, light German suffix stripping so "Optionen" ~ "Option"). Two quotations
are linked when their speakers are compatible (equal, or one unknown) and their word sets
overlap: at least ``min_shared`` shared words covering ``threshold`` of the smaller set (a
one-word fragment must equal the other). Groups are the connected components of these links
(single link); a group's id is its first quote id in corpus order, so ids are stable when
other documents are added after it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from newscorp.pipeline.lexicons import data_lines

THRESHOLD = 0.6
MIN_SHARED = 2
UNKNOWN_SPEAKER = 0.8  # overlap needed when one of the two speakers is unknown
SUFFIXES = ("ungen", "en", "er", "es", "em", "e", "s")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def stopwords() -> frozenset[str]:
    """German function words (data/stopwords.txt)."""
    return frozenset(w for line in data_lines("stopwords.txt") for w in line.split())


def stem(word: str) -> str:
    """Lowercase word without one inflectional ending ("Optionen" -> "option")."""
    low = word.casefold()
    for suffix in SUFFIXES:
        if suffix == "s" and low.endswith(("ss", "us", "is", "os")):
            continue
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            return low[: -len(suffix)] + ("ung" if suffix == "ungen" else "")
    return low


def content_words(text: str) -> frozenset[str]:
    """Stems of the words of a text that are not function words."""
    stop = stopwords()
    return frozenset(
        stem(w) for w in _WORD.findall(text) if len(w) > 2 and w.casefold() not in stop
    )


def linked(a: frozenset[str], b: frozenset[str], *, threshold: float = THRESHOLD) -> bool:
    """Do two content-word sets say the same thing? Most of the smaller one is in the larger
    one, and either nearly all of it or three words and a quarter of both together."""
    if not a or not b:
        return False
    shared = len(a & b)
    if min(len(a), len(b)) < MIN_SHARED:
        return a == b
    overlap = shared / min(len(a), len(b))
    jaccard = shared / len(a | b)
    if a == b:
        return True
    contained = overlap >= 0.9 and min(len(a), len(b)) >= 3  # a quoted fragment of the other
    return overlap >= threshold and (contained or shared >= 3 and jaccard >= 0.25)


def compatible(a: str, b: str) -> bool:
    """Speakers that may be the same: equal, one unknown, or one name inside the other
    ("Kim Jong" and "Kim Jong Un")."""
    if not a or not b or a == b:
        return True
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    return wa <= wb or wb <= wa


def _id_key(quote_id: str) -> tuple[str, int, str]:
    doc, _, number = quote_id.rpartition("#")
    return (doc, int(number), "") if number.isdigit() else (quote_id, 0, quote_id)


def cluster_ids(rows: Sequence[Mapping], *, threshold: float = THRESHOLD) -> list[str]:
    """The cluster id of each quote row (mappings with quote_id, speaker and text)."""
    words = [content_words(str(r.get("text", ""))) for r in rows]
    speakers = [str(r.get("speaker", "") or "") for r in rows]
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # only pairs that share a word are compared
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            by_word[w].append(i)
    for i, j in _candidate_pairs(by_word.values()):
        si, sj = speakers[i], speakers[j]
        if not compatible(si, sj):
            continue
        strict = UNKNOWN_SPEAKER if not si or not sj else threshold
        if find(i) != find(j) and linked(words[i], words[j], threshold=strict):
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        groups[find(i)].append(i)
    out = [""] * len(rows)
    for members in groups.values():
        first = min((str(rows[i]["quote_id"]) for i in members), key=_id_key)
        for i in members:
            out[i] = first
    return out


def _candidate_pairs(postings: Iterable[list[int]]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for ids in postings:
        if len(ids) > 200:  # a word in almost every quote links nothing by itself
            continue
        for k, i in enumerate(ids):
            for j in ids[k + 1 :]:
                pairs.add((i, j))
    return pairs
