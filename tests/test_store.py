"""The analysis store: same output with and without it, incremental re-runs, locking, kill -9."""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorp.cli import cli
from newscorp.store import Store, default_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
QUERIES = [
    ["quotes"],
    ["quotes", "--speaker", "Trump"],
    ["entities"],
    ["entities", "--mentions"],
    ["sentiment", "--by", "sentence"],
    ["speakers"],
]


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def stats(db: Path) -> dict[str, str]:
    result = run("analyze", "--stats", "--db", str(db), "--format", "tsv", str(db.parent))
    assert result.exit_code == 0, result.output
    return next(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """A copy of the sample corpus and a store analysed from it."""
    base = tmp_path_factory.mktemp("store")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    db = base / "analysis.db"
    result = run("analyze", "--db", str(db), str(corpus))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "(5 analysed, 0 cached, 0 skipped)" in result.stderr
    return corpus, db


def test_default_store_lives_beside_the_corpus(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSCORP_DB", raising=False)
    (tmp_path / "news").mkdir()
    assert default_path([str(tmp_path / "news")]) == tmp_path / ".newscorp" / "newscorp.db"
    monkeypatch.setenv("NEWSCORP_DB", str(tmp_path / "x.db"))
    assert default_path([str(tmp_path / "news")]) == tmp_path / "x.db"


def test_stats_count_what_was_analysed(analysed):
    corpus, db = analysed
    row = stats(db)
    assert row["documents"] == "5"
    assert row["skipped"] == "0"
    assert int(row["words"]) > 2000
    assert int(row["quotes"]) > 30
    assert len(row["fingerprint"]) == 16


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: " ".join(q))
def test_output_is_identical_with_and_without_the_store(analysed, query):
    corpus, db = analysed
    cached = run(*query, "--db", str(db), str(corpus))
    fresh = run(*query, "--no-cache", str(corpus))
    assert cached.exit_code == fresh.exit_code == 0
    assert cached.stdout == fresh.stdout
    assert "unchanged documents read from store" in cached.stderr
    assert "pipeline" not in cached.stderr  # replayed: spaCy was not even loaded


def test_a_repeated_query_is_answered_from_its_finished_table(analysed, monkeypatch):
    corpus, db = analysed
    query = ["quotes", "--speaker", "Trump", "--format", "tsv", "--db", str(db), str(corpus)]
    first = run(*query)
    with sqlite3.connect(db) as con:
        names = {r[0] for r in con.execute("SELECT name FROM tables")}
    assert {"quotes", "entities"} <= names

    def no_loading(self, ids):
        raise AssertionError("the analyses were loaded again")

    monkeypatch.setattr(Store, "load", no_loading)
    again = run(*query)
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout
    assert "Donald Trump" in again.stdout
    assert "5 unchanged documents read from store" in again.stderr


def test_a_cached_query_imports_neither_pandas_nor_spacy(analysed):
    corpus, db = analysed
    args = ["quotes", "--speaker", "Trump", "--format", "csv", "--db", str(db), str(corpus)]
    assert run(*args).exit_code == 0  # the finished table is in the store now
    probe = (
        "import sys\n"
        "from newscorp.cli import main\n"
        f"sys.argv = ['newscorp', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "print('modules', 'pandas' in sys.modules, 'spacy' in sys.modules, code, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert "modules False False 0" in done.stderr, done.stderr
    assert done.stdout.startswith("doc,quote_id,type,speaker,")
    assert "Donald Trump" in done.stdout


def test_rerun_analyses_only_changed_files_and_drops_deleted_ones(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    db = tmp_path / "s.db"
    assert run("analyze", "--db", str(db), str(corpus)).exit_code == 0
    first = sorted(corpus.iterdir())
    with open(first[0], "a", encoding="utf-8") as handle:
        handle.write("\nDer Minister sagte, er sei zufrieden.\n")
    first[1].unlink()
    again = run("analyze", "--db", str(db), str(corpus))
    assert again.exit_code == 0, again.output
    assert "(1 analysed, 3 cached, 0 skipped)" in again.stderr
    row = stats(db)
    assert row["documents"] == "4"
    with sqlite3.connect(db) as con:
        docs = {r[0] for r in con.execute("SELECT doc FROM analyses")}
    assert first[1].name not in docs
    # the appended sentence is an indirect quote of the changed file
    quotes = run("quotes", "--db", str(db), "--format", "tsv", str(corpus))
    assert "er sei zufrieden" in quotes.stdout


def test_a_second_writer_fails_with_a_clear_message(analysed):
    corpus, db = analysed
    holder = Store(db, "x")
    assert holder.lock()
    try:
        result = run("analyze", "--db", str(db), str(corpus))
        assert result.exit_code == 1
        assert result.stderr.strip().endswith(
            "is being written by another newscorp process; try again when it has finished"
        )
        assert len(result.stderr.strip().splitlines()) == 1
        # a query command still answers, reading only
        query = run("quotes", "--db", str(db), "--format", "tsv", str(corpus))
        assert query.exit_code == 0
        assert "busy; reading only" in query.stderr
    finally:
        holder.close()


def test_workers_give_the_same_rows(tmp_path):
    one = run("quotes", "--no-cache", "--format", "jsonl", str(CORPUS))
    two = run("quotes", "--no-cache", "--workers", "2", "--format", "jsonl", str(CORPUS))
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


@pytest.mark.parametrize("bad", ["0", "-3", "many"])
def test_bad_worker_counts_are_usage_errors(bad):
    result = run("quotes", "--workers", bad, str(CORPUS))
    assert result.exit_code == 2
    assert "--workers" in result.stderr


KILLABLE = """
import sys, time
from newscorp.analysis import Corpus
from newscorp.engine import Analyser

slow = Analyser.run
def run(self, documents):
    out = slow(self, documents)
    time.sleep(0.5)
    return out
Analyser.run = run
corpus = Corpus([sys.argv[1]], store=sys.argv[2], chunk_size=1, require_lock=True, prune=True,
                notify=lambda m: None)
for _ in corpus.iter_results():
    pass
"""


def test_store_survives_kill_9_and_the_next_run_continues(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    db = tmp_path / "k.db"
    proc = subprocess.Popen([sys.executable, "-c", KILLABLE, str(corpus), str(db)])
    try:
        deadline = time.time() + 240
        done = 0
        while time.time() < deadline and done < 2:
            time.sleep(0.2)
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=1) as con:
                        done = con.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
                except sqlite3.OperationalError:
                    done = 0
        assert done >= 2, "the writer committed nothing in time"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = con.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    assert 2 <= kept < 5
    result = run("analyze", "--db", str(db), str(corpus))
    assert result.exit_code == 0, result.output  # the lock died with the killed process
    assert f"({5 - kept} analysed, {kept} cached, 0 skipped)" in result.stderr


def test_two_analyze_processes_at_once_do_not_corrupt_the_store(tmp_path):
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "newscorp", "analyze", "--db", str(db), str(CORPUS)]
    first = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and not Path(str(db) + ".lock").exists():
        time.sleep(0.05)
    time.sleep(0.5)
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    first_err = first.communicate(timeout=300)[1]
    assert first.returncode == 0, first_err
    if second.returncode != 0:  # the usual case: the first one still held the lock
        assert second.returncode == 1
        assert "being written by another newscorp process" in second.stderr
        assert "Traceback" not in second.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 5


def test_kwic_reads_lemmas_from_the_store(analysed):
    corpus, db = analysed
    cached = run("kwic", "sagen", "--db", str(db), "--format", "tsv", str(corpus))
    fresh = run("kwic", "sagen", "--no-cache", "--format", "tsv", str(corpus))
    assert cached.exit_code == fresh.exit_code == 0
    assert cached.stdout == fresh.stdout
    assert cached.stdout.count("\tsagte\t") >= 10
    assert "pipeline" not in cached.stderr
