"""One self-contained HTML report: charts, speakers, a quote browser and the speaker network.

Everything is inline (CSS, JavaScript, SVG, data); a Content-Security-Policy forbids any
network request, so the page opens offline. Table rows and the network are written here as
HTML/SVG with every text escaped; the bar charts are drawn by ``data/report.js`` from a JSON
block (with ``<``, ``>`` and ``&`` escaped, so no text can end the script element).
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from newscorp import __version__
from newscorp.errors import OutputError

if TYPE_CHECKING:
    from newscorp.analysis import Corpus, DocResult
    from newscorp.network import Edge

LABELS = ("PER", "LOC", "ORG", "MISC")
TOP_ENTITIES = 10
TOP_SPEAKERS = 20
MAX_NETWORK_EDGES = 60
NETWORK_SIZE = 720
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def _asset(name: str) -> str:
    return resources.files("newscorp").joinpath("data", name).read_text(encoding="utf-8")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _script_json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _chart_data(results: Sequence[DocResult], top: int) -> dict:
    from newscorp import tables

    entities = tables.entities_table(results)
    by_label = {}
    for label in LABELS:
        rows = entities[entities["label"] == label].head(top)
        if len(rows):
            by_label[label] = [[r.entity, int(r.mentions)] for r in rows.itertuples(index=False)]
    speakers = tables.speakers_table(results).head(TOP_SPEAKERS)
    docs = tables.sentiment_table(results, by="doc")
    titles = {r.document.doc: r.document.title for r in results}
    return {
        "entities": by_label,
        "speakers": [
            [r.speaker, int(r.quotes), float(r.sentiment)] for r in speakers.itertuples(index=False)
        ],
        "documents": [
            [r.doc, float(r.score), str(r.label), titles.get(r.doc, "")]
            for r in docs.itertuples(index=False)
        ],
    }


def _speaker_table(results: Sequence[DocResult]) -> str:
    from newscorp import tables

    rows = "".join(
        f"<tr><td>{_e(r.speaker)}</td><td class=num>{r.quotes}</td><td class=num>{r.docs}</td>"
        f"<td class=num>{r.sentiment:+.2f}</td></tr>"
        for r in tables.speakers_table(results).itertuples(index=False)
    )
    head = "<tr><th>speaker</th><th>quotes</th><th>docs</th><th>mean sentiment</th></tr>"
    return f'<table id="speaker-table"><thead>{head}</thead><tbody>{rows}</tbody></table>'


def _quote_browser(results: Sequence[DocResult]) -> str:
    from newscorp import tables

    quotes = tables.quotes_table(results)
    names = {
        row.entity: {v.lower() for v in str(row.variants).split("; ") if v}
        for row in tables.entities_table(results).itertuples(index=False)
    }
    rows = []
    for q in quotes.itertuples(index=False):
        keys = sorted({q.speaker.lower(), *names.get(q.speaker, ())} - {""})
        rows.append(
            f'<tr data-names="{_e("|".join(keys))}"><td>{_e(q.speaker) or "<i>unknown</i>"}</td>'
            f"<td>{_e(q.type)}</td><td class=quote>{_e(q.text)}</td>"
            f"<td class=num>{q.sentiment:+.2f}</td><td class=doc>{_e(q.doc)}</td></tr>"
        )
    options = "".join(f'<option value="{_e(s)}">' for s in sorted(set(quotes["speaker"]) - {""}))
    head = "<tr><th>speaker</th><th>type</th><th>quote</th><th>sentiment</th><th>doc</th></tr>"
    return (
        '<p class=filter><label for="speaker-filter">Speaker</label> '
        '<input id="speaker-filter" type="search" list="speaker-list" autocomplete="off" '
        'placeholder="name or part of it, e.g. Trump"> '
        f'<span id="quote-count">{len(rows)} of {len(rows)} quotes</span></p>'
        f'<datalist id="speaker-list">{options}</datalist>'
        f'<table id="quote-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _network_svg(edges: Sequence[Edge]) -> str:
    """Speaker -> entity edges on a circle: speakers first, then the entities they name."""
    edges = list(edges)[:MAX_NETWORK_EDGES]
    if not edges:
        return '<p id="network-empty">No quote names an entity.</p>'
    speakers = sorted({e.source for e in edges})
    named = sorted({e.target for e in edges} - set(speakers))
    order = speakers + named
    size, radius = NETWORK_SIZE, NETWORK_SIZE / 2 - 130
    centre = size / 2
    pos = {}
    for i, name in enumerate(order):
        angle = 2 * math.pi * i / len(order) - math.pi / 2
        pos[name] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle), angle)
    heaviest = max(e.weight for e in edges)
    parts = [
        f'<svg id="network-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        'role="img" aria-label="speaker-entity network">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="17" refY="5" markerWidth="10" '
        'markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">'
        '<path d="M0,0L10,5L0,10z" fill="#8a8f98"/></marker></defs>',
    ]
    for e in edges:
        (x1, y1, _), (x2, y2, _) = pos[e.source], pos[e.target]
        width = 1 + 4 * e.weight / heaviest
        parts.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{width:.1f}" marker-end="url(#arrow)">'
            f"<title>{_e(e.source)} \u2192 {_e(e.target)}: {e.weight} quote(s)</title></line>"
        )
    for name in order:
        x, y, angle = pos[name]
        kind = "speaker" if name in speakers else "entity"
        lx, ly = x + 12 * math.cos(angle), y + 12 * math.sin(angle)
        anchor = "start" if math.cos(angle) >= 0 else "end"
        parts.append(
            f'<g class="node {kind}"><circle cx="{x:.1f}" cy="{y:.1f}" r="7"/>'
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" dominant-baseline="middle">'
            f"{_e(name)}</text></g>"
        )
    parts.append("</svg>")
    parts.append(
        '<p class="legend"><span class="dot speaker"></span> speaker '
        '<span class="dot entity"></span> entity named in their quotes; '
        "line width: number of quotes</p>"
    )
    return "".join(parts)


def report_html(
    results: Sequence[DocResult], *, title: str = "newscorp report", top: int = TOP_ENTITIES
) -> str:
    """The whole report as one HTML string."""
    from newscorp.network import SPEAKER, build_network

    network = build_network(results)
    speaker_edges = [e for e in network.edges if e.kind == SPEAKER]
    n_quotes = sum(len(r.quotes) for r in results)
    n_mentions = sum(len(r.mentions) for r in results)
    summary = (
        f"{len(results)} documents, {n_mentions} entity mentions, {n_quotes} quotes "
        f"\u00b7 newscorp {_e(__version__)}"
    )
    sections = [
        ("entities", f"Top entities per type (top {top})", '<div id="entity-charts"></div>'),
        (
            "speakers",
            "Speakers",
            '<div id="speaker-chart"></div>' + _speaker_table(results),
        ),
        ("sentiment", "Sentiment per document", '<div id="document-chart"></div>'),
        ("quotes", "Quotes", _quote_browser(results)),
        ("network", "Speaker \u2013 entity network", _network_svg(speaker_edges)),
    ]
    nav = " ".join(f'<a href="#{key}">{_e(name)}</a>' for key, name, _ in sections)
    body = "".join(
        f'<section id="{key}"><h2>{_e(name)}</h2>{content}</section>'
        for key, name, content in sections
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_asset('report.css')}</style></head>"
        f"<body><header><h1>{_e(title)}</h1><p>{summary}</p><nav>{nav}</nav>"
        "<noscript><p>The bar charts need JavaScript; the tables work without it.</p></noscript>"
        f"</header><main>{body}</main>"
        '<script type="application/json" id="report-data">'
        f"{_script_json(_chart_data(results, top))}</script>"
        f"<script>{_asset('report.js')}</script></body></html>\n"
    )


def write_report(corpus: Corpus, path: str | Path, *, title: str = "newscorp report") -> Path:
    """Analyse the corpus and write the report to ``path`` atomically."""
    from newscorp.render import write_text

    directory = Path(path).parent
    if not directory.is_dir():  # before the analysis, not after it
        raise OutputError(f"cannot write {path}: directory {directory} does not exist")
    write_text(path, report_html(corpus.results(), title=title))
    return Path(path)
