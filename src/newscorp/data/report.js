// newscorp report: draws the bar charts from the JSON block and filters the quote table.
// Text goes into the page only through textContent, never as HTML.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var LABEL_NAMES = { PER: "People", LOC: "Places", ORG: "Organisations", MISC: "Other" };
  var data = JSON.parse(document.getElementById("report-data").textContent);

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function short(text, n) {
    return text.length > n ? text.slice(0, n - 1) + "\u2026" : text;
  }

  // rows: [{label, value, shown, title, cls}]; diverging charts grow left/right from zero
  function barChart(container, heading, rows, diverging) {
    var fig = document.createElement("figure");
    fig.className = "chart-box";
    if (heading) {
      var cap = document.createElement("figcaption");
      cap.textContent = heading;
      fig.appendChild(cap);
    }
    var rowH = 22, labelW = 210, barW = 270, width = labelW + barW + 60;
    var height = rows.length * rowH + 4;
    var svg = el("svg", { "class": "chart", viewBox: "0 0 " + width + " " + height,
      width: width, height: height, role: "img", "aria-label": heading || "chart" });
    var max = Math.max.apply(null, rows.map(function (r) { return Math.abs(r.value); })) || 1;
    var zero = diverging ? labelW + barW / 2 : labelW;
    var scale = (diverging ? barW / 2 : barW) / max;
    rows.forEach(function (r, i) {
      var y = i * rowH + 2, mid = y + rowH / 2;
      var g = el("g", { "class": "row" });
      g.appendChild(el("text", { "class": "label", x: labelW - 8, y: mid, "text-anchor": "end",
        "dominant-baseline": "middle" }, short(r.label, 28)));
      var w = Math.max(Math.abs(r.value) * scale, 1);
      var bar = el("rect", { "class": "bar " + (r.cls || ""), x: r.value < 0 ? zero - w : zero,
        y: y + 3, width: w, height: rowH - 6 });
      bar.appendChild(el("title", {}, r.title));
      g.appendChild(bar);
      g.appendChild(el("text", { "class": "value", x: labelW + barW + 6, y: mid,
        "dominant-baseline": "middle" }, r.shown));
      svg.appendChild(g);
    });
    if (diverging) {
      svg.appendChild(el("line", { "class": "axis", x1: zero, x2: zero, y1: 0, y2: height }));
    }
    fig.appendChild(svg);
    container.appendChild(fig);
  }

  function signed(x) {
    return (x >= 0 ? "+" : "\u2212") + Math.abs(x).toFixed(2);
  }

  var entityBox = document.getElementById("entity-charts");
  Object.keys(data.entities).forEach(function (label) {
    var rows = data.entities[label].map(function (e) {
      return { label: e[0], value: e[1], shown: String(e[1]),
        title: e[0] + ": " + e[1] + " mentions" };
    });
    barChart(entityBox, (LABEL_NAMES[label] || label) + " (" + label + ")", rows, false);
  });

  barChart(document.getElementById("speaker-chart"), "Quotes per speaker",
    data.speakers.map(function (s) {
      return { label: s[0], value: s[1], shown: String(s[1]),
        title: s[0] + ": " + s[1] + " quotes, mean sentiment " + signed(s[2]) };
    }), false);

  barChart(document.getElementById("document-chart"), "Mean sentence sentiment",
    data.documents.map(function (d) {
      return { label: d[0], value: d[1], shown: signed(d[1]), cls: d[2],
        title: (d[3] ? d[3] + " \u2014 " : "") + d[0] + ": " + signed(d[1]) + " (" + d[2] + ")" };
    }), true);

  // quote browser: every word typed must start a word of the speaker's name or a variant
  var input = document.getElementById("speaker-filter");
  var count = document.getElementById("quote-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#quote-table tbody tr"));
  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  var names = rows.map(function (row) { return words(row.getAttribute("data-names") || ""); });
  function applyFilter() {
    var query = words(input.value), shown = 0;
    rows.forEach(function (row, i) {
      var ok = query.every(function (q) {
        return names[i].some(function (w) { return w.indexOf(q) === 0; });
      });
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown + " of " + rows.length + " quotes";
  }
  input.addEventListener("input", applyFilter);
  applyFilter();
})();
