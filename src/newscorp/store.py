"""The analysis store: every table of every analysed document in one SQLite file.

An analysis is keyed by the document's content sha256, the sha256 of the text the pipeline
saw (boilerplate learned across a corpus can change it) and the pipeline fingerprint, so a
re-run analyses only new or changed files. ``files`` maps paths to analyses; ``runs``
remembers the exact input list of complete runs, so a repeated query over unchanged files
needs neither decoding nor spaCy. One transaction per batch, WAL mode; one writer at a time
(an advisory lock beside the database).
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import operator
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from newscorp.errors import NewscorpError
from newscorp.records import DocResult, Document, Mention, Quote, SentenceScore
from newscorp.tokenindex import FORMAT as TOKENS_FORMAT

ENV_DB = "NEWSCORP_DB"
STORE_DIR = ".newscorp"
STORE_FILE = "newscorp.db"
_RECORDS: dict[str, type] = {"mentions": Mention, "quotes": Quote, "sentences": SentenceScore}
_DOC_FIELDS = ("title", "date", "place", "agency", "credits", "words")


class StoreError(NewscorpError):
    """The store cannot be opened, or another process is writing it."""


def default_path(paths: Sequence[str]) -> Path:
    """``$NEWSCORP_DB``, else ``.newscorp/newscorp.db`` beside the first corpus directory."""
    env = os.environ.get(ENV_DB, "").strip()
    if env:
        return Path(env)
    from newscorp.corpus.discover import default_corpus

    first = next((p for p in paths if p != "-"), None)
    if first is None:
        first = default_corpus()
        if "-" in paths:
            return Path.cwd() / STORE_DIR / STORE_FILE
    root = Path(first).resolve()
    if not root.is_dir():
        root = root.parent
    return root.parent / STORE_DIR / STORE_FILE


def _schema_sql() -> str:
    record_tables = []
    for name, record in _RECORDS.items():
        cols = ", ".join(f'"{f.name}"' for f in fields(record))
        record_tables.append(
            f"CREATE TABLE IF NOT EXISTS {name} (analysis INTEGER NOT NULL REFERENCES "
            f"analyses(id) ON DELETE CASCADE, seq INTEGER NOT NULL, {cols}, "
            f"PRIMARY KEY (analysis, seq));"
        )
    doc_cols = ", ".join(f'"{name}"' for name in _DOC_FIELDS)
    return "\n".join(
        [
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
            "CREATE TABLE IF NOT EXISTS analyses (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL,"
            " nlp_sha TEXT NOT NULL, fingerprint TEXT NOT NULL, doc TEXT NOT NULL,"
            f" path TEXT NOT NULL, {doc_cols}, text TEXT NOT NULL, tokens BLOB NOT NULL,"
            " analysed_at REAL NOT NULL, UNIQUE (sha256, nlp_sha, fingerprint));",
            "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, doc TEXT NOT NULL,"
            " analysis INTEGER REFERENCES analyses(id) ON DELETE SET NULL, skipped TEXT,"
            " seen REAL NOT NULL);",
            "CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,"
            " created REAL NOT NULL, items TEXT NOT NULL);",
            "CREATE TABLE IF NOT EXISTS tables (run TEXT NOT NULL REFERENCES runs(key)"
            " ON DELETE CASCADE, name TEXT NOT NULL, rows TEXT NOT NULL,"
            " PRIMARY KEY (run, name));",
            *record_tables,
            "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker);",
            "CREATE INDEX IF NOT EXISTS files_analysis ON files (analysis);",
        ]
    )


SCHEMA = _schema_sql()
_FIELDS = {name: [f.name for f in fields(record)] for name, record in _RECORDS.items()}
_COLUMNS = {name: ", ".join(f'"{c}"' for c in cols) for name, cols in _FIELDS.items()}
_VALUES = {name: operator.attrgetter(*cols) for name, cols in _FIELDS.items()}
_INSERT = {
    name: f"INSERT INTO {name} (analysis, seq, {_COLUMNS[name]})"
    f" VALUES ({','.join('?' * (len(_FIELDS[name]) + 2))})"
    for name in _RECORDS
}
_INSERT_ANALYSIS = (
    "INSERT OR REPLACE INTO analyses (sha256, nlp_sha, fingerprint, doc, path, "
    + ", ".join(f'"{n}"' for n in _DOC_FIELDS)
    + f", text, tokens, analysed_at) VALUES ({','.join('?' * (8 + len(_DOC_FIELDS)))})"
)
# the token index layout is part of the schema: a store of another layout is rebuilt
SCHEMA_VERSION = hashlib.sha256(f"{SCHEMA}\ntokens {TOKENS_FORMAT}".encode()).hexdigest()[:12]


def nlp_digest(document: Document) -> str:
    """sha256 of the text the pipeline sees (after boilerplate blanking)."""
    return hashlib.sha256(document.nlp_text.encode("utf-8")).hexdigest()


def _guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """Turn SQLite errors (a full disk, a corrupt file) into a one-line StoreError."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise StoreError(f"store {self.path}: {exc}") from exc

    return wrapper


class Store:
    """An open analysis store for one pipeline fingerprint."""

    def __init__(self, path: Path | str, fingerprint: str, *, create: bool = True) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint
        if not create and not self.path.exists():
            raise StoreError(f"no store at {self.path} (run `newscorp analyze` first)")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self._lock_handle: Any = None

    # --- lifecycle --------------------------------------------------------------------
    def _migrate(self) -> None:
        """Create the schema; a store written by another schema version is rebuilt."""
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is not None and row[0] == SCHEMA_VERSION:
            return
        with self.transaction():
            for (name,) in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'meta'"
            ).fetchall():
                self.db.execute(f'DROP TABLE "{name}"')
            for statement in SCHEMA.split(";\n"):
                if statement.strip():
                    self.db.execute(statement)
            self._set("schema", SCHEMA_VERSION)

    def close(self) -> None:
        self.unlock()
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def lock(self, *, wait: bool = False) -> bool:
        """Take the single-writer lock; False if another process holds it (and not wait)."""
        if self._lock_handle is not None:
            return True
        handle = open(str(self.path) + ".lock", "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._lock_handle = handle
        return True

    @property
    def locked(self) -> bool:
        """Whether this process holds the writer lock."""
        return self._lock_handle is not None

    def unlock(self) -> None:
        if self._lock_handle is not None:
            fcntl.flock(self._lock_handle, fcntl.LOCK_UN)
            self._lock_handle.close()
            self._lock_handle = None

    def _set(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def _get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else row[0]

    # --- reading ----------------------------------------------------------------------
    @_guarded
    def lookup(self, document: Document) -> int | None:
        """The id of a stored analysis of this content under this fingerprint, if any."""
        row = self.db.execute(
            "SELECT id FROM analyses WHERE sha256=? AND nlp_sha=? AND fingerprint=?",
            (document.sha256, nlp_digest(document), self.fingerprint),
        ).fetchone()
        return None if row is None else row[0]

    @_guarded
    def load(self, ids: Sequence[int]) -> dict[int, DocResult]:
        """Analyses by id (records keep the document name they were stored under)."""
        out: dict[int, DocResult] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            records: dict[str, dict[int, list[Any]]] = {name: {} for name in _RECORDS}
            for name, record in _RECORDS.items():
                rows = self.db.execute(
                    f"SELECT analysis, {_COLUMNS[name]} FROM {name} WHERE analysis IN ({marks})"
                    " ORDER BY analysis, seq",
                    chunk,
                )
                for analysis, *values in rows:
                    records[name].setdefault(analysis, []).append(record(*values))
            doc_cols = ", ".join(f'"{n}"' for n in _DOC_FIELDS)
            rows = self.db.execute(
                f"SELECT id, doc, path, sha256, {doc_cols} FROM analyses WHERE id IN ({marks})",
                chunk,
            )
            for id_, doc, path, sha, *meta in rows:
                document = Document(doc, path, "", "", sha, *meta)
                out[id_] = DocResult(
                    document,
                    tuple(records["mentions"].get(id_, ())),
                    tuple(records["quotes"].get(id_, ())),
                    tuple(records["sentences"].get(id_, ())),
                )
        return out

    @_guarded
    def text_and_tokens(self, analysis: int) -> tuple[str, list[list[Any]]]:
        """The decoded text and the [start, end, text, lemma] word tokens of an analysis
        (from the compact index of ``newscorp.tokenindex``)."""
        row = self.db.execute(
            "SELECT text, tokens FROM analyses WHERE id=?", (analysis,)
        ).fetchone()
        if row is None:
            return "", []
        from newscorp.tokenindex import decode

        return row[0], decode(row[1], row[0])

    @_guarded
    def replay(self, key: str) -> list[tuple[str, str, int | str]] | None:
        """The items of a complete earlier run over exactly these inputs, if still valid."""
        row = self.db.execute(
            "SELECT items FROM runs WHERE key=? AND fingerprint=?", (key, self.fingerprint)
        ).fetchone()
        if row is None:
            return None
        items = [tuple(item) for item in json.loads(row[0])]
        ids = [item[2] for item in items if item[0] == "doc"]
        found = 0
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            found += self.db.execute(
                f"SELECT COUNT(*) FROM analyses WHERE id IN ({marks})", chunk
            ).fetchone()[0]
        return items if found == len(set(ids)) else None  # type: ignore[return-value]

    @_guarded
    def cached_table(self, run: str, name: str) -> str | None:
        """A finished table of a recorded run (JSON rows), if one was saved."""
        row = self.db.execute(
            "SELECT t.rows FROM tables t JOIN runs r ON r.key = t.run"
            " WHERE t.run=? AND t.name=? AND r.fingerprint=?",
            (run, name, self.fingerprint),
        ).fetchone()
        return None if row is None else row[0]

    # --- writing ----------------------------------------------------------------------
    @_guarded
    def save_table(self, run: str, name: str, rows: str) -> None:
        """Keep a finished table of a recorded run, so the same query is answered from it."""
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO tables (run, name, rows) SELECT key, ?, ? FROM runs"
                " WHERE key=? AND fingerprint=?",
                (name, rows, run, self.fingerprint),
            )

    @_guarded
    def save(self, items: Iterable[tuple[DocResult, Document, bytes]]) -> list[int]:
        """Insert (result, full document, token index) triples in one transaction; return ids."""
        ids = []
        now = time.time()
        with self.transaction():
            for item, doc, tokens in items:
                meta = tuple(getattr(doc, n) for n in _DOC_FIELDS)
                cur = self.db.execute(
                    _INSERT_ANALYSIS,
                    (doc.sha256, nlp_digest(doc), self.fingerprint, doc.doc, doc.path, *meta)
                    + (doc.text, tokens, now),
                )
                id_ = cur.lastrowid
                for name in _RECORDS:
                    values = _VALUES[name]
                    self.db.executemany(
                        _INSERT[name],
                        ((id_, seq, *values(r)) for seq, r in enumerate(getattr(item, name))),
                    )
                ids.append(id_)
        return ids

    @_guarded
    def record_files(self, rows: Iterable[tuple[str, str, int | None, str | None]]) -> None:
        """Remember which analysis (or skip reason) each path had in this run."""
        now = time.time()
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO files (path, doc, analysis, skipped, seen)"
                " VALUES (?, ?, ?, ?, ?)",
                ((str(Path(p).resolve()), d, a, s, now) for p, d, a, s in rows),
            )

    @_guarded
    def finish_run(self, key: str | None, items: Sequence[tuple[str, str, int | str]]) -> None:
        """Record a complete run so the same inputs can be replayed without decoding."""
        now = time.time()
        with self.transaction():
            if key is not None:
                self.db.execute("DELETE FROM tables WHERE run=?", (key,))
                self.db.execute(
                    "INSERT OR REPLACE INTO runs (key, fingerprint, created, items)"
                    " VALUES (?, ?, ?, ?)",
                    (key, self.fingerprint, now, json.dumps(list(items))),
                )
                self.db.execute(
                    "DELETE FROM runs WHERE key NOT IN "
                    "(SELECT key FROM runs ORDER BY created DESC LIMIT 50)"
                )
            self._set("last_run", str(now))
            self._set("fingerprint", self.fingerprint)

    @_guarded
    def prune(self, roots: Sequence[str], seen: set[str]) -> int:
        """Forget files under roots that this run did not see, and orphaned analyses."""
        resolved = [str(Path(r).resolve()) for r in roots if r != "-"]
        gone = []
        for (path,) in self.db.execute("SELECT path FROM files").fetchall():
            under = any(path == r or path.startswith(r.rstrip("/") + "/") for r in resolved)
            if under and path not in seen:
                gone.append(path)
        with self.transaction():
            self.db.executemany("DELETE FROM files WHERE path=?", ((p,) for p in gone))
            self.db.execute(
                "DELETE FROM analyses WHERE id NOT IN"
                " (SELECT analysis FROM files WHERE analysis IS NOT NULL)"
            )
        return len(gone)

    @_guarded
    def stats(self) -> dict[str, Any]:
        """Counts over the documents the store currently maps paths to."""
        q = self.db.execute
        live = "SELECT DISTINCT analysis FROM files WHERE analysis IS NOT NULL"
        docs = q("SELECT COUNT(*) FROM files WHERE analysis IS NOT NULL").fetchone()[0]
        words = q(f"SELECT COALESCE(SUM(words), 0) FROM analyses WHERE id IN ({live})")
        mentions = q(f"SELECT COUNT(*) FROM mentions WHERE analysis IN ({live})").fetchone()[0]
        entities = q(
            f"SELECT COUNT(DISTINCT entity || '|' || label) FROM mentions"
            f" WHERE analysis IN ({live})"
        ).fetchone()[0]
        quotes = q(f"SELECT COUNT(*) FROM quotes WHERE analysis IN ({live})").fetchone()[0]
        skipped = q("SELECT COUNT(*) FROM files WHERE skipped IS NOT NULL").fetchone()[0]
        last = self._get("last_run")
        return {
            "store": str(self.path),
            "documents": docs,
            "skipped": skipped,
            "words": words.fetchone()[0],
            "mentions": mentions,
            "entities": entities,
            "quotes": quotes,
            "last_run": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(last)))
            if last
            else "",
            "fingerprint": self._get("fingerprint") or "",
        }


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def rename(item: DocResult, doc: str, path: str) -> DocResult:
    """The same analysis under another document name (a copy of a file elsewhere)."""
    if item.document.doc == doc and item.document.path == path:
        return item
    old = item.document.doc

    def quote_id(q: Quote) -> str:
        return doc + q.quote_id[len(old) :] if q.quote_id.startswith(old) else q.quote_id

    return DocResult(
        replace(item.document, doc=doc, path=path),
        tuple(replace(m, doc=doc) for m in item.mentions),
        tuple(replace(q, doc=doc, quote_id=quote_id(q)) for q in item.quotes),
        tuple(replace(s, doc=doc) for s in item.sentences),
    )


def inputs_key(entries: Sequence[tuple[Path, str]], glob: str) -> str:
    """Digest of an input list with sizes and modification times (for replay)."""
    digest = hashlib.sha256(glob.encode())
    for path, name in entries:
        try:
            info = os.stat(path)
            stamp = f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}"
        except OSError:
            stamp = "missing"
        digest.update(f"\0{os.path.abspath(path)}\0{name}\0{stamp}".encode())
    return digest.hexdigest()


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
