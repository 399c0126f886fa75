"""The views on the sample corpus: network (GraphML/GEXF/edges), kwic, and the HTML report."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from newscorp.analysis import DocResult
from newscorp.cli import cli
from newscorp.errors import UsageError
from newscorp.kwic import KwicHit, kwic, token_sources
from newscorp.network import build_network, to_gexf, to_graphml
from newscorp.records import Document, Mention, Quote
from newscorp.report import report_html

ROOT = Path(__file__).resolve().parents[1]
CORPUS = str(ROOT / "corpus")
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == 0, result.stderr
    return result


def tsv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


# --- network ---------------------------------------------------------------------------

KNOWN_EDGES = {
    ("Nordkorea", "USA", "cooccurrence"): 10,
    ("Donald Trump", "Kim Jong Un", "cooccurrence"): 15,
    ("Donald Trump", "Nordkorea", "cooccurrence"): 6,
    ("Donald Trump", "Nordkorea", "speaker"): 5,
    ("Kim Jong Un", "USA", "speaker"): 1,
    ("Kim Myong Gil", "USA", "speaker"): 2,
}


def graphml_edges(text: str) -> dict[tuple[str, str, str], int]:
    root = ET.fromstring(text)
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}
    edges = {}
    for edge in root.iter(f"{GRAPHML}edge"):
        data = {keys[d.get("key")]: d.text for d in edge.iter(f"{GRAPHML}data")}
        edges[(edge.get("source"), edge.get("target"), data["kind"])] = int(data["weight"])
    return edges


def test_network_known_edges_and_weights(sample):
    network = build_network(sample.results())
    edges = {(e.source, e.target, e.kind): e.weight for e in network.edges}
    for key, weight in KNOWN_EDGES.items():
        assert edges[key] == weight, key
    ids = [n.id for n in network.nodes]
    assert len(ids) == len(set(ids))
    for e in network.edges:
        assert e.source != e.target
        assert {e.source, e.target} <= set(ids)
        if e.kind == "cooccurrence":
            assert e.source < e.target
    trump = next(n for n in network.nodes if n.id == "Donald Trump")
    entities = sample.entities().set_index("entity")
    speakers = sample.speakers().set_index("speaker")
    assert (trump.label, trump.mentions) == ("PER", entities.loc["Donald Trump", "mentions"])
    assert trump.quotes == speakers.loc["Donald Trump", "quotes"]
    assert {n.id for n in network.nodes} == set(entities.index) | set(speakers.index)


def test_network_speaker_edges_count_quotes_that_name_the_entity(sample):
    """Trump -> Nordkorea: the Trump quotes whose text names Nordkorea (as written)."""
    quotes = sample.quotes()
    trump = quotes[quotes["speaker"] == "Donald Trump"]
    assert (
        trump["text"].str.contains("Nordkorea").sum()
        == KNOWN_EDGES[("Donald Trump", "Nordkorea", "speaker")]
    )


def test_network_min_weight_keeps_heavy_edges_and_their_nodes(sample):
    network = build_network(sample.results(), min_weight=6)
    assert {(e.source, e.target, e.kind): e.weight for e in network.edges} == {
        ("Nordkorea", "USA", "cooccurrence"): 10,
        ("Donald Trump", "Kim Jong Un", "cooccurrence"): 15,
        ("Donald Trump", "Kim Jong Un", "speaker"): 6,
        ("Donald Trump", "Nordkorea", "cooccurrence"): 6,
        ("Kim Jong Un", "Nordkorea", "cooccurrence"): 6,
    }
    assert {n.id for n in network.nodes} == {"Donald Trump", "Kim Jong Un", "Nordkorea", "USA"}
    with pytest.raises(UsageError):
        build_network(sample.results(), min_weight=0)


def test_network_graphml_from_cli_parses_back(tmp_path):
    out = tmp_path / "corpus.graphml"
    result = run("network", CORPUS, "-o", str(out))
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    edges = graphml_edges(text)
    for key, weight in KNOWN_EDGES.items():
        assert edges[key] == weight, key
    root = ET.fromstring(text)
    assert root.find(f"{GRAPHML}graph").get("edgedefault") == "directed"
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}
    node = next(n for n in root.iter(f"{GRAPHML}node") if n.get("id") == "Nordkorea")
    data = {keys[d.get("key")]: d.text for d in node}
    assert data["label"] == "Nordkorea"
    assert data["entity_label"] == "LOC"
    assert data["quotes"] == "0"

    nx = pytest.importorskip("networkx", reason="networkx is not installed")
    graph = nx.read_graphml(out)
    assert graph.is_directed()
    weights = {
        (a, b, d["kind"]): d["weight"]
        for a, b, d in graph.edges(data=True)
        if (a, b, d["kind"]) in KNOWN_EDGES
    }
    assert weights == KNOWN_EDGES
    assert graph.nodes["Donald Trump"]["entity_label"] == "PER"


def test_network_gexf_parses_back(sample):
    text = to_gexf(build_network(sample.results()))
    root = ET.fromstring(text)
    graph = root.find(f"{GEXF}graph")
    assert graph.get("defaultedgetype") == "directed"
    titles = {
        a.get("id"): a.get("title")
        for a in graph.findall(f"{GEXF}attributes[@class='edge']/{GEXF}attribute")
    }
    edges = {}
    for edge in graph.iter(f"{GEXF}edge"):
        kind = {titles[v.get("for")]: v.get("value") for v in edge.iter(f"{GEXF}attvalue")}
        edges[(edge.get("source"), edge.get("target"), kind["kind"])] = int(edge.get("weight"))
    for key, weight in KNOWN_EDGES.items():
        assert edges[key] == weight, key
    labels = {n.get("id"): n.get("label") for n in graph.iter(f"{GEXF}node")}
    assert labels["Kim Jong Un"] == "Kim Jong Un"

    nx = pytest.importorskip("networkx", reason="networkx is not installed")
    loaded = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    assert loaded.number_of_edges() == len(edges)


def test_network_xml_escapes_names():
    doc = Document("x.txt", "x.txt", "", "", "0")
    mentions = (
        Mention("x.txt", 0, 5, "A & B", "ORG", 'A & B "<x>"', sentence=0),
        Mention("x.txt", 6, 9, "Ülm", "LOC", "Ülm", sentence=0),
    )
    network = build_network([DocResult(doc, mentions, (), ())])
    for text in (to_graphml(network), to_gexf(network)):
        assert 'A &amp; B "&lt;x&gt;"' in text or "A &amp; B &quot;&lt;x&gt;&quot;" in text
    assert graphml_edges(to_graphml(network)) == {('A & B "<x>"', "Ülm", "cooccurrence"): 1}


def test_network_csv_is_the_edge_list():
    rows = list(csv.DictReader(io.StringIO(run("network", "--format", "csv", CORPUS).stdout)))
    assert list(rows[0]) == ["source", "target", "kind", "weight"]
    assert rows[0] == {
        "source": "Donald Trump",
        "target": "Kim Jong Un",
        "kind": "cooccurrence",
        "weight": "15",
    }
    found = {(r["source"], r["target"], r["kind"]): int(r["weight"]) for r in rows}
    for key, weight in KNOWN_EDGES.items():
        assert found[key] == weight, key


# --- kwic ------------------------------------------------------------------------------

TEXT = "Er sagte:\nJa.  Sie sagen es."
TOKENS = [
    (0, 2, "Er", "er"),
    (3, 8, "sagte", "sagen"),
    (8, 9, ":", ":"),
    (9, 10, "\n", "\n"),
    (10, 12, "Ja", "ja"),
    (12, 13, ".", "."),
    (15, 18, "Sie", "sie"),
    (19, 24, "sagen", "sagen"),
    (25, 27, "es", "es"),
    (27, 28, ".", "."),
]


def test_kwic_matches_lemma_any_case_with_flattened_context():
    hits = list(kwic([("a.txt", TEXT, TOKENS)], "SAGEN", width=6))
    assert hits == [
        KwicHit("a.txt", 3, 8, "Er ", "sagte", ": Ja. "),
        KwicHit("a.txt", 19, 24, ". Sie ", "sagen", " es."),
    ]
    assert [TEXT[h.start : h.end] for h in hits] == ["sagte", "sagen"]


def test_kwic_matches_text_and_several_words():
    assert [h.keyword for h in kwic([("a.txt", TEXT, TOKENS)], "sagte")] == ["sagte"]
    hits = list(kwic([("a.txt", TEXT, TOKENS)], "sie sagen", width=3))
    assert hits == [KwicHit("a.txt", 15, 24, "a. ", "Sie sagen", " es")]
    assert list(kwic([("a.txt", TEXT, TOKENS)], "sagen nicht")) == []
    with pytest.raises(UsageError):
        list(kwic([], "  "))


def test_kwic_on_the_sample_finds_inflected_forms(sample):
    sources = list(token_sources(sample))
    texts = {doc: text for doc, text, _ in sources}
    gipfel = list(kwic(sources, "gipfel"))
    assert Counter(h.keyword for h in gipfel) == {"Gipfel": 13, "Gipfels": 8}
    adjective = list(kwic(sources, "nordkoreanisch"))
    assert Counter(h.keyword for h in adjective) == {"nordkoreanische": 9, "nordkoreanischen": 2}
    for hit in gipfel + adjective:
        assert texts[hit.doc][hit.start : hit.end] == hit.keyword
        before = re.sub(r"\s+", " ", texts[hit.doc][: hit.start])
        after = re.sub(r"\s+", " ", texts[hit.doc][hit.end :])
        assert hit.left == before[-40:]
        assert hit.right == after[:40]


def test_kwic_cli_tsv_when_piped():
    rows = tsv_rows(run("kwic", "sagen", "--width", "20", CORPUS).stdout)
    assert len(rows) == 18
    assert {r["keyword"] for r in rows} == {"sagte"}
    assert rows[0] == {
        "doc": "000_67afc78a396a1445.txt",
        "start": "2290",
        "end": "2295",
        "left": 'wo wir es wollten", ',
        "keyword": "sagte",
        "right": ' Trump. "Wir mussten',
    }
    text = (ROOT / "corpus" / rows[0]["doc"]).read_text(encoding="utf-8")
    assert text[2290:2295] == "sagte"


def test_kwic_cli_table_is_aligned():
    lines = run("kwic", "Weißen Hauses", "--width", "25", "--format", "table", CORPUS).stdout
    assert lines.splitlines() == [
        "000_67afc78a396a1445.txt  bracht. Nach Angaben des Weißen Hauses vom Donnerstag ging das ",
        "002_032e2586448917fb.txt  ittag die Sprecherin des Weißen Hauses, Sarah Sanders, dass sic",
    ]
    gipfel = run("kwic", "Gipfel", "--width", "25", "--format", "table", CORPUS).stdout
    first = gipfel.splitlines()[0]
    assert first == "000_67afc78a396a1445.txt" + " " * 23 + "Der Gipfel zwischen US-Präsident Do"
    assert {line[51:].startswith("Gipfel") for line in gipfel.splitlines()} == {True}
    result = CliRunner().invoke(cli, ["kwic", "Friedensnobelpreisträgerin", CORPUS])
    assert result.exit_code == 0
    assert result.stdout == "doc\tstart\tend\tleft\tkeyword\tright\n"
    assert "no occurrence of 'Friedensnobelpreisträgerin'" in result.stderr


# --- report ----------------------------------------------------------------------------


def test_report_is_self_contained_and_escaped(sample):
    page = report_html(sample.results())
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "<link" not in page and "@import" not in page
    assert page.count("<tr data-names=") == len(sample.quotes())
    assert page.count('<line class="edge"') == sum(
        1 for e in build_network(sample.results()).edges if e.kind == "speaker"
    )
    assert "Wir hatten mehrere Optionen und haben dann beschlossen" in page


def test_report_escapes_markup_in_quotes_and_names():
    doc = Document("x.txt", "x.txt", "", "", "0")
    name = "</script><b>A & B</b>"
    mention = Mention("x.txt", 0, 5, name, "PER", name)
    quote = Quote("x.txt", "x.txt#1", "direct", name, name, "sagen", "„<i>Ja</i>“", 6, 20)
    page = report_html([DocResult(doc, (mention,), (quote,), ())])
    assert "<b>A" not in page and "<i>Ja" not in page
    assert "&lt;/script&gt;&lt;b&gt;A &amp; B&lt;/b&gt;" in page
    assert "„&lt;i&gt;Ja&lt;/i&gt;“" in page
    script = page.split('<script type="application/json" id="report-data">', 1)[1]
    data = script.split("</script>", 1)[0]
    assert "\\u003c/script\\u003e\\u003cb\\u003eA \\u0026 B" in data


def test_report_to_missing_directory_fails_before_analysis(tmp_path):
    result = CliRunner().invoke(cli, ["report", "--out", str(tmp_path / "no" / "r.html"), CORPUS])
    assert result.exit_code == 1
    assert result.stderr.startswith("newscorp: error: cannot write")
    assert "pipeline" not in result.stderr


def _browser_paths() -> tuple[str, str]:
    pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[dev]')")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        pytest.skip("chromium/chromedriver absent (apt-get install chromium chromium-driver)")
    return browser, driver


def _visible_rows(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, "#quote-table tbody tr")
    return [r.find_element(By.TAG_NAME, "td").text for r in rows if r.is_displayed()]


def test_report_in_headless_chromium(sample, tmp_path, capsys):
    browser, driver_path = _browser_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    out = tmp_path / "report.html"
    run("report", "--out", str(out), CORPUS)
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    profile = tempfile.mkdtemp(prefix="newscorp-chromium-")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1280,1800",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.get(out.as_uri())
        # the charts exist only if the page's JavaScript ran
        charts = driver.find_elements(By.CSS_SELECTOR, "#entity-charts figure")
        captions = [c.find_element(By.TAG_NAME, "figcaption").text for c in charts]
        assert captions[:2] == ["People (PER)", "Places (LOC)"]
        first_bar = charts[0].find_element(By.CSS_SELECTOR, "rect.bar title")
        assert first_bar.get_attribute("textContent") == "Donald Trump: 42 mentions"
        per_bars = charts[0].find_elements(By.CSS_SELECTOR, "rect.bar")
        assert len(per_bars) == 10
        widths = [b.rect["width"] for b in per_bars]
        assert widths == sorted(widths, reverse=True) and widths[-1] > 0
        doc_bars = driver.find_elements(By.CSS_SELECTOR, "#document-chart rect.bar")
        assert len(doc_bars) == len(sample.docs()) == 5
        speaker_bars = driver.find_elements(By.CSS_SELECTOR, "#speaker-chart rect.bar")
        assert len(speaker_bars) == min(20, len(sample.speakers()))
        edges = driver.find_elements(By.CSS_SELECTOR, "#network-graph line.edge")
        assert len(edges) == sum(
            1 for e in build_network(sample.results()).edges if e.kind == "speaker"
        )

        quotes = sample.quotes()
        total = len(quotes)
        assert len(_visible_rows(driver)) == total
        box = driver.find_element(By.ID, "speaker-filter")
        box.send_keys("trump")
        trump = int((quotes["speaker"] == "Donald Trump").sum())
        assert _visible_rows(driver) == ["Donald Trump"] * trump
        count = driver.find_element(By.ID, "quote-count").text
        assert count == f"{trump} of {total} quotes"
        box.clear()
        box.send_keys("Kim")
        kims = quotes[quotes["speaker"].str.startswith("Kim ")]["speaker"]
        assert Counter(_visible_rows(driver)) == Counter(kims)
        assert {"Kim Jong Un", "Kim Myong Gil"} <= set(kims)

        artifacts = Path(os.environ.get("NEWSCORP_ARTIFACTS", tmp_path))
        artifacts.mkdir(parents=True, exist_ok=True)
        shot = artifacts / "report.png"
        assert driver.save_screenshot(str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        with capsys.disabled():
            print(f"\nreport screenshot: {shot}")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
