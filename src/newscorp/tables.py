"""Records -> pandas DataFrames. Column order for every table is defined here, once."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING

import pandas as pd

from newscorp.errors import UsageError
from newscorp.extract.canon import corpus_links
from newscorp.extract.sentiment import label_for
from newscorp.records import Document

if TYPE_CHECKING:
    from newscorp.analysis import DocResult

DOCS = ["doc", "title", "date", "place", "agency", "credits", "words", "sha256"]
MENTIONS = ["doc", "start", "end", "text", "label", "entity"]
ENTITIES = ["entity", "label", "mentions", "docs", "variants", "roles"]
QUOTES = [
    "doc",
    "quote_id",
    "type",
    "speaker",
    "speaker_mention",
    "cue",
    "text",
    "start",
    "end",
    "sentiment",
]
SPEAKERS = ["speaker", "statements", "quotes", "docs", "sentiment"]
SENTIMENT_KEYS = {
    "doc": ["doc"],
    "sentence": ["doc", "sentence", "start", "end", "text"],
    "quote": ["doc", "quote_id", "speaker"],
    "entity": ["entity", "entity_label"],
    "speaker": ["speaker"],
}
SENTIMENT_VALUES = ["score", "label", "n"]
SENTIMENT_BY = tuple(SENTIMENT_KEYS)


def _frame(rows: Iterable[dict], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(columns))


def docs_table(documents: Iterable[Document]) -> pd.DataFrame:
    """The docs table."""
    return _frame(({c: getattr(d, c) for c in DOCS} for d in documents), DOCS)


Links = dict[str, str]


def _links(results: Sequence[DocResult], links: Links | None = None) -> Links:
    """The given corpus links, or those of results (a Corpus computes them once per query)."""
    if links is not None:
        return links
    names = Counter((m.label, m.entity) for r in results for m in r.mentions)
    return corpus_links(names)


def entity_links(results: Sequence[DocResult]) -> dict[str, str]:
    """Document-level entity name -> the corpus-level name every table shows."""
    return _links(results)


def mentions_table(results: Sequence[DocResult], links: Links | None = None) -> pd.DataFrame:
    """One row per entity mention, with the corpus-level canonical entity."""
    links = _links(results, links)
    rows = (
        {**{c: getattr(m, c) for c in MENTIONS}, "entity": links.get(m.entity, m.entity)}
        for r in results
        for m in r.mentions
    )
    return _frame(rows, MENTIONS)


def entities_table(results: Sequence[DocResult], links: Links | None = None) -> pd.DataFrame:
    """One row per canonical entity: label, counts, variants as written (runs of whitespace
    as one space: "Karl  Schwarzenberg"), roles."""
    links = _links(results, links)
    labels: dict[str, Counter] = defaultdict(Counter)
    variants: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, set] = defaultdict(set)
    for r in results:
        for m in r.mentions:
            name = links.get(m.entity, m.entity)
            labels[name][m.label] += 1
            variants[name][" ".join(m.text.split())] += 1
            docs[name].add(m.doc)
            if m.role:
                roles[name][m.role] += 1
    rows = []
    for name, counts in labels.items():
        rows.append(
            {
                "entity": name,
                "label": counts.most_common(1)[0][0],
                "mentions": sum(counts.values()),
                "docs": len(docs[name]),
                "variants": "; ".join(_by_count(variants[name], first=name)),
                "roles": "; ".join(_by_count(roles[name])),
            }
        )
    rows.sort(key=lambda r: (-r["mentions"], -r["docs"], r["entity"]))
    return _frame(rows, ENTITIES)


def _by_count(counter: Counter, first: str | None = None) -> list[str]:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    names = [k for k, _ in items]
    if first in names:
        names.remove(first)
        names.insert(0, first)
    return names


def quotes_table(
    results: Sequence[DocResult], *, cluster: bool = False, links: Links | None = None
) -> pd.DataFrame:
    """One row per quote; speakers linked across the corpus like entities. With ``cluster``
    a ``cluster`` column groups the same statement reported by several articles."""
    from newscorp.extract.cluster import cluster_ids

    links = _links(results, links)
    rows = []
    for r in results:
        for q in r.quotes:
            row = asdict(q)
            row["speaker"] = links.get(q.speaker, q.speaker)
            rows.append(row)
    if not cluster:
        return _frame(rows, QUOTES)
    for row, cid in zip(rows, cluster_ids(rows), strict=True):
        row["cluster"] = cid
    return _frame(rows, [*QUOTES, "cluster"])


def speakers_table(results: Sequence[DocResult], links: Links | None = None) -> pd.DataFrame:
    """One row per canonical speaker: statements (clusters of quotes reporting the same
    statement), quotes (copies), documents, mean quote sentiment."""
    quotes = quotes_table(results, cluster=True, links=links)
    quotes = quotes[quotes["speaker"] != ""]
    if quotes.empty:
        return _frame([], SPEAKERS)
    grouped = (
        quotes.groupby("speaker")
        .agg(
            statements=("cluster", "nunique"),
            quotes=("quote_id", "count"),
            docs=("doc", "nunique"),
            sentiment=("sentiment", "mean"),
        )
        .reset_index()
    )
    grouped["sentiment"] = grouped["sentiment"].round(4)
    grouped = grouped.sort_values(
        ["statements", "quotes", "speaker"], ascending=[False, False, True]
    )
    return grouped[SPEAKERS].reset_index(drop=True)


def _scored(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    frame = frame.copy()
    frame["score"] = frame["score"].astype(float).round(4)
    frame["label"] = [label_for(s) for s in frame["score"]]
    return frame[keys + SENTIMENT_VALUES].reset_index(drop=True)


def sentiment_table(
    results: Sequence[DocResult], by: str = "doc", links: Links | None = None
) -> pd.DataFrame:
    """Sentiment per doc, sentence, quote, entity or speaker: score in [-1, 1], label, n."""
    if by not in SENTIMENT_KEYS:
        raise UsageError(f"--by must be one of {', '.join(SENTIMENT_BY)}, not {by!r}")
    keys = SENTIMENT_KEYS[by]
    if by in {"quote", "speaker"}:
        quotes = quotes_table(results, links=links)
        if by == "speaker":
            quotes = quotes[quotes["speaker"] != ""]
            rows = [
                {"speaker": s, "score": g["sentiment"].mean(), "n": len(g)}
                for s, g in quotes.groupby("speaker")
            ]
            frame = _frame(rows, ["speaker", "score", "n"]).sort_values("speaker")
            return _scored(frame, keys)
        frame = quotes.rename(columns={"sentiment": "score"})
        frame["n"] = 1
        return _scored(frame, keys)
    sentences = [s for r in results for s in r.sentences]
    if by == "sentence":
        return _scored(_frame((asdict(s) for s in sentences), [*keys, "score", "n"]), keys)
    if by == "doc":
        rows = []
        for r in results:
            polar = [s for s in r.sentences if s.n]
            total = sum(s.n for s in polar)
            score = sum(s.score * s.n for s in polar) / total if total else 0.0
            rows.append({"doc": r.document.doc, "score": score, "n": len(r.sentences)})
        return _scored(_frame(rows, ["doc", "score", "n"]), keys)
    # by entity: the sentences that mention it
    links = _links(results, links)
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r in results:
        by_sentence = {s.sentence: s for s in r.sentences}
        seen = set()
        for m in r.mentions:
            name = links.get(m.entity, m.entity)
            key = (name, m.label, m.sentence)
            sent = by_sentence.get(m.sentence)
            if sent is None or key in seen:
                continue
            seen.add(key)
            scores[(name, m.label)].append(sent.score)
    rows = [
        {"entity": e, "entity_label": lab, "score": sum(v) / len(v), "n": len(v)}
        for (e, lab), v in scores.items()
    ]
    frame = _frame(rows, ["entity", "entity_label", "score", "n"])
    frame = frame.sort_values(["n", "entity"], ascending=[False, True])
    return _scored(frame, keys)
