"""Filters and exports over a Corpus's tables: what the CLI's options select."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from newscorp.errors import OutputError, UsageError

if TYPE_CHECKING:
    from newscorp.analysis import Corpus

EXPORT_SUFFIX = {"csv": "csv", "tsv": "tsv", "jsonl": "jsonl", "json": "json", "parquet": "parquet"}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _doc_mask(frame: pd.DataFrame, docs: Sequence[str]) -> pd.Series:
    names = set(docs)
    return frame["doc"].map(lambda d: d in names or Path(d).name in names)


def filter_mentions(
    frame: pd.DataFrame, *, labels: Sequence[str] = (), docs: Sequence[str] = ()
) -> pd.DataFrame:
    """Mentions of the given labels and documents."""
    if labels:
        frame = frame[frame["label"].isin([lab.upper() for lab in labels])]
    if docs:
        frame = frame[_doc_mask(frame, docs)]
    return frame.reset_index(drop=True)


def filter_entities(
    corpus: Corpus,
    *,
    labels: Sequence[str] = (),
    min_count: int = 1,
    top: int | None = None,
    docs: Sequence[str] = (),
) -> pd.DataFrame:
    """The entities table, optionally restricted to documents, labels, counts and top N."""
    if top is not None and top < 0:
        raise UsageError("--top must be 0 or more")
    if docs:
        from newscorp.tables import entities_table

        results = [
            r
            for r in corpus.results()
            if r.document.doc in set(docs) or Path(r.document.doc).name in set(docs)
        ]
        frame = entities_table(results)
    else:
        frame = corpus.entities()
    if labels:
        frame = frame[frame["label"].isin([lab.upper() for lab in labels])]
    frame = frame[frame["mentions"] >= min_count]
    if top is not None:
        frame = frame.head(top)
    return frame.reset_index(drop=True)


def speaker_names(corpus: Corpus) -> dict[str, set[str]]:
    """Canonical name -> every way it was written (entity variants), case-folded."""
    names: dict[str, set[str]] = {}
    for row in corpus.entities().itertuples(index=False):
        names[row.entity] = {v.casefold() for v in str(row.variants).split("; ") if v}
    return names


def matches_speaker(query: str, canonical: str, variants: Iterable[str]) -> bool:
    """True when the query names this speaker: all its words in the canonical name, or a variant."""
    if not canonical:
        return False
    q = query.casefold().strip()
    words = _words(q)
    if not words:
        return False
    if q == canonical.casefold() or q in variants:
        return True
    return set(words) <= set(_words(canonical))


def filter_quotes(
    corpus: Corpus,
    *,
    speaker: str | None = None,
    kinds: Sequence[str] = (),
    docs: Sequence[str] = (),
    cluster: bool = False,
) -> pd.DataFrame:
    """Quotes of a speaker (canonical name or any variant), of some types and documents;
    clusters are formed over the whole corpus before filtering."""
    frame = corpus.quotes(cluster=cluster)
    if speaker:
        names = speaker_names(corpus)
        keep = {
            s for s in set(frame["speaker"]) if matches_speaker(speaker, s, names.get(s, set()))
        }
        frame = frame[frame["speaker"].isin(keep)]
    if kinds:
        frame = frame[frame["type"].isin(kinds)]
    if docs:
        frame = frame[_doc_mask(frame, docs)]
    return frame.reset_index(drop=True)


def export_tables(
    corpus: Corpus, out_dir: str | Path, fmt: str, *, safe_csv: bool = False
) -> Iterator[Path]:
    """Write every table into ``out_dir``; yield each path written."""
    from newscorp.render import write_file
    from newscorp.tables import SENTIMENT_BY

    if fmt not in EXPORT_SUFFIX:
        raise UsageError(f"unknown export format {fmt!r}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {out}: {exc.strerror or exc}") from exc
    tables = {
        "docs": corpus.docs,
        "entities": corpus.entities,
        "mentions": corpus.mentions,
        "quotes": corpus.quotes,
        "speakers": corpus.speakers,
    }
    for name, make in tables.items():
        path = out / f"{name}.{EXPORT_SUFFIX[fmt]}"
        write_file(make(), path, fmt, safe_csv=safe_csv)
        yield path
    for by in SENTIMENT_BY:
        path = out / f"sentiment_{by}.{EXPORT_SUFFIX[fmt]}"
        write_file(corpus.sentiment(by=by), path, fmt, safe_csv=safe_csv)
        yield path
