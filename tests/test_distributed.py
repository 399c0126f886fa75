"""`analyze --engine dask` on a local cluster of two workers gives the single-machine rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorp.cli import cli

pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
pytest.importorskip("pyarrow", reason="the dask extra is not installed")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = str(ROOT / "corpus")


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("dask") / "tables"
    result = run("analyze", "--engine", "dask", "--workers", "2", "--out", str(out), CORPUS)
    assert result.exit_code == 0, result.output
    assert "5 documents in 5 partitions" in result.stderr
    return out


def test_dataset_is_partitioned_parquet_with_a_manifest(dataset):
    manifest = json.loads((dataset / "newscorp.json").read_text())
    assert manifest["documents"] == 5
    assert manifest["partitions"] == 5
    assert sorted(p.name for p in (dataset / "quotes").iterdir()) == [
        f"part-0000{i}.parquet" for i in range(5)
    ]
    import pandas as pd

    docs = pd.read_parquet(dataset / "docs")
    assert sorted(docs["doc"]) == sorted(p.name for p in Path(CORPUS).glob("*.txt"))


@pytest.mark.parametrize(
    "query",
    [["quotes"], ["entities"], ["sentiment", "--by", "sentence"], ["speakers"], ["docs"]],
    ids=lambda q: " ".join(q),
)
def test_query_commands_read_the_dataset_with_the_same_rows(dataset, query):
    from_dataset = run(*query, "--db", str(dataset), "--format", "jsonl")
    local = run(*query, "--no-cache", "--format", "jsonl", CORPUS)
    assert from_dataset.exit_code == local.exit_code == 0
    assert from_dataset.stdout == local.stdout
    if query != ["docs"]:
        assert "reading the Parquet dataset" in from_dataset.stderr


def test_dask_engine_needs_out():
    result = run("analyze", "--engine", "dask", CORPUS)
    assert result.exit_code == 2
    assert "--out" in result.stderr


def test_unreachable_scheduler_is_one_line_error(tmp_path):
    result = run(
        "analyze",
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:9",
        "--out",
        str(tmp_path / "t"),
        CORPUS,
    )
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("newscorp: error:")
