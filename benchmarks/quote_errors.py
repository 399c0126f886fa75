"""Error analysis for quote extraction: scores, then misses and false positives.

Usage:
    python benchmarks/quote_errors.py GOLD [PATHS...] [--show fn,fp,spk] [--type T] [--limit N]

GOLD is a gold jsonl (then PATHS are the corpus) or a WikiNews split directory. Parsed Docs
are cached in $NEWSCORP_BENCH_CACHE (default /tmp/newscorp-bench) per corpus, model and
pipeline rule-layer code, so re-runs measure only the extraction rules. Prints the scores
per type, then one line per error.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

from newscorp.analysis import DocResult
from newscorp.corpus import load_documents
from newscorp.evaluate.quotes import read_gold, read_wikinews_gold, score_quotes
from newscorp.extract.entities import mentions as extract_mentions
from newscorp.extract.quotes import quotes as extract_quotes
from newscorp.pipeline.resolve import load_pipeline, resolve_model
from newscorp.tables import quotes_table

CACHE = Path(__import__("os").environ.get("NEWSCORP_BENCH_CACHE", "/tmp/newscorp-bench"))


def parsed(paths: list[str]):
    """(Document, Doc) pairs, parsed once and cached as a DocBin."""
    from spacy.tokens import DocBin

    docs = list(load_documents(paths))
    choice = resolve_model(None)
    model_dir = Path(choice.name)
    stamp = str(max((p.stat().st_mtime for p in model_dir.rglob("*")), default=0))
    package = Path(__file__).resolve().parents[1] / "src" / "newscorp"
    layers = sorted(package.glob("pipeline/*.py")) + [
        package / "data" / name for name in ("places.txt", "roles.txt")
    ]
    code = hashlib.sha1(b"".join(p.read_bytes() for p in layers if p.exists())).hexdigest()
    key = hashlib.sha1(
        "|".join([choice.name, stamp, code] + [d.sha256 for d in docs]).encode()
    ).hexdigest()[:16]
    nlp = load_pipeline(choice.name)
    path = CACHE / f"{key}.spacy"
    if path.exists():
        bin_ = DocBin().from_disk(path)
        return list(zip(docs, bin_.get_docs(nlp.vocab), strict=True))
    out = list(nlp.pipe((d.nlp_text for d in docs), batch_size=16))
    CACHE.mkdir(parents=True, exist_ok=True)
    DocBin(docs=out, store_user_data=True).to_disk(path)
    return list(zip(docs, out, strict=True))


def context(text: str, quote: str, width: int) -> str:
    """The quote's surroundings in the document, on one line."""
    at = text.find(quote[:40])
    if at < 0:
        return "?"
    return " ".join(text[max(0, at - width) : at + len(quote) + width].split())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--show", default="", help="comma list of fn, fp, spk, ok")
    ap.add_argument("--type", default="", help="only errors of this gold/pred type")
    ap.add_argument("--limit", type=int, default=10000)
    ap.add_argument("--context", type=int, default=0, help="characters of context around misses")
    args = ap.parse_args()
    gold_path = Path(args.gold)
    if gold_path.is_dir():
        gold = read_wikinews_gold(gold_path)
        paths = args.paths or [str(gold_path / "corpus")]
    else:
        gold = read_gold(gold_path)
        paths = args.paths
    results = []
    texts: dict[str, str] = {}
    for document, doc in parsed(paths):
        texts[Path(document.doc).name] = document.text
        ments = tuple(extract_mentions(doc, document.doc))
        qs = tuple(extract_quotes(doc, document.doc, list(ments)))
        results.append(DocResult(document, ments, qs, ()))
    preds = quotes_table(results).to_dict("records")
    names = {Path(r.document.doc).name for r in results}
    res = score_quotes(gold, preds, docs=names, details=True)
    print(f"{'type':9} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6} {'attF1':>6} {'gold':>5} {'pred':>5}")
    for kind in ("all", "direct", "indirect", "mixed", "reported"):
        s = res[kind]
        print(
            f"{kind:9} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
            f"{s['speaker_accuracy']:6.3f} {s['attributed_f1']:6.3f} "
            f"{s['n_gold']:5} {s['n_pred']:5}"
        )
    show = set(filter(None, args.show.split(",")))
    if not show:
        return
    counts: Counter = Counter()
    shown = 0
    for m in res["matches"]:
        kind = m["gold_type"] or m["pred_type"]
        if args.type and args.type not in {m["gold_type"], m["pred_type"]}:
            continue
        tag = m["status"]
        if tag == "tp" and m["speaker_right"] is False:
            tag = "spk"
        counts[(tag, kind)] += 1
        if tag not in show or shown >= args.limit:
            continue
        shown += 1
        print(
            f"\n[{tag}] {m['doc']} gold={m['gold_type']} pred={m['pred_type']}"
            f" gspk={m['gold_speaker']!r} pspk={m['pred_speaker']!r}"
            f" pment={m['pred_speaker_mention']!r} cue={m.get('pred_cue', '')!r}"
        )
        if m["gold_text"]:
            print(f"  G: {m['gold_text'][:300]}")
            if args.context:
                print(f"  C: {context(texts.get(m['doc'], ''), m['gold_text'], args.context)}")
        if m["pred_text"]:
            print(f"  P: {m['pred_text'][:300]}")
    print("\n" + ", ".join(f"{t}/{k}={n}" for (t, k), n in sorted(counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
