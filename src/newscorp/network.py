"""The entity network: co-occurrence within a sentence and speaker -> entity edges.

Nodes are canonical entities (the names of the ``entities`` table) and speakers. Edges have a
``kind`` and a ``weight``:

* ``cooccurrence``: two entities named in the same sentence; weight = number of sentences.
  Symmetric, written once with ``source < target``.
* ``speaker``: a speaker -> an entity named inside one of their quotes; weight = number of
  quotes.

GraphML and GEXF are written with ``xml.etree`` as directed graphs (so networkx and Gephi read
both edge kinds into one graph); the ``kind`` attribute tells the symmetric edges apart.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from newscorp.errors import UsageError

if TYPE_CHECKING:
    import pandas as pd

    from newscorp.analysis import DocResult

COOCCURRENCE = "cooccurrence"
SPEAKER = "speaker"
EDGE_COLUMNS = ["source", "target", "kind", "weight"]
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://www.gexf.net/1.2draft"
NODE_ATTRS = (("entity_label", "string"), ("mentions", "int"), ("quotes", "int"))
EDGE_ATTRS = (("kind", "string"), ("weight", "int"))


@dataclass(frozen=True)
class Node:
    """A canonical entity or speaker; ``label`` is PER/LOC/ORG/MISC ("" if never tagged)."""

    id: str
    label: str
    mentions: int
    quotes: int


@dataclass(frozen=True)
class Edge:
    """A weighted edge of one kind."""

    source: str
    target: str
    kind: str
    weight: int


@dataclass(frozen=True)
class Network:
    """Nodes and edges, in a stable order."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def _cooccurrences(results: Sequence[DocResult], links: dict[str, str]) -> Counter:
    pairs: Counter = Counter()
    for r in results:
        sentences: dict[int, set[str]] = defaultdict(set)
        for m in r.mentions:
            sentences[m.sentence].add(links.get(m.entity, m.entity))
        for names in sentences.values():
            pairs.update(combinations(sorted(names), 2))
    return pairs


def _speaker_edges(results: Sequence[DocResult], links: dict[str, str]) -> Counter:
    pairs: Counter = Counter()
    for r in results:
        for q in r.quotes:
            speaker = links.get(q.speaker, q.speaker)
            if not speaker:
                continue
            named = {
                links.get(m.entity, m.entity)
                for m in r.mentions
                if q.start <= m.start and m.end <= q.end
            }
            pairs.update((speaker, name) for name in named if name != speaker)
    return pairs


def build_network(results: Sequence[DocResult], *, min_weight: int = 1) -> Network:
    """The network of a corpus; with ``min_weight`` > 1 only nodes with a kept edge remain."""
    from newscorp.tables import entities_table, entity_links

    if min_weight < 1:
        raise UsageError("--min-weight must be 1 or more")
    links = entity_links(results)
    edges = [
        Edge(a, b, kind, n)
        for kind, counts in ((COOCCURRENCE, _cooccurrences), (SPEAKER, _speaker_edges))
        for (a, b), n in counts(results, links).items()
        if n >= min_weight
    ]
    edges.sort(key=lambda e: (e.kind, -e.weight, e.source, e.target))
    quotes = Counter(links.get(q.speaker, q.speaker) for r in results for q in r.quotes)
    quotes.pop("", None)
    nodes = {
        row.entity: Node(row.entity, row.label, int(row.mentions), quotes.get(row.entity, 0))
        for row in entities_table(results, links).itertuples(index=False)
    }
    for speaker, n in quotes.items():
        nodes.setdefault(speaker, Node(speaker, "", 0, n))
    if min_weight > 1:
        linked = {e.source for e in edges} | {e.target for e in edges}
        nodes = {k: v for k, v in nodes.items() if k in linked}
    ordered = sorted(nodes.values(), key=lambda n: (-n.mentions, -n.quotes, n.id))
    return Network(tuple(ordered), tuple(edges))


def edges_table(network: Network) -> pd.DataFrame:
    """The edge list: source, target, kind, weight."""
    import pandas as pd

    rows = [(e.source, e.target, e.kind, e.weight) for e in network.edges]
    return pd.DataFrame(rows, columns=EDGE_COLUMNS)


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def to_graphml(network: Network) -> str:
    """GraphML text (directed; node and edge attributes declared as keys)."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys = [("node", "label", "string"), *(("node", n, t) for n, t in NODE_ATTRS)]
    keys += [("edge", n, t) for n, t in EDGE_ATTRS]
    for scope, name, kind in keys:
        ET.SubElement(
            root,
            f"{{{GRAPHML_NS}}}key",
            {"id": f"{scope[0]}_{name}", "for": scope, "attr.name": name, "attr.type": kind},
        )
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "G", "edgedefault": "directed"})
    for node in network.nodes:
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": node.id})
        values = (node.id, node.label, node.mentions, node.quotes)
        for name, value in zip(("label", *(n for n, _ in NODE_ATTRS)), values, strict=True):
            ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": f"n_{name}"}).text = str(value)
    for i, edge in enumerate(network.edges):
        attrs = {"id": f"e{i}", "source": edge.source, "target": edge.target}
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", attrs)
        for name, value in (("kind", edge.kind), ("weight", edge.weight)):
            ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": f"e_{name}"}).text = str(value)
    return _xml(root)


def to_gexf(network: Network) -> str:
    """GEXF 1.2 text for Gephi (directed; ``weight`` as the edge weight, ``kind`` as attribute)."""
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.2"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta")
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "newscorp"
    graph = ET.SubElement(
        root, f"{{{GEXF_NS}}}graph", {"defaultedgetype": "directed", "mode": "static"}
    )
    for scope, attrs in (("node", NODE_ATTRS), ("edge", (("kind", "string"),))):
        declared = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": scope})
        for i, (name, kind) in enumerate(attrs):
            gexf_type = "integer" if kind == "int" else kind
            ET.SubElement(
                declared,
                f"{{{GEXF_NS}}}attribute",
                {"id": str(i), "title": name, "type": gexf_type},
            )
    nodes = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for node in network.nodes:
        element = ET.SubElement(nodes, f"{{{GEXF_NS}}}node", {"id": node.id, "label": node.id})
        values = ET.SubElement(element, f"{{{GEXF_NS}}}attvalues")
        for i, value in enumerate((node.label, node.mentions, node.quotes)):
            ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": str(i), "value": str(value)})
    edges = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for i, edge in enumerate(network.edges):
        attrs = {
            "id": f"e{i}",
            "source": edge.source,
            "target": edge.target,
            "weight": str(edge.weight),
        }
        element = ET.SubElement(edges, f"{{{GEXF_NS}}}edge", attrs)
        values = ET.SubElement(element, f"{{{GEXF_NS}}}attvalues")
        ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": "0", "value": edge.kind})
    return _xml(root)
