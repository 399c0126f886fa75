"""Model resolution, the missing-model error, rule layers and Konjunktiv on the bundled model."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from newscorp.cli import cli
from newscorp.errors import ModelError
from newscorp.pipeline import resolve


def test_explicit_model_wins(monkeypatch):
    monkeypatch.setenv("NEWSCORP_MODEL", "from_env")
    assert resolve.resolve_model("from_option") == resolve.ModelChoice("from_option", "option")


def test_environment_beats_installed(monkeypatch):
    monkeypatch.setenv("NEWSCORP_MODEL", "from_env")
    monkeypatch.setattr(resolve.importlib.util, "find_spec", lambda name: object())
    assert resolve.resolve_model(None) == resolve.ModelChoice("from_env", "environment")


def test_installed_de_core_news_sm_beats_bundled(monkeypatch):
    monkeypatch.delenv("NEWSCORP_MODEL", raising=False)
    monkeypatch.setattr(
        resolve.importlib.util,
        "find_spec",
        lambda name: object() if name == "de_core_news_sm" else None,
    )
    assert resolve.resolve_model(None) == resolve.ModelChoice("de_core_news_sm", "installed")


def test_bundled_when_nothing_else(monkeypatch):
    monkeypatch.delenv("NEWSCORP_MODEL", raising=False)
    monkeypatch.setattr(resolve.importlib.util, "find_spec", lambda name: None)
    choice = resolve.resolve_model(None)
    assert choice.source == "bundled"
    assert choice.name == str(resolve.BUNDLED_DIR)
    assert (resolve.BUNDLED_DIR / "meta.json").is_file()


def test_missing_model_raises_with_install_hint():
    with pytest.raises(ModelError) as err:
        resolve.load_pipeline("de_no_such_model")
    message = str(err.value)
    assert "de_no_such_model" in message
    assert "python -m spacy download de_core_news_sm" in message
    assert "\n" not in message


def test_cli_missing_model_is_one_line_exit_1():
    result = CliRunner().invoke(cli, ["entities", "--model", "de_no_such_model", "corpus"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("newscorp: error: cannot load spaCy model 'de_no_such_model'")
    assert "Traceback" not in result.stderr


def test_help_does_not_import_spacy():
    code = (
        "import sys; from newscorp.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_bundled_pipeline_has_all_components(nlp):
    for name in (
        "morphologizer",
        "parser",
        "trainable_lemmatizer",
        "ner",
        "newscorp_gazetteer",
        "newscorp_entity_rules",
        "newscorp_paragraphs",
    ):
        assert name in nlp.pipe_names
    assert nlp.meta["name"] == "newscorp_news"


def test_konjunktiv_detected_on_er_sei_enttaeuscht(nlp):
    from newscorp.extract.quotes import is_konjunktiv

    doc = nlp("Er sei enttäuscht.")
    sei = doc[1]
    assert sei.text == "sei"
    assert sei.morph.get("Mood") == ["Sub"]
    assert is_konjunktiv(sei, has_morph=True)
    assert not is_konjunktiv(nlp("Er ist enttäuscht.")[1], has_morph=True)


def test_cue_lemma_with_separated_particle(nlp):
    from newscorp.extract.quotes import verb_lemma

    doc = nlp("Der Minister kündigte neue Gespräche an.")
    assert verb_lemma(doc[2]) == "ankündigen"


def test_role_is_not_part_of_the_name(nlp):
    doc = nlp("US-Präsident Donald Trump reiste nach Hanoi.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Donald Trump", "PER"), ("Hanoi", "LOC")]
    assert [s.text for s in doc.spans["roles"]] == ["US-Präsident"]


def test_dates_are_never_entities(nlp):
    doc = nlp("Am Donnerstag, dem 28. Februar 2019, endete der Gipfel in Hanoi.")
    assert all(e.label_ in {"PER", "LOC", "ORG", "MISC"} for e in doc.ents)
    assert not [e for e in doc.ents if "Februar" in e.text or "Donnerstag" in e.text]


def test_fallback_sentencizer_for_a_bare_pipeline():
    import spacy

    from newscorp.pipeline.components import add_rule_layers
    from newscorp.pipeline.resolve import capability_gaps

    nlp = spacy.blank("de")
    add_rule_layers(nlp)
    doc = nlp("Er kam. Sie ging.\nNeuer Absatz")
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents == ["Er kam.", "Sie ging.", "Neuer Absatz"]
    assert capability_gaps(nlp)[0].startswith("parser")


def test_quotes_without_parser_or_morphology_use_fallback_rules():
    import spacy

    from newscorp.extract.quotes import quotes
    from newscorp.pipeline.components import add_rule_layers

    nlp = spacy.blank("de")
    add_rule_layers(nlp)
    doc = nlp("„Wir sind bereit“, sagte er. Er sei enttäuscht.")
    found = list(quotes(doc, "t.txt", []))
    assert [(q.type, q.text) for q in found] == [
        ("direct", "Wir sind bereit"),
        ("indirect", "Er sei enttäuscht"),
    ]


def test_common_nouns_alone_are_not_entities(nlp):
    from newscorp.pipeline.lexicons import common_nouns

    assert {"Dialog", "Richtung", "Treffen"} <= common_nouns()
    assert not {"Trump", "Berlin", "Haus"} & common_nouns()  # names, or part of one
    doc = nlp("Der Dialog mit Nordkorea geht in eine neue Richtung, sagte Trump in Hanoi.")
    assert [(e.text, e.label_) for e in doc.ents if e.text in {"Dialog", "Richtung"}] == []


def test_a_name_is_not_cut_by_a_parser_sentence_break_inside_it(nlp):
    doc = nlp(
        "Bei ihrem zweiten Treffen haben US-Präsident Donald Trump und der nordkoreanische "
        "Machthaber Kim Jong Un keine Einigung erzielt."
    )
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Donald Trump", "PER"),
        ("Kim Jong Un", "PER"),
    ]
