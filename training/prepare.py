"""Convert ../shared/data into spaCy DocBins and a plain-text file for vectors.

Outputs go to training/corpus/ (not committed). Splits are fixed and documented
in training/README.md; nothing here is random except seeded sampling.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc, DocBin

HERE = Path(__file__).resolve().parent
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent / "shared" / "data"
OUT = HERE / "corpus"
SEED = 13
NLP = spacy.blank("de")
NO_SPACE_BEFORE = set(".,;:!?)]}%\"'“")
NO_SPACE_AFTER = set("([{„\"'")
DATA_DIR = HERE.parent / "src" / "newscorp" / "data"


def word_list(name: str) -> frozenset[str]:
    """The words of one of newscorp's word lists (src/newscorp/data/NAME)."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# Capitalised words that are not names of any kind in corpora without MISC they stay "O"
# instead of missing: words the annotated corpora use only as common nouns, words used
# mostly outside names (8:1), and function words ("Die", "Nach").
NOT_MISC = word_list("common_nouns.txt") | word_list("nonnames.txt")

# GermEval outer labels -> ours. *deriv / *part ("deutschen", "SPD-Politiker") are not
# names of entities in newscorp's sense: trained as O, ignored by `newscorp eval ner`.
GERMEVAL = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
# Legal NER fine types -> coarse; citation-like types (laws, decisions, literature)
# become missing values so they teach neither MISC nor O.
LEGAL = {
    "PER": "PER",
    "RR": "PER",
    "AN": "PER",
    "LD": "LOC",
    "ST": "LOC",
    "STR": "LOC",
    "LDS": "LOC",
    "ORG": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
    "MRK": None,
    "GS": None,
    "VO": None,
    "EUN": None,
    "VS": None,
    "VT": None,
    "RS": None,
    "LIT": None,
}


def spaces_for(words: list[str]) -> list[bool]:
    """Guess whitespace after each token of pre-tokenised text."""
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        spaces.append(bool(nxt) and nxt not in NO_SPACE_BEFORE and w not in NO_SPACE_AFTER)
    return spaces


def bio_to_doc(words, tags, *, no_misc: bool) -> Doc:
    """Build a Doc from BIO tags; tags None mean 'missing'. no_misc: capitalised O -> missing
    (it may be an unannotated MISC), except known common nouns."""
    doc = Doc(NLP.vocab, words=words, spaces=spaces_for(words))
    ents, missing, start, label = [], [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag and tag.startswith("I-") and tag[2:] == label):
            ents.append((start, i, label))
            start = None
        if tag is None:
            missing.append(i)
        elif tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    biluo = ["O"] * len(words)
    trimmed = []
    for s, e, lab in ents:
        # spaCy's NER cannot learn spans with leading/trailing whitespace or punctuation
        while s < e and (doc[s].is_space or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
            e -= 1
        if s < e and lab is not None and any(doc[k].is_space for k in range(s, e)):
            lab = None
        if s < e:
            trimmed.append((s, e, lab))
    for s, e, lab in trimmed:
        if lab is None:
            for k in range(s, e):
                biluo[k] = "-"
            continue
        if e - s == 1:
            biluo[s] = f"U-{lab}"
        else:
            biluo[s] = f"B-{lab}"
            for k in range(s + 1, e - 1):
                biluo[k] = f"I-{lab}"
            biluo[e - 1] = f"L-{lab}"
    for k in missing:
        biluo[k] = "-"
    if no_misc:
        for k, w in enumerate(words):
            if (
                biluo[k] == "O"
                and w[:1].isupper()
                and k > 0
                and w not in NOT_MISC
                and w.lower() not in STOP_WORDS
            ):
                biluo[k] = "-"
    from spacy.training import biluo_tags_to_spans

    doc.set_ents([], default="unmodified")
    spans = biluo_tags_to_spans(doc, [t if t != "-" else "O" for t in biluo])
    doc.set_ents(
        spans,
        missing=[doc[k : k + 1] for k in range(len(doc)) if biluo[k] == "-"],
        default="outside",
    )
    return doc


def germeval_sentences(path: Path):
    sent = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        cols = line.split("\t")
        sent.append((cols[1], cols[2]))
    if sent:
        yield sent


def germeval_tag(tag: str):
    if tag == "O" or tag.endswith("deriv") or tag.endswith("part"):
        return "O"
    return f"{tag[:2]}{GERMEVAL[tag[2:]]}"


def split_germeval():
    """Fixed split by sentence index: i%5==4 test (20%), i%10==2 dev, rest train."""
    path = DATA / "germeval2014" / "NER-de-dev.tsv"
    raw = path.read_text(encoding="utf-8").split("\n\n")
    train, dev, test, test_tsv = [], [], [], []
    for i, sent in enumerate(germeval_sentences(path)):
        words = [w for w, _ in sent]
        doc = bio_to_doc(words, [germeval_tag(t) for _, t in sent], no_misc=False)
        if i % 5 == 4:
            test.append(doc)
        elif i % 10 == 2:
            dev.append(doc)
        else:
            train.append(doc)
    # keep the held-out part in the original TSV format for `newscorp eval ner`
    blocks = [b.strip("\n") for b in raw if b.strip()]
    test_tsv = [b for i, b in enumerate(blocks) if i % 5 == 4]
    (OUT / "germeval_test.tsv").write_text("\n\n".join(test_tsv) + "\n\n", encoding="utf-8")
    return train, dev, test


def smartdata_docs():
    dec = json.JSONDecoder()
    label_of = {"person": "PER", "location": "LOC", "organization": "ORG"}
    for name in ("v1_train.json.gz", "v1_test.json.gz"):
        s = gzip.open(DATA / "smartdata-corpus-de" / name, "rt", encoding="utf-8").read()
        pos = 0
        while True:
            while pos < len(s) and s[pos].isspace():
                pos += 1
            if pos >= len(s):
                break
            obj, pos = dec.raw_decode(s, pos)
            text = obj["text"]["string"]
            doc = NLP.make_doc(text)
            tags = ["O"] * len(doc)
            spans = []
            for m in obj["conceptMentions"]["array"]:
                lab = label_of.get(m["type"].split("-")[0])
                if not lab:
                    continue
                span = doc.char_span(m["span"]["start"], m["span"]["end"], alignment_mode="expand")
                if span is not None:
                    spans.append((span.start, span.end, lab))
            taken = set()
            for s0, e0, lab in sorted(spans, key=lambda x: (x[0], -x[1])):
                if any(k in taken for k in range(s0, e0)):
                    continue
                taken.update(range(s0, e0))
                tags[s0] = f"B-{lab}"
                for k in range(s0 + 1, e0):
                    tags[k] = f"I-{lab}"
            words = [t.text for t in doc]
            # drop whitespace tokens' entity marks by keeping doc tokenisation as is
            d = bio_to_doc(words, tags, no_misc=True)
            yield d


def europeana_docs(rng: random.Random, keep: float = 0.15):
    for name in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
        words, tags = [], []
        for line in (DATA / "europeana-ner-de" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rsplit(" ", 1)
            if len(parts) != 2:
                continue
            w, t = parts
            m = re.fullmatch(r"([BI])[-_.](PER|LOC|ORG)", t, flags=re.I)
            t = f"{m.group(1).upper()}-{m.group(2).upper()}" if m else ("O" if t == "O" else None)
            words.append(w)
            tags.append(t)
            if (w in {".", "!", "?"} and len(words) > 8) or len(words) >= 60:
                if rng.random() < keep:
                    yield bio_to_doc(words, tags, no_misc=True)
                words, tags = [], []


def legal_docs(rng: random.Random, n: int = 1000):
    sents = []
    for path in sorted((DATA / "legal-ner-de" / "per-court").glob("*.conll.gz")):
        words, tags = [], []
        for line in gzip.open(path, "rt", encoding="utf-8"):
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    sents.append((words, tags))
                words, tags = [], []
                continue
            w, t = line.rsplit(" ", 1)
            if t != "O":
                lab = LEGAL.get(t[2:])
                t = f"{t[:2]}{lab}" if lab else None
            words.append(w)
            tags.append(t)
    with_ents = [s for s in sents if any(t and t != "O" for t in s[1])]
    rng.shuffle(with_ents)
    for words, tags in with_ents[:n]:
        yield bio_to_doc(words, tags, no_misc=True)


def legal_sentences():
    """All court-decision sentences as untagged Docs (for vectors only)."""
    for path in sorted((DATA / "legal-ner-de" / "per-court").glob("*.conll.gz")):
        words = []
        for line in gzip.open(path, "rt", encoding="utf-8"):
            line = line.rstrip("\r\n")
            if line.strip():
                words.append(line.rsplit(" ", 1)[0])
            elif words:
                yield Doc(NLP.vocab, words=words, spaces=spaces_for(words))
                words = []


def conllu_docs(path: Path, n_sents: int = 10):
    """Groups of sentences of a CoNLL-U file as Docs (MWTs kept whole), so the parser
    also learns sentence boundaries."""
    from spacy.training.converters import conllu_to_docs

    # Contractions ("im" = "in dem") stay one token, as spaCy's tokenizer makes them;
    # their lemma is the preposition's ("in"), as in spaCy's own German pipelines.
    for doc in conllu_to_docs(
        path.read_text(encoding="utf-8"), n_sents=n_sents, merge_subtokens=True, no_print=True
    ):
        for tok in doc:
            if " " in tok.lemma_:
                tok.lemma_ = tok.lemma_.split(" ")[0]
        yield doc


# PUD's dependency subtypes that GSD does not use, as GSD labels the same relation.
PUD_DEPS = {
    "flat:name": "flat",
    "acl:relcl": "acl",
    "obl:tmod": "obl",
    "nmod:poss": "nmod",
    "cc:preconj": "cc",
}


def pos_counts(docs) -> dict[str, Counter]:
    """Form -> how often each part of speech annotates it."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for tok in doc:
            counts[tok.text][tok.pos_] += 1
    return counts


def harmonise_pud(pud, gsd, majority: float = 0.6, rare: float = 0.15) -> None:
    """Annotate PUD the way GSD does, in place, where the two treebanks follow different
    conventions (evaluation is on GSD): PUD's dependency subtypes as GSD's plain labels
    (``PUD_DEPS``), and a form's part of speech where GSD's training part gives the form
    one part of speech (``majority`` of at least 3 uses), PUD mostly another, and GSD that
    other one rarely (at most ``rare``): "Montag" PROPN not NOUN, "später" ADJ not ADV,
    comparative "als" ADP not CCONJ (whose "cc" becomes "case")."""
    gsd_counts, pud_counts = pos_counts(gsd), pos_counts(pud)
    for doc in pud:
        for tok in doc:
            if tok.dep_ in PUD_DEPS:
                tok.dep_ = PUD_DEPS[tok.dep_]
            seen = gsd_counts.get(tok.text)
            if not seen or pud_counts[tok.text].most_common(1)[0][0] != tok.pos_:
                continue  # unseen in GSD, or PUD's own exception: no convention to change
            target, n = seen.most_common(1)[0]
            total = sum(seen.values())
            if target == tok.pos_ or total < 3 or n < majority * total:
                continue
            if seen[tok.pos_] > rare * total:
                continue
            if tok.pos_ == "CCONJ" and target == "ADP" and tok.dep_ == "cc":
                tok.dep_ = "case"
            tok.pos_ = target
    for doc in pud:
        for tok in doc:
            feats = _gsd_style_features(tok.pos_, tok.tag_, tok.morph.to_dict())
            tok.set_morph(feats or None)


def _gsd_style_features(pos: str, xpos: str, feats: dict[str, str]) -> dict[str, str]:
    """PUD's features of a word as GSD writes them: no Degree on adverbs, VerbForm on
    verbs (PUD's XPOS "VBC" finite, "VBN" participle, "VB" infinitive), participles
    without Tense."""
    feats = dict(feats)
    if pos == "ADV":
        feats.pop("Degree", None)
    elif pos in {"VERB", "AUX"}:
        if xpos == "VBN":
            feats = {"VerbForm": "Part"}
        elif xpos == "VB" and not feats:
            feats = {"VerbForm": "Inf"}
        elif xpos == "VBC" and "Mood" in feats:
            feats["VerbForm"] = "Fin"
    return feats


def ud_files(
    harmonise: bool = False, pud_too: bool = True, suffix: str = "", dev_half: bool = False
):
    """UD training (GSD test + PUD) and evaluation (GSD dev) DocBins. PUD's XPOS are
    English-style tags ("VBC", "NN"), GSD's are STTS: PUD's are dropped (missing values),
    so the tagger learns STTS only; with ``harmonise`` PUD follows GSD's conventions
    (``harmonise_pud``). With ``dev_half`` the odd groups of GSD dev (10 sentences each)
    are trained on too and the even ones (``ud_dev_half.spacy``) are held out."""
    ud = DATA / "ud-german-gsd"
    gsd = list(conllu_docs(ud / "de_gsd-ud-test.conllu"))
    dev = list(conllu_docs(ud / "de_gsd-ud-dev.conllu"))
    pud = list(conllu_docs(DATA / "ud-german-pud" / "de_pud-ud-test.conllu"))
    if dev_half:
        gsd += [d for i, d in enumerate(dev) if i % 2 == 1]
        save((d for i, d in enumerate(dev) if i % 2 == 0), "ud_dev_half.spacy")
    if harmonise:
        harmonise_pud(pud, gsd)
    for doc in pud:
        for tok in doc:
            tok.tag_ = ""
    save(gsd + (pud if pud_too else []), f"ud_train{suffix}.spacy")
    save(dev, "ud_dev.spacy")
    split_ud_train(suffix=suffix)


def split_ud_train(every: int = 10, suffix: str = ""):
    """Carve a training dev set (every 10th group of sentences) out of ud_train.spacy for
    choosing model-best; GSD dev stays untouched for evaluation. ``ud_train_all`` is the
    part followed by the dev set, in that order: the shipped UD part (run ud13) trains on it
    for a fixed number of steps, chosen on the dev set by an earlier run."""
    docs = list(DocBin().from_disk(OUT / f"ud_train{suffix}.spacy").get_docs(NLP.vocab))
    part = [d for i, d in enumerate(docs) if i % every != every - 1]
    dev = [d for i, d in enumerate(docs) if i % every == every - 1]
    save(part, f"ud_train_part{suffix}.spacy")
    save(dev, f"ud_train_dev{suffix}.spacy")
    save(part + dev, f"ud_train_all{suffix}.spacy")


def write_text(paths_docs, name):
    """Plain text, one sentence or document per line, for training static vectors."""
    with open(OUT / name, "w", encoding="utf-8") as fh:
        for doc in paths_docs:
            fh.write(doc.text.replace("\n", " ") + "\n")


def save(docs, name):
    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    db.to_disk(OUT / name)
    print(f"{name}: {n} docs", file=sys.stderr)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    train, dev, test = split_germeval()
    save(train, "germeval_train.spacy")
    save(dev, "germeval_dev.spacy")
    save(test, "germeval_test.spacy")
    save(smartdata_docs(), "smartdata.spacy")
    save(europeana_docs(rng), "europeana.spacy")
    save(legal_docs(rng), "legal.spacy")
    ud_files(harmonise=True, dev_half=True)  # the shipped UD part's data (run ud8)
    # Unlabelled text for vectors: openly licensed sources only, evaluation parts excluded.
    import itertools

    write_text(
        itertools.chain(
            train,
            dev,
            smartdata_docs(),
            europeana_docs(random.Random(SEED), keep=1.0),
            legal_sentences(),
            DocBin().from_disk(OUT / "ud_train.spacy").get_docs(NLP.vocab),
        ),
        "vectors_text.txt",
    )


if __name__ == "__main__":
    main()
