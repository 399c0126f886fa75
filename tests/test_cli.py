"""The CLI end to end on the sample corpus: every command in every format, bad input."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorp.cli import cli

ROOT = Path(__file__).resolve().parents[1]
CORPUS = str(ROOT / "corpus")
FORMATS = ["table", "csv", "tsv", "jsonl", "json"]
KEY_QUOTE = "Wir hatten mehrere Optionen und haben dann beschlossen, keine Optionen wahrzunehmen."


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(cli, list(args), input=input)
    assert "Traceback" not in result.output, result.output
    return result


def tsv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def test_quotes_speaker_trump_finds_the_key_quote():
    result = run("quotes", "--speaker", "Trump", CORPUS)
    assert result.exit_code == 0, result.stderr
    rows = tsv_rows(result.stdout)
    assert rows, "no quotes for Trump"
    assert {r["speaker"] for r in rows} == {"Donald Trump"}
    key = [r for r in rows if r["text"].startswith(KEY_QUOTE)]
    assert len(key) == 1
    assert key[0]["type"] == "direct"
    assert key[0]["cue"] == "erklären"
    text = (ROOT / "corpus" / key[0]["doc"]).read_text(encoding="utf-8")
    assert text[int(key[0]["start"]) : int(key[0]["end"])] == key[0]["text"]
    assert "newscorp: pipeline" in result.stderr


def test_speaker_filter_is_case_insensitive_and_covers_pronouns():
    upper = tsv_rows(run("quotes", "--speaker", "Trump", CORPUS).stdout)
    lower = tsv_rows(run("quotes", "--speaker", "trump", CORPUS).stdout)
    assert upper == lower
    assert any(r["speaker_mention"].lower() == "er" for r in lower)


def test_speaker_filter_with_regex_characters_is_literal():
    result = run("quotes", "--speaker", "Tr.*p (", CORPUS)
    assert result.exit_code == 0
    assert tsv_rows(result.stdout) == []


def test_entities_people_and_places():
    rows = tsv_rows(run("entities", CORPUS).stdout)
    by_name = {r["entity"]: r for r in rows}
    for person in ("Donald Trump", "Kim Jong Un", "Kim Myong Gil"):
        assert by_name[person]["label"] == "PER"
    assert by_name["Hanoi"]["label"] == "LOC"
    assert "Trumps" not in by_name
    assert "Trumps" in by_name["Donald Trump"]["variants"].split("; ")
    assert by_name["Donald Trump"]["variants"].split("; ")[0] == "Donald Trump"
    assert "US-Präsident" in by_name["Donald Trump"]["roles"].split("; ")


def test_entities_table_of_the_sample_corpus_is_exact():
    """The whole table (tests/sample_entities.tsv, the bundled pipeline's output) pins
    canonical names, labels, counts, variants and roles; a model or rule change that moves
    a row must update the file on purpose."""
    expected = (ROOT / "tests" / "sample_entities.tsv").read_text(encoding="utf-8")
    result = run("entities", "--format", "tsv", CORPUS)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
    rows = {r["entity"]: r for r in tsv_rows(result.stdout)}
    assert rows["Moon Jae In"]["variants"] == "Moon Jae In; Moon; Moons"
    assert rows["Michael Cohen"]["roles"] == "Anwalt"  # "des Anwalts"
    assert "Kims" in rows["Kim Jong Un"]["variants"].split("; ")
    assert rows["Nordkoreaner"]["label"] == "MISC"
    assert "US-Regierung" not in rows  # "früherer US-Regierungen": a plural compound, no name


def test_entity_filters():
    rows = tsv_rows(run("entities", "--label", "PER", "--top", "3", CORPUS).stdout)
    assert len(rows) == 3
    assert {r["label"] for r in rows} == {"PER"}
    assert rows[0]["entity"] == "Donald Trump"
    counts = [
        int(r["mentions"]) for r in tsv_rows(run("entities", "--min-count", "5", CORPUS).stdout)
    ]
    assert counts and min(counts) >= 5


def test_mentions_offsets_point_into_the_file():
    result = run("entities", "--mentions", "--format", "jsonl", CORPUS)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(rows[0]) == {"doc", "start", "end", "text", "label", "entity"}
    texts = {}
    for row in rows:
        text = texts.setdefault(row["doc"], (ROOT / "corpus" / row["doc"]).read_text("utf-8"))
        assert text[row["start"] : row["end"]] == row["text"]


def test_sentiment_by_doc_has_five_rows():
    rows = tsv_rows(run("sentiment", "--by", "doc", CORPUS).stdout)
    assert len(rows) == 5
    assert list(rows[0]) == ["doc", "score", "label", "n"]
    for row in rows:
        assert -1.0 <= float(row["score"]) <= 1.0
        assert row["label"] in {"positive", "neutral", "negative"}


@pytest.mark.parametrize("by", ["sentence", "quote", "entity", "speaker"])
def test_sentiment_by_other_keys(by):
    result = run("sentiment", "--by", by, CORPUS)
    assert result.exit_code == 0
    rows = tsv_rows(result.stdout)
    assert rows
    assert list(rows[0])[-3:] == ["score", "label", "n"]


def test_speakers_table():
    rows = tsv_rows(run("speakers", CORPUS).stdout)
    assert rows[0]["speaker"] == "Donald Trump"
    assert list(rows[0]) == ["speaker", "statements", "quotes", "docs", "sentiment"]
    assert int(rows[0]["statements"]) < int(rows[0]["quotes"])  # repeats across articles
    assert int(rows[0]["docs"]) == 4  # quoted in 000-003; 004 only mentions him


def test_docs_table_metadata():
    rows = {r["doc"]: r for r in tsv_rows(run("docs", CORPUS).stdout)}
    assert len(rows) == 5
    assert rows["001_cd8c320a8113852d.txt"]["date"] == "2019-02"
    assert rows["001_cd8c320a8113852d.txt"]["place"] == "Hanoi"
    assert rows["001_cd8c320a8113852d.txt"]["agency"] == "RND/dpa/ngo"
    assert rows["000_67afc78a396a1445.txt"]["agency"] == "mwo/dpa"
    assert rows["002_032e2586448917fb.txt"]["credits"] == "Reuters//Leah Millis"
    assert rows["004_aa810a9f486df317.txt"]["place"] == "Stockholm"


@pytest.mark.parametrize(
    "command",
    [["docs"], ["entities"], ["entities", "--mentions"], ["quotes"], ["sentiment"], ["speakers"]],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_command_in_every_format(command, fmt):
    result = run(*command, "--format", fmt, CORPUS)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.strip()
    if fmt == "json":
        assert isinstance(json.loads(out), list) and json.loads(out)
    elif fmt == "jsonl":
        assert all(isinstance(json.loads(line), dict) for line in out.splitlines())
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(out)))) >= 2
    elif fmt == "tsv":
        assert "\t" in out.splitlines()[0]
    else:
        assert "┃" in out or "│" in out or "|" in out


def test_no_header_and_output_file(tmp_path):
    target = tmp_path / "quotes.csv"
    result = run("quotes", "--no-header", "-o", str(target), CORPUS)
    assert result.exit_code == 0
    assert result.stdout == ""
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert not first.startswith("doc,")
    assert not list(tmp_path.glob(".*.tmp"))


def test_output_into_missing_directory_is_an_error(tmp_path):
    result = run("docs", "-o", str(tmp_path / "missing" / "x.csv"), CORPUS)
    assert result.exit_code == 1
    assert result.stderr.startswith("newscorp: error: cannot write")


def test_export_writes_every_table(tmp_path):
    result = run("export", "--out", str(tmp_path / "out"), "--format", "jsonl", CORPUS)
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(
        [
            "docs.jsonl",
            "entities.jsonl",
            "mentions.jsonl",
            "quotes.jsonl",
            "speakers.jsonl",
            "sentiment_doc.jsonl",
            "sentiment_sentence.jsonl",
            "sentiment_quote.jsonl",
            "sentiment_entity.jsonl",
            "sentiment_speaker.jsonl",
        ]
    )


def test_missing_path_is_a_usage_error():
    result = run("quotes", "no/such/dir")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_bad_options_are_usage_errors():
    assert run("entities", "--top", "-1", CORPUS).exit_code == 2
    assert run("quotes", "--format", "xml", CORPUS).exit_code == 2
    assert run("sentiment", "--by", "word", CORPUS).exit_code == 2


def test_bad_files_are_skipped_with_one_line_each(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("US-Präsident Donald Trump sagte: „Wir sind bereit.“\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    result = run("quotes", str(tmp_path))
    assert result.exit_code == 0
    skipped = [ln for ln in result.stderr.splitlines() if ln.startswith("newscorp: skipped")]
    assert len(skipped) == 2
    rows = tsv_rows(result.stdout)
    assert [(r["text"], r["speaker"]) for r in rows] == [("Wir sind bereit.", "Donald Trump")]
    strict = run("quotes", "--strict", str(tmp_path))
    assert strict.exit_code == 1


@pytest.mark.parametrize("command", ["entities", "docs"])
def test_a_folder_without_matching_files_says_so_on_stderr(tmp_path, command):
    (tmp_path / "notes.md").write_text("Angela Merkel sagte nichts.", encoding="utf-8")
    result = run(command, "--no-cache", str(tmp_path))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1  # the header only
    assert f"newscorp: no input files matching *.txt in {tmp_path}" in result.stderr
    found = run(command, "--no-cache", "--glob", "*.md", str(tmp_path))
    assert "no input files" not in found.stderr
    assert len(found.stdout.splitlines()) == 2


def test_a_name_with_a_double_space_is_one_entity_written_with_one_space(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Prag – Ex-Außenminister Karl  Schwarzenberg kritisierte die Regierung. "
        "Schwarzenberg sagte, er sei enttäuscht.\n",
        encoding="utf-8",
    )
    result = run("entities", "--no-cache", "--label", "per", str(tmp_path))
    assert result.stdout.splitlines()[1:] == [
        "Karl Schwarzenberg\tPER\t2\t1\tKarl Schwarzenberg; Schwarzenberg\tEx-Außenminister"
    ]
    mentions = run("entities", "--no-cache", "--mentions", str(tmp_path)).stdout
    assert "a.txt\t24\t43\tKarl  Schwarzenberg\tPER\tKarl Schwarzenberg" in mentions


def test_paths_from_stdin():
    path = str(ROOT / "corpus" / "004_aa810a9f486df317.txt")
    result = run("docs", "-", input=path + "\n")
    assert result.exit_code == 0
    assert [r["doc"] for r in tsv_rows(result.stdout)] == [path]


def test_cli_reference_names_every_command():
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## (\w+)", reference, flags=re.M))
    assert set(cli.commands) <= headings
    for sub in cli.commands["eval"].commands:
        assert f"newscorp eval {sub}" in reference
