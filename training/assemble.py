"""Join the UD pipeline (tagger, morphologizer, parser, lemmatizer) and the NER model into
newscorp's bundled pipeline, with metadata, and write it to src/newscorp/models/."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "src" / "newscorp" / "models" / "de_newscorp_news"


def add_voters(nlp, voter_dirs: list[Path]) -> None:
    """Source each voter's NER as a disabled component ``ner_vote<i>`` (newscorp's entity vote
    runs them; a plain ``spacy.load`` does not). A voter trained with its own tok2vec gets it
    inlined; one trained on the frozen UD tok2vec keeps listening to the package's."""
    for i, path in enumerate(voter_dirs, start=1):
        voter = spacy.load(path)
        frozen = "tok2vec" in voter.config["training"]["frozen_components"]
        if not frozen:
            voter.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        name = f"ner_vote{i}"
        nlp.add_pipe("ner", name=name, source=voter, last=True)
        nlp.disable_pipe(name)


def assemble(
    ud_dir: Path,
    ner_dir: Path,
    target: Path = TARGET,
    version: str = "0.1.0",
    voter_dirs: list[Path] | None = None,
) -> None:
    """Source the NER component (and the voters) into the UD pipeline and save it as one
    package directory."""
    nlp = spacy.load(ud_dir)
    for name in list(nlp.component_names):
        if name == "ner" or name.startswith("ner_vote"):  # an assembled pipeline: swap them
            nlp.remove_pipe(name)
    ner_nlp = spacy.load(ner_dir)
    names = ner_nlp.pipe_names
    if "tok2vec" in names and "ner" in ner_nlp.get_pipe("tok2vec").listening_components:
        # The NER run trains its own tok2vec component (so `spacy pretrain` can initialise
        # it); copy it into the NER component so it does not listen to the UD tok2vec.
        # An assembled package as NER source already has its tok2vec inlined in the NER.
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp, last=True)
    add_voters(nlp, voter_dirs or [])
    nlp.meta.update(
        name="newscorp_news",
        version=version,
        description="newscorp's small German news pipeline (see README.md beside it)",
        license="CC BY-SA 4.0",
        author="newscorp",
        sources=[
            {"name": n}
            for n in (
                "UD German-GSD",
                "UD German-PUD",
                "GermEval 2014",
                "SmartData corpus",
                "Europeana Newspapers NER",
                "German Legal NER",
            )
        ],
    )
    # the held-out scores measured with the rule layers (model README), not the training
    # log's: the shipped UD part trains on its training dev set too
    scores = HERE / "scores.json"
    if scores.exists():
        nlp.meta["performance"] = json.loads(scores.read_text())
    if target.exists() and target.resolve() == Path(ud_dir).resolve():
        raise SystemExit("assemble.py: write to a new directory, not over the UD part")
    if target.exists():
        readme = target / "README.md"
        keep = readme.read_text(encoding="utf-8") if readme.exists() else None
        shutil.rmtree(target)
    else:
        keep = None
    nlp.to_disk(target)
    if keep:
        (target / "README.md").write_text(keep, encoding="utf-8")
    size = sum(f.stat().st_size for f in target.rglob("*") if f.is_file()) / 1e6
    print(f"wrote {target} ({size:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    ud = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "runs" / "ud" / "model-last"
    ner = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "runs" / "ner" / "model-best"
    out = Path(sys.argv[3]) if len(sys.argv) > 3 else TARGET
    assemble(ud, ner, out, voter_dirs=[Path(p) for p in sys.argv[4:]])
