"""Analyse a corpus on a Dask cluster into a partitioned Parquet dataset, and read it back.

The client discovers the files and learns the corpus-wide repeated lines (boilerplate) once,
then maps contiguous partitions of the file list over the cluster. Each worker process loads
the pipeline once (``load_pipeline`` is cached per process), analyses its partition and writes
one Parquet file per table: ``OUT/<table>/part-NNNNN.parquet``. ``OUT/newscorp.json`` names
the fingerprint and the partitions. The workers must see the input files and OUT under the
same paths (a shared filesystem). Dask and pyarrow are optional: ``pip install newscorp[dask]``.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from newscorp.errors import NewscorpError
from newscorp.records import DocResult, Document, Mention, Quote, SentenceScore, Skipped

MANIFEST = "newscorp.json"
TABLES: dict[str, type] = {
    "docs": Document,
    "mentions": Mention,
    "quotes": Quote,
    "sentences": SentenceScore,
}
_SKIP_DOC_FIELDS = ("text", "nlp_text")


class DistributedError(NewscorpError):
    """Dask is missing, the cluster cannot be reached, or the dataset is unreadable."""


def is_dataset(path: str | Path) -> bool:
    """Whether path is a Parquet dataset written by ``analyze --engine dask``."""
    return (Path(path) / MANIFEST).is_file()


def _columns(record: type) -> list[str]:
    """Stored columns: every field, but a Document's texts (the source files keep them)."""
    skip = _SKIP_DOC_FIELDS if record is Document else ()
    return [f.name for f in fields(record) if f.name not in skip]


def analyse_partition(
    index: int, entries: Sequence[tuple[str, str]], model: str, learned: Any, out: str
) -> dict[str, Any]:
    """Worker task: analyse one partition and write its Parquet files."""
    import pandas as pd

    from newscorp.corpus.loader import load_entries
    from newscorp.engine import analyse_batch, chunked

    skipped: list[Skipped] = []
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    documents = load_entries([(Path(p), n) for p, n in entries], learned, on_skip=skipped.append)
    for batch in chunked(documents, 32):
        for result, _tokens in analyse_batch(model, batch):
            rows["docs"].append({c: getattr(result.document, c) for c in _columns(Document)})
            for name in ("mentions", "quotes", "sentences"):
                columns = _columns(TABLES[name])
                rows[name].extend(
                    {c: getattr(r, c) for c in columns} for r in getattr(result, name)
                )
    for name, record in TABLES.items():
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        frame = pd.DataFrame(rows[name], columns=_columns(record))
        frame.to_parquet(folder / f"part-{index:05d}.parquet", index=False)
    return {
        "index": index,
        "documents": len(rows["docs"]),
        "skipped": [[s.path, s.reason] for s in skipped],
    }


def analyse_on_dask(
    paths: Sequence[str],
    out_dir: str | Path,
    *,
    glob: str = "*.txt",
    model: str | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    on_skip: Callable[[Skipped], None] | None = None,
    notify: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Analyse paths on a Dask cluster (a local one of ``workers`` processes without
    ``scheduler``) and replace out_dir with the dataset; return the manifest."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise DistributedError(
            "the dask engine needs dask and pyarrow: pip install 'newscorp[dask]'"
        ) from exc
    from newscorp.corpus.discover import discover
    from newscorp.corpus.loader import learn_repeated
    from newscorp.pipeline.fingerprint import fingerprint
    from newscorp.pipeline.resolve import resolve_model

    logging.getLogger("distributed").setLevel(logging.ERROR)  # worker shutdown chatter
    entries = list(discover(list(paths), glob=glob))
    learned = learn_repeated(entries)
    model_name = resolve_model(model).name
    count = max(1, min(len(entries), workers * 4))
    size = -(-len(entries) // count) if entries else 1
    parts = [
        [(str(p), n) for p, n in entries[i : i + size]] for i in range(0, len(entries), size)
    ] or [[]]
    target = Path(out_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    say = notify or (lambda message: None)
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
            cluster = None
        else:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
    except (OSError, ValueError, TimeoutError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise DistributedError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        say(f"newscorp: {len(parts)} partitions on {client.scheduler.address}")
        futures = client.map(
            analyse_partition,
            range(len(parts)),
            parts,
            model=model_name,
            learned=learned,
            out=str(staging),
            pure=False,
        )
        reports = client.gather(futures)
    except Exception:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    reports.sort(key=lambda r: r["index"])
    for report in reports:
        for path, reason in report["skipped"]:
            if on_skip is not None:
                on_skip(Skipped(path, reason))
    manifest = {
        "fingerprint": fingerprint(model_name),
        "model": model_name,
        "partitions": len(parts),
        "documents": sum(r["documents"] for r in reports),
        "skipped": sum(len(r["skipped"]) for r in reports),
        "tables": list(TABLES),
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    _swap_into_place(staging, target)
    return manifest


def _swap_into_place(staging: Path, target: Path) -> None:
    """Replace target by staging with renames, so readers never see half a dataset."""
    old = None
    if target.exists():
        if not is_dataset(target) and any(target.iterdir()):
            shutil.rmtree(staging, ignore_errors=True)
            raise DistributedError(f"{target} exists and is not a newscorp dataset")
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def read_dataset(path: str | Path) -> Iterator[DocResult]:
    """DocResults of a dataset, in the order of the files analysed."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - pandas is a core dependency
        raise DistributedError(str(exc)) from exc
    root = Path(path)
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DistributedError(f"cannot read dataset {root}: {exc}") from exc
    for index in range(int(manifest["partitions"])):
        frames = {}
        for name in TABLES:
            part = root / name / f"part-{index:05d}.parquet"
            try:
                frames[name] = pd.read_parquet(part)
            except (OSError, ValueError, ImportError) as exc:
                raise DistributedError(f"cannot read {part}: {exc}") from exc
        try:
            yield from _results(frames)
        except (TypeError, KeyError) as exc:
            raise DistributedError(
                f"{root} was written by another newscorp version ({exc}); run analyze again"
            ) from exc


def _results(frames: dict[str, Any]) -> Iterator[DocResult]:
    grouped: dict[str, dict[str, list[Any]]] = {n: {} for n in ("mentions", "quotes", "sentences")}
    for name in grouped:
        record = TABLES[name]
        for row in frames[name].to_dict("records"):
            grouped[name].setdefault(row["doc"], []).append(record(**_plain(row)))
    for row in frames["docs"].to_dict("records"):
        document = Document(text="", nlp_text="", **_plain(row))
        doc = document.doc
        yield DocResult(
            document,
            tuple(grouped["mentions"].get(doc, ())),
            tuple(grouped["quotes"].get(doc, ())),
            tuple(grouped["sentences"].get(doc, ())),
        )


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """numpy scalars back to Python ints, floats and strings."""
    return {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
