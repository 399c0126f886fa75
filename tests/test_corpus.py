"""Tests of newscorp.corpus: discovery, decoding, boilerplate, metadata and loading."""

from __future__ import annotations

import errno
import hashlib
import io
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorp.corpus import (
    BoilerplatePatterns,
    RepeatedLines,
    blank_spans,
    decode_bytes,
    default_patterns,
    discover,
    extract_metadata,
    load_documents,
)
from newscorp.errors import InputError, UsageError
from newscorp.records import Document, Skipped

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NAMES = [
    "000_67afc78a396a1445.txt",
    "001_cd8c320a8113852d.txt",
    "002_032e2586448917fb.txt",
    "003_8bc457fec8bb0262.txt",
    "004_aa810a9f486df317.txt",
]
# name: (title, date, place, agency, credits, words in nlp_text, words in text)
EXPECTED = {
    NAMES[0]: ("", "", "", "mwo/dpa", "", 582, 628),
    NAMES[1]: ("", "2019-02", "Hanoi", "RND/dpa/ngo", "", 472, 480),
    NAMES[2]: ("", "", "", "", "Reuters//Leah Millis", 651, 669),
    NAMES[3]: ("", "", "", "", "", 367, 367),
    NAMES[4]: ("", "", "Stockholm", "dpa/tki", "", 388, 521),
}
WORD = re.compile(r"\w+")


def run_with_timeout(func: Callable[[], object], seconds: float = 10.0) -> object:
    """Run func in a thread and fail the test if it does not finish in time."""
    result: list[object] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(func())
        except BaseException as exc:  # re-raised in the test thread
            errors.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "call did not finish (blocked or looping)"
    if errors:
        raise errors[0]
    return result[0]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    """Load the sample corpus once."""
    skipped: list[Skipped] = []
    loaded = {doc.doc: doc for doc in load_documents([str(CORPUS)], on_skip=skipped.append)}
    assert skipped == []
    return loaded


def blanked_lines(doc: Document) -> list[str]:
    """Return the stripped original text of every line changed in nlp_text."""
    changed = []
    for match in re.finditer(r"[^\n]+", doc.text):
        start, end = match.span()
        if doc.nlp_text[start:end] != doc.text[start:end]:
            changed.append(doc.text[start:end].strip())
    return changed


# --- discover ---------------------------------------------------------------------------


def test_discover_directory_yields_sorted_relative_names() -> None:
    found = list(discover([str(CORPUS)]))
    assert [name for _, name in found] == NAMES
    assert [path for path, _ in found] == [CORPUS / name for name in NAMES]


def test_discover_file_argument_keeps_name_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS.parent)
    found = list(discover(["./corpus/003_8bc457fec8bb0262.txt"]))
    assert found == [(Path("corpus/003_8bc457fec8bb0262.txt"), "./corpus/003_8bc457fec8bb0262.txt")]


def test_discover_defaults_to_env_then_corpus_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "local.txt").write_text("x", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "env.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSCORP_CORPUS", raising=False)
    assert [name for _, name in discover([])] == ["local.txt"]
    monkeypatch.setenv("NEWSCORP_CORPUS", str(tmp_path / "other"))
    assert [name for _, name in discover([])] == ["env.txt"]


def test_discover_recurses_and_applies_glob(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.md", "sub/z.txt", "sub/deeper/a.txt", "c.TXT"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    assert [n for _, n in discover([str(tmp_path)])] == ["b.txt", "sub/deeper/a.txt", "sub/z.txt"]
    assert [n for _, n in discover([str(tmp_path)], glob="*.md")] == ["a.md"]


def test_discover_missing_path_raises_usage_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(UsageError, match=r"^path does not exist: .*nope\.txt$"):
        list(discover([str(CORPUS), missing]))


def test_discover_missing_path_is_reported_before_any_file(tmp_path: Path) -> None:
    found = discover([str(CORPUS), str(tmp_path / "gone")])
    with pytest.raises(UsageError):
        next(found)


def test_discover_reads_paths_from_stdin(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "in_dir.txt").write_text("x", encoding="utf-8")
    single = str(CORPUS / NAMES[1])
    stdin = io.StringIO(f"{single}\n\n  {tmp_path / 'd'}  \n")
    found = list(discover(["-"], stdin=stdin))
    assert [name for _, name in found] == [single, "in_dir.txt"]


def test_discover_stdin_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="path does not exist"):
        list(discover(["-"], stdin=io.StringIO(f"{tmp_path / 'missing.txt'}\n")))


def test_discover_symlink_loop_terminates(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    os.symlink("..", tmp_path / "sub" / "up")
    os.symlink(".", tmp_path / "self")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    found = run_with_timeout(lambda: list(discover([str(tmp_path)])))
    assert [name for _, name in found] == ["loop.txt", "sub/a.txt"]  # type: ignore[union-attr]


# --- decode -----------------------------------------------------------------------------


def test_decode_latin1_german() -> None:
    assert decode_bytes("Äußerung".encode("latin-1"), "x") == "Äußerung"
    text = "Die Äußerung des Präsidenten überraschte „alle“ – 5 €.\n"
    assert decode_bytes(text.encode("cp1252"), "x") == text


def test_decode_utf8_with_and_without_bom() -> None:
    assert decode_bytes("\ufeffGrüße\r\naus Köln".encode(), "x") == "Grüße\r\naus Köln"
    assert decode_bytes("Grüße".encode(), "x") == "Grüße"


def test_decode_mostly_utf8_with_stray_byte() -> None:
    data = "Grüße aus Köln, schöne Äußerung. ".encode() * 4 + b"\xff"
    assert decode_bytes(data, "x") == "Grüße aus Köln, schöne Äußerung. " * 4 + "\ufffd"


def test_decode_utf16_with_bom() -> None:
    assert decode_bytes("Straße".encode("utf-16"), "x") == "Straße"


def test_decode_normalises_to_nfc() -> None:
    decomposed = "A\u0308rger"
    assert decode_bytes(decomposed.encode(), "x") == "\u00c4rger"


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(1, 32)) * 20],
)
def test_decode_rejects_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="^binary file$"):
        decode_bytes(data, "x")


@pytest.mark.parametrize(
    "data",
    [bytes(range(128, 256)) * 8, "Привет, это текст о встрече в Москве.".encode("koi8-r")],
)
def test_decode_rejects_undecodable_text(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^undecodable text \(no known encoding fits\)$"):
        decode_bytes(data, "x")


def test_decode_utf8_mixed_with_cp1252() -> None:
    data = ("Grüße aus Köln. ".encode() + "Grüße aus Köln. ".encode("cp1252")) * 3
    assert decode_bytes(data, "x") == "Grüße aus Köln. " * 6


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n ", "\ufeff".encode(), "\u00a0\n".encode()])
def test_decode_rejects_empty(data: bytes) -> None:
    with pytest.raises(InputError, match="^empty file$"):
        decode_bytes(data, "x")


@settings(database=None)
@given(st.binary(max_size=300))
def test_decode_returns_nfc_text_or_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x")
    except InputError as exc:
        assert str(exc) in {
            "binary file",
            "empty file",
            "undecodable text (no known encoding fits)",
        }
    else:
        assert text.strip()
        assert text == unicodedata.normalize("NFC", text)


# --- boilerplate ------------------------------------------------------------------------


def test_blank_spans_keeps_length_and_newlines() -> None:
    text = "ab\r\ncd\nef"
    assert blank_spans(text, [(1, 6), (5, 8)]) == "a \r\n  \n f"


@settings(database=None)
@given(
    st.text(alphabet="ab \r\nä", max_size=40),
    st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45))),
)
def test_blank_spans_property(text: str, spans: list[tuple[int, int]]) -> None:
    blanked = blank_spans(text, spans)
    assert len(blanked) == len(text)
    for index, (old, new) in enumerate(zip(text, blanked, strict=True)):
        inside = any(start <= index < end for start, end in spans)
        assert new == (" " if inside and old not in "\r\n" else old)


def test_default_patterns_match_generic_lines() -> None:
    patterns = default_patterns()
    for line in [
        "Mehr aktuelle News finden Sie hier",
        "Mehr Nachrichten aus Bayern finden Sie hier.",
        "  Lesen Sie auch: Trump trifft Kim  ",
        "Anzeige",
        "JTI zertifiziert JTI zertifiziert",
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
        "Auf Facebook teilen",
    ]:
        assert patterns.is_line(line), line
    for line in [
        "Anzeige gegen Trump erstattet",
        "Der Gipfel endete ohne Einigung.",
        "Mehr dazu sagte er nicht, obwohl Reporter nachfragten.",
    ]:
        assert not patterns.is_line(line), line


def test_block_pattern_spans_lines_between_start_and_end() -> None:
    patterns = BoilerplatePatterns.parse("block: BEGIN => END\nsolo\n")
    text = "x\nBEGIN\nmiddle\nsolo\nEND\ny\nsolo\nBEGIN\nz"
    spans = patterns.spans(text)
    assert [text[s:e] for s, e in spans] == ["BEGIN\nmiddle\nsolo\nEND", "solo", "BEGIN"]


def test_pattern_file_errors_are_usage_errors() -> None:
    with pytest.raises(UsageError, match=r"^p:2: bad regular expression"):
        BoilerplatePatterns.parse("# ok\n(unclosed\n", "p")
    with pytest.raises(UsageError, match=r"^p:1: block needs"):
        BoilerplatePatterns.parse("block: only start\n", "p")


def test_repeated_lines_threshold() -> None:
    learned = RepeatedLines()
    shared = "Dieser Satz steht in vielen Artikeln."
    for number in range(3):
        learned.add(f"{shared}\nEigener Inhalt Nummer {number} ist lang genug.\nkurz\n")
    learned.add(f"Artikel ohne die Zeile, aber mit\nkurz\n{'x' * 30}")
    assert learned.threshold == 3
    assert learned.is_line(f"  {shared} ")
    assert not learned.is_line("Eigener Inhalt Nummer 0 ist lang genug.")
    assert not learned.is_line("kurz")  # too short to learn
    for _ in range(60):
        learned.add("anderer Text, lang genug zum Lernen")
    assert learned.threshold == 4  # ceil(5% of 64)
    assert not learned.is_line(shared)


# --- metadata ---------------------------------------------------------------------------


def test_extract_metadata_title_dateline_byline_date() -> None:
    text = (
        "Gipfel in Hanoi gescheitert\n\n"
        "Berlin (dpa) - Der Gipfel ist vorbei. Trump reiste ab.\n\n"
        "Von Max Mustermann\n\nStand: 28.02.2019, 10:15 Uhr\n"
    )
    meta = extract_metadata(text)
    assert meta["title"] == "Gipfel in Hanoi gescheitert"
    assert meta["date"] == "2019-02-28"
    assert meta["place"] == "Berlin"
    assert meta["agency"] == "Max Mustermann"
    assert meta["credits"] == ""
    assert [text[s:e] for s, e in meta["spans"]] == ["Berlin (dpa) -", "Von Max Mustermann"]


def test_extract_metadata_slash_dateline_credit_and_named_date() -> None:
    text = "Am 1. März 2019\nWashington/dpa. Der Gipfel.\nFoto: picture alliance / AP\n(dpa)"
    meta = extract_metadata(text)
    assert (meta["title"], meta["date"], meta["place"]) == (
        "Am 1. März 2019",
        "2019-03-01",
        "Washington",
    )
    text = "Washington/dpa. Der Gipfel.\nFoto: picture alliance / AP\n(dpa)"
    meta = extract_metadata(text)
    assert (meta["place"], meta["agency"]) == ("Washington", "dpa")
    assert meta["credits"] == "picture alliance / AP"
    assert [text[s:e] for s, e in meta["spans"]] == [
        "Washington/dpa.",
        "Foto: picture alliance / AP",
        "(dpa)",
    ]


def test_extract_metadata_ignores_sentences_that_look_like_markers() -> None:
    text = "Nein. Das sagte Trump (SPD)\n\nVon der Leyen warnt vor den Folgen\n"
    meta = extract_metadata(text)
    assert (meta["place"], meta["agency"], meta["spans"]) == ("", "", [])


@pytest.mark.parametrize(
    ("text", "place", "agency", "blanked"),
    [
        # a dash dateline opening the paragraph, and one after a teaser of two sentences
        ("Wien – Die Pensionen steigen. Das sagte er.", "Wien", "", "Wien – "),
        (
            "Polizei versorgt Ankommende. Züge waren gestoppt worden. Wien/Budapest – "
            "Hunderte Flüchtlinge sind angekommen.",
            "Wien/Budapest",
            "",
            "Wien/Budapest – ",
        ),
        (
            "Rund zehn Prozent. Wiener Neustadt (APA) – „Wir“ gewinnen.",
            "Wiener Neustadt",
            "APA",
            "Wiener Neustadt (APA) – ",
        ),
        # "St." is part of a place, and no sentence's end
        (
            "Firma insolvent. Amstetten/St. Pölten – Über das Vermögen.",
            "Amstetten/St. Pölten",
            "",
            "Amstetten/St. Pölten – ",
        ),
        ("St. Johann – Die Bergbahnen öffnen.", "St. Johann", "", "St. Johann – "),
        # no dateline: an article or a preposition opens the words before the dash, a date's
        # full stop ends no sentence, parentheses hold a region, not an agency
        ("Der Minister – ein Lehrer – kam. Nichts weiter.", "", "", None),
        ("Gegen Slowaken Klizan – zweite Runde. Cincinnati (Ohio) – Eine Aufgabe.", "", "", None),
        ("Übertragung am 11. August – Beyer arbeitet vor.", "", "", None),
        ("Das sagte Dr. Müller – Der Rest.", "", "", None),
    ],
)
def test_extract_metadata_dash_dateline(
    text: str, place: str, agency: str, blanked: str | None
) -> None:
    meta = extract_metadata(text)
    assert (meta["place"], meta["agency"]) == (place, agency)
    assert [text[s:e] for s, e in meta["spans"]] == ([blanked] if blanked else [])


def test_extract_metadata_header_of_sample() -> None:
    text = (CORPUS / NAMES[1]).read_text(encoding="utf-8")
    meta = extract_metadata(text)
    assert (meta["date"], meta["place"], meta["agency"]) == ("2019-02", "Hanoi", "RND/dpa/ngo")
    assert [text[s:e] for s, e in meta["spans"]] == [" date 2019-02 Hanoi", "Von RND/dpa/ngo"]


# --- loading the sample corpus ----------------------------------------------------------


def test_sample_names_and_metadata(docs: dict[str, Document]) -> None:
    assert list(docs) == NAMES
    for name, (title, date, place, agency, credits, words, raw_words) in EXPECTED.items():
        doc = docs[name]
        got = (doc.title, doc.date, doc.place, doc.agency, doc.credits, doc.words)
        assert got == (title, date, place, agency, credits, words), name
        assert len(WORD.findall(doc.text)) == raw_words


def test_sample_offsets_are_preserved(docs: dict[str, Document]) -> None:
    for doc in docs.values():
        assert len(doc.nlp_text) == len(doc.text)
        assert all(a == b or b == " " for a, b in zip(doc.text, doc.nlp_text, strict=True))
        assert [m.start() for m in re.finditer("\n", doc.nlp_text)] == [
            m.start() for m in re.finditer("\n", doc.text)
        ]


def test_sample_text_and_sha256(docs: dict[str, Document]) -> None:
    raw = (CORPUS / NAMES[2]).read_bytes()
    doc = docs[NAMES[2]]
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.sha256 == "14125b980d363cc1a8b52d39ef202d5510f424d8bb59e5b9dbfa0bf9d4d0fa77"
    assert doc.text == raw.decode("utf-8")
    assert doc.path == str(CORPUS / NAMES[2])


def test_sample_000_boilerplate_blanked(docs: dict[str, Document]) -> None:
    doc = docs[NAMES[0]]
    for phrase in ["Mehr aktuelle News finden Sie hier", "JTI zertifiziert", "So arbeitet die"]:
        assert phrase in doc.text
        assert phrase not in doc.nlp_text
    assert doc.nlp_text.rstrip().endswith('eine Schande."')
    assert doc.text.count("(mwo/dpa)") == 1
    assert blanked_lines(doc)[0] == "Mehr aktuelle News finden Sie hier"
    assert len(blanked_lines(doc)) == 4


def test_sample_001_header_and_byline_blanked(docs: dict[str, Document]) -> None:
    doc = docs[NAMES[1]]
    assert doc.nlp_text.startswith(" " * 19 + "\n\nBei ihrem zweiten Treffen")
    assert doc.nlp_text.endswith("\n\n" + " " * 15)
    assert blanked_lines(doc) == ["date 2019-02 Hanoi", "Von RND/dpa/ngo"]


def test_sample_002_credit_line_blanked(docs: dict[str, Document]) -> None:
    doc = docs[NAMES[2]]
    caption = doc.text.split("\n", 1)[0]
    assert caption.endswith("Foto: Reuters//Leah Millis")
    assert doc.nlp_text.startswith(" " * len(caption) + "\n\nEs war 15.51 Uhr")


def test_sample_003_untouched(docs: dict[str, Document]) -> None:
    doc = docs[NAMES[3]]
    assert doc.nlp_text == doc.text


def test_sample_004_dateline_and_external_content_blanked(docs: dict[str, Document]) -> None:
    doc = docs[NAMES[4]]
    assert doc.nlp_text.startswith(" " * 11 + "Nordkorea hat offenbar")
    assert doc.text.count("Empfohlener externer Inhalt") == 2
    for phrase in ["Empfohlener externer Inhalt", "Datenschutzerklärung", "einverstanden"]:
        assert phrase not in doc.nlp_text
    assert doc.nlp_text.rstrip().endswith("aber nicht besser.")
    assert len(blanked_lines(doc)) == 10


# --- loading bad input ------------------------------------------------------------------


def load_tmp(args: list[str], **kwargs: object) -> tuple[list[Document], list[Skipped]]:
    """Load args, returning the documents and the skipped inputs."""
    skipped: list[Skipped] = []
    docs = run_with_timeout(
        lambda: list(load_documents(args, on_skip=skipped.append, **kwargs))  # type: ignore[arg-type]
    )
    return docs, skipped  # type: ignore[return-value]


def test_load_skips_bad_files(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"abc\x00\x01\x02def")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "spaces.txt").write_bytes(b"  \n\n\t ")
    (tmp_path / "latin1.txt").write_bytes("Die Äußerung fiel am Montag.\n".encode("latin-1"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfHallo Welt.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("nowhere.txt", tmp_path / "dangling.txt")
    docs, skipped = load_tmp([str(tmp_path)])
    assert [(d.doc, d.text, d.words) for d in docs] == [
        ("bom.txt", "Hallo Welt.\n", 2),
        ("latin1.txt", "Die Äußerung fiel am Montag.\n", 5),
    ]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [
        ("binary.txt", "binary file"),
        ("dangling.txt", "does not exist"),
        ("empty.txt", "empty file"),
        ("pipe.txt", "not a regular file (FIFO)"),
        ("spaces.txt", "empty file"),
    ]


def test_load_fifo_given_as_argument_is_skipped(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    docs, skipped = load_tmp([str(fifo)])
    assert docs == []
    assert skipped == [Skipped(str(fifo), "not a regular file (FIFO)")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_load_unreadable_file_is_skipped(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("geheim", encoding="utf-8")
    secret.chmod(0)
    docs, skipped = load_tmp([str(secret)])
    assert (docs, skipped) == ([], [Skipped(str(secret), "permission denied")])


def test_load_reports_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "locked.txt"
    target.write_text("geheim", encoding="utf-8")

    def refuse(path: object, flags: int, mode: int = 0o777) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)
    docs, skipped = load_tmp([str(target)])
    assert (docs, skipped) == ([], [Skipped(str(target), "permission denied")])


def test_load_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="path does not exist"):
        list(load_documents([str(tmp_path / "missing")]))


def test_load_stdin_paths_read_once(tmp_path: Path) -> None:
    stdin = io.StringIO(f"{CORPUS / NAMES[4]}\n{CORPUS / NAMES[3]}\n")
    docs, skipped = load_tmp(["-"], stdin=stdin)
    assert [d.doc for d in docs] == [str(CORPUS / NAMES[4]), str(CORPUS / NAMES[3])]
    assert docs[0].place == "Stockholm"
    assert skipped == []


def test_load_learns_repeated_lines_across_documents(tmp_path: Path) -> None:
    footer = "Folgen Sie der Redaktion auch im Hausnetz der Zeitung"
    for number in range(4):
        body = f"Meldung {number}: Der Rat tagte am Montag erneut lange.\n\n{footer}\n"
        (tmp_path / f"{number}.txt").write_text(body, encoding="utf-8")
    for copy in range(3):  # identical copies count as one document
        (tmp_path / f"copy{copy}.txt").write_text("Gleicher Text in drei Dateien.\n")
    docs, _ = load_tmp([str(tmp_path)])
    assert len(docs) == 7
    for doc in docs[:4]:
        assert footer in doc.text
        assert footer not in doc.nlp_text
        assert doc.nlp_text.startswith("Meldung")
        assert doc.words == 9
    assert all(doc.nlp_text == doc.text for doc in docs[4:])


def test_load_yields_document_that_is_all_boilerplate(tmp_path: Path) -> None:
    (tmp_path / "only.txt").write_text("Mehr aktuelle News finden Sie hier\n", encoding="utf-8")
    docs, _ = load_tmp([str(tmp_path)])
    assert [(d.doc, d.nlp_text, d.words) for d in docs] == [("only.txt", " " * 34 + "\n", 0)]


def test_load_logs_skips_without_callback(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="newscorp.corpus.loader"):
        assert list(load_documents([str(tmp_path)])) == []
    assert "empty.txt: empty file" in caplog.text


def test_dates_in_a_line_only_where_no_digit_precedes() -> None:
    from newscorp.corpus.metadata import _dates_in

    line = (
        "Am 3.4.2019 und 2019-05-06, dann 12. März 2020; nicht 123.4.2019, 12019-01-02, 31.2.2020"
    )
    assert _dates_in(line) == ["2019-04-03", "2019-05-06", "2020-03-12"]
    assert _dates_in("keine Ziffer") == []
    assert _dates_in("x1.1.2000") == ["2000-01-01"]


def test_trailer_is_the_last_parenthesis_after_spaces() -> None:
    text = "Titel\n\nDie Partei (SPD) legte zu. \u00a0 (mwo / dpa) \n"
    meta = extract_metadata(text)
    assert meta["agency"] == "mwo/dpa"
    assert [text[s:e] for s, e in meta["spans"]] == ["(mwo / dpa) "]
    assert extract_metadata("Titel\n\nEr sagte (dpa) etwas.\n")["agency"] == ""
