"""Filters and exports over a Corpus's tables: what the CLI's options select."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newscorp.errors import OutputError, UsageError
from newscorp.rows import Rows, as_rows

if TYPE_CHECKING:
    import pandas as pd

    from newscorp.analysis import Corpus

EXPORT_SUFFIX = {"csv": "csv", "tsv": "tsv", "jsonl": "jsonl", "json": "json", "parquet": "parquet"}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _in_docs(docs: Sequence[str]) -> Callable[[str], bool]:
    names = set(docs)
    return lambda d: d in names or Path(d).name in names


def filter_mentions(
    table: Rows | pd.DataFrame, *, labels: Sequence[str] = (), docs: Sequence[str] = ()
) -> Rows:
    """Mentions of the given labels and documents."""
    rows = as_rows(table)
    if labels:
        rows = rows.isin("label", [lab.upper() for lab in labels])
    if docs:
        rows = rows.where("doc", _in_docs(docs))
    return rows


def filter_entities(
    corpus: Corpus,
    *,
    labels: Sequence[str] = (),
    min_count: int = 1,
    top: int | None = None,
    docs: Sequence[str] = (),
) -> Rows:
    """The entities table, optionally restricted to documents, labels, counts and top N."""
    if top is not None and top < 0:
        raise UsageError("--top must be 0 or more")
    if docs:
        from newscorp.tables import entities_table

        wanted = _in_docs(docs)
        results = [r for r in corpus.results() if wanted(r.document.doc)]
        rows = as_rows(entities_table(results))
    else:
        rows = corpus.table("entities")
    if labels:
        rows = rows.isin("label", [lab.upper() for lab in labels])
    rows = rows.where("mentions", lambda n: n >= min_count)
    return rows if top is None else rows.head(top)


def speaker_names(corpus: Corpus) -> dict[str, set[str]]:
    """Canonical name -> every way it was written (entity variants), case-folded."""
    entities = corpus.table("entities")
    entity, variants = entities.index("entity"), entities.index("variants")
    return {
        row[entity]: {v.casefold() for v in str(row[variants]).split("; ") if v} for row in entities
    }


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
) -> Rows:
    """Quotes of a speaker (canonical name or any variant), of some types and documents;
    clusters are formed over the whole corpus before filtering."""
    rows = corpus.table("quotes", cluster=cluster)
    if speaker:
        names = speaker_names(corpus)
        keep = {
            s
            for s in set(rows.column("speaker"))
            if matches_speaker(speaker, s, names.get(s, set()))
        }
        rows = rows.isin("speaker", keep)
    if kinds:
        rows = rows.isin("type", kinds)
    if docs:
        rows = rows.where("doc", _in_docs(docs))
    return rows


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
    for name in ("docs", "entities", "mentions", "quotes", "speakers"):
        path = out / f"{name}.{EXPORT_SUFFIX[fmt]}"
        write_file(corpus.table(name), path, fmt, safe_csv=safe_csv)
        yield path
    for by in SENTIMENT_BY:
        path = out / f"sentiment_{by}.{EXPORT_SUFFIX[fmt]}"
        write_file(corpus.table("sentiment", by=by), path, fmt, safe_csv=safe_csv)
        yield path
