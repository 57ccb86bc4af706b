/*
 * Company graph explorer. Plain browser JavaScript, no build step: it talks only to the public
 * GraphQL endpoint and draws with Cytoscape.js (served by this server, so it works offline).
 * Nodes and edges are keyed by the API's stable ids, so every answer is merged into the drawing.
 */
(function () {
  "use strict";

  var ENDPOINT = "/graphql";

  var SEARCH_QUERY =
    "query ExplorerSearch($text: String!) {" +
    "  search(text: $text, kinds: [Company], first: 12) { hits { node { id name ... on Company { kind country } } } }" +
    "}";

  var GRAPH_QUERY =
    "query ExplorerGraph($centers: [ID!]!, $depth: Int) {" +
    "  relationshipGraph(centers: $centers, depth: $depth, limit: 300) {" +
    "    nodes { id label nodeKind kind country hop isCenter }" +
    "    edges { id source target kind label amountLabel productId status confidence evidenceCount }" +
    "    truncated cut { reason }" +
    "  }" +
    "}";

  var RISK_QUERY =
    "query ExplorerRisk($company: ID!) {" +
    "  competitiveRiskPaths(company: $company, first: 10) {" +
    "    paths { id kind explanation revenueAtRisk { display } nodes { id name } hops { relationshipId kind fromId toId } }" +
    "  }" +
    "}";

  var EVIDENCE_QUERY =
    "query ExplorerEvidence($id: ID!) {" +
    "  relationship(id: $id) {" +
    "    id kind status validFrom validTo confidence" +
    "    evidence { id quote gloss disclosure refersTo { label } source { title publishedOn language publisher } }" +
    "  }" +
    "}";

  var SHORT_KIND = {
    BUYS_FROM: "buys from",
    SUBSIDIARY_OF: "subsidiary of",
    COMPETES_WITH: "competes with",
    PARTNERS_WITH: "partners with",
    INVESTS_IN: "invests in",
    TAKES_REVENUE_SHARE: "takes revenue share",
    OFFERS: "offers",
    BUILT_ON: "built on",
    LEADS: "leads",
    USES_MODEL: "uses model",
  };

  var state = {
    /** The company chosen in the search results. */
    selected: null,
    /** The company whose risk paths are listed: the one chosen, then the last company node clicked. */
    riskCompany: null,
    /** Node ids whose neighbourhood has been drawn. */
    expanded: [],
    searchHits: [],
    paths: [],
    activePath: null,
    /** Ids of the elements of the highlighted path, nodes first. */
    highlighted: [],
    evidenceFor: null,
    pending: 0,
    lastError: null,
  };

  var $ = function (id) {
    return document.getElementById(id);
  };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function setStatus(text, isError) {
    var s = $("status");
    s.textContent = text || "";
    s.className = isError ? "error" : "";
  }

  function busy(delta) {
    state.pending += delta;
    document.body.setAttribute("data-busy", state.pending > 0 ? "true" : "false");
    if (state.pending > 0) setStatus("Loading…");
    else if (!state.lastError) setStatus("");
  }

  /** POSTs one operation; resolves to `data`, rejects with the first GraphQL error's message. */
  function gql(query, variables) {
    busy(1);
    return fetch(ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: query, variables: variables }),
    })
      .then(function (res) {
        return res.json();
      })
      .then(function (body) {
        if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
        state.lastError = null;
        return body.data;
      })
      .catch(function (err) {
        state.lastError = err.message;
        setStatus(err.message, true);
        throw err;
      })
      .finally(function () {
        busy(-1);
      });
  }

  // ---------------------------------------------------------------- drawing

  var cy = cytoscape({
    container: $("graph"),
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "font-size": 15,
          "font-weight": 600,
          color: "#1d2430",
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-outline-color": "#fbfbfc",
          "text-outline-width": 2,
          width: 30,
          height: 30,
          "background-color": "#2563eb",
          "border-width": 0,
        },
      },
      {
        selector: "node.product",
        style: {
          shape: "round-diamond",
          "background-color": "#d97706",
          width: 24,
          height: 24,
          "font-size": 13,
          "font-weight": 400,
        },
      },
      {
        selector: "node.person",
        style: { "background-color": "#059669", width: 20, height: 20, "font-size": 13, "font-weight": 400 },
      },
      {
        selector: "node.center",
        style: { "border-width": 4, "border-color": "#1e3a8a", width: 40, height: 40, "font-size": 17 },
      },
      { selector: "node.expanded", style: { "border-width": 3, "border-color": "#93c5fd" } },
      { selector: "node.center.expanded", style: { "border-color": "#1e3a8a" } },
      {
        selector: "edge",
        style: {
          width: 1.5,
          "line-color": "#98a2b3",
          "target-arrow-color": "#98a2b3",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.9,
          "curve-style": "bezier",
          label: "data(display)",
          "font-size": 12,
          color: "#667085",
          "text-background-color": "#fbfbfc",
          "text-background-opacity": 0.9,
          "text-background-padding": 2,
          "text-rotation": "none",
        },
      },
      {
        selector: "edge.buys_from",
        style: {
          width: 3,
          "line-color": "#0f766e",
          "target-arrow-color": "#0f766e",
          color: "#115e59",
          "font-weight": 600,
        },
      },
      {
        selector: "edge.competes_with, edge.partners_with",
        style: { "line-style": "dashed", "target-arrow-shape": "none" },
      },
      { selector: "edge.former", style: { "line-style": "dotted", opacity: 0.7 } },
      { selector: ".faded", style: { opacity: 0.18 } },
      { selector: "node.highlighted", style: { "border-width": 5, "border-color": "#c2410c", opacity: 1 } },
      {
        selector: "edge.highlighted",
        style: {
          width: 5,
          "line-color": "#c2410c",
          "target-arrow-color": "#c2410c",
          color: "#9a3412",
          opacity: 1,
          "z-index": 10,
        },
      },
      { selector: "edge.selected-edge", style: { "line-color": "#7c3aed", "target-arrow-color": "#7c3aed", width: 5 } },
    ],
  });

  function edgeDisplay(e) {
    var kind = SHORT_KIND[e.kind] || e.kind;
    if (e.kind === "BUYS_FROM") return (e.productId ? e.productId + ": " : "") + (e.amountLabel || "amount unknown");
    return e.amountLabel ? kind + ": " + e.amountLabel : kind;
  }

  /** Adds what is new and refreshes what is known, by id; returns how many elements were added. */
  function merge(graph) {
    var added = cy.collection();
    cy.batch(function () {
      graph.nodes.forEach(function (n) {
        var existing = cy.getElementById(n.id);
        var data = { id: n.id, label: n.label, nodeKind: n.nodeKind, kind: n.kind, country: n.country };
        if (existing.length) {
          existing.data(data);
        } else {
          added = added.union(cy.add({ group: "nodes", data: data, classes: n.nodeKind.toLowerCase() }));
        }
      });
      graph.edges.forEach(function (e) {
        if (cy.getElementById(e.id).length) return;
        if (!cy.getElementById(e.source).length || !cy.getElementById(e.target).length) return;
        var data = Object.assign({}, e, { display: edgeDisplay(e) });
        var classes = [e.kind.toLowerCase(), e.status === "FORMER" ? "former" : ""].join(" ").trim();
        added = added.union(cy.add({ group: "edges", data: data, classes: classes }));
      });
    });
    if (graph.truncated && graph.cut && graph.cut.reason) setStatus(graph.cut.reason);
    return added;
  }

  function layout(randomize) {
    return new Promise(function (resolve) {
      var l = cy.layout({
        name: "cose",
        animate: false,
        randomize: !!randomize,
        fit: true,
        padding: 60,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: function (edge) {
          // Money edges carry long labels: give them room.
          return edge.hasClass("buys_from") ? 170 : 110;
        },
        nodeRepulsion: function () {
          return 300000;
        },
        nodeOverlap: 20,
        edgeElasticity: function () {
          return 100;
        },
        gravity: 0.25,
        componentSpacing: 80,
        numIter: 2000,
      });
      l.one("layoutstop", function () {
        resolve();
      });
      l.run();
    });
  }

  function loadNeighbourhood(id) {
    return gql(GRAPH_QUERY, { centers: [id], depth: 1 }).then(function (data) {
      var firstDraw = cy.elements().length === 0;
      var added = merge(data.relationshipGraph);
      var node = cy.getElementById(id);
      node.addClass("expanded");
      if (state.expanded.indexOf(id) < 0) state.expanded.push(id);
      if (added.length > 0 || firstDraw) return layout(firstDraw);
    });
  }

  // ------------------------------------------------------------- search

  var searchTimer = null;
  var searchSeq = 0;

  function renderResults(hits) {
    var list = $("search-results");
    list.textContent = "";
    hits.forEach(function (h) {
      var meta = [h.node.kind, h.node.country].filter(Boolean).join(" · ");
      var li = el("li", { "data-id": h.node.id, tabindex: "0", role: "button" }, [
        h.node.name,
        meta ? el("span", { className: "meta", text: meta }) : null,
      ]);
      if (state.selected === h.node.id) li.className = "active";
      list.appendChild(li);
    });
    if (hits.length === 0) list.appendChild(el("li", { className: "muted", text: "No company matches." }));
  }

  function search(text) {
    var seq = ++searchSeq;
    if (text.trim() === "") {
      state.searchHits = [];
      renderResults([]);
      return Promise.resolve();
    }
    return gql(SEARCH_QUERY, { text: text }).then(function (data) {
      if (seq !== searchSeq) return; // a later keystroke already asked again
      state.searchHits = data.search.hits;
      renderResults(state.searchHits);
    });
  }

  $("search-input").addEventListener("input", function (ev) {
    clearTimeout(searchTimer);
    var text = ev.target.value;
    searchTimer = setTimeout(function () {
      search(text).catch(function () {});
    }, 150);
  });
  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(searchTimer);
    search($("search-input").value).then(function () {
      if (state.searchHits.length > 0) selectCompany(state.searchHits[0].node.id);
    });
  });

  function onResultActivate(ev) {
    var li = ev.target.closest("li[data-id]");
    if (!li) return;
    if (ev.type === "keydown" && ev.key !== "Enter" && ev.key !== " ") return;
    ev.preventDefault();
    selectCompany(li.getAttribute("data-id"));
  }
  $("search-results").addEventListener("click", onResultActivate);
  $("search-results").addEventListener("keydown", onResultActivate);

  // --------------------------------------------------------- risk paths

  function renderPaths() {
    var list = $("risk-paths");
    list.textContent = "";
    var names = {};
    state.paths.forEach(function (p) {
      p.nodes.forEach(function (n) {
        names[n.id] = n.name;
      });
    });
    state.paths.forEach(function (p) {
      var route = p.nodes
        .map(function (n) {
          return names[n.id] || n.id;
        })
        .join(" → ");
      var li = el("li", { "data-path-id": p.id, tabindex: "0", role: "button" }, [
        el("span", { className: "kind", text: p.kind.replace(/_/g, " ").toLowerCase() }),
        el("span", { className: "route", text: route }),
        p.revenueAtRisk ? el("span", { className: "amount", text: "At risk: " + p.revenueAtRisk.display }) : null,
        el("span", { className: "why", text: p.explanation }),
      ]);
      if (state.activePath === p.id) li.className = "active";
      list.appendChild(li);
    });
    var name = riskCompanyName();
    $("risk-company").textContent = name ? "for " + name : "";
    $("risk-empty").textContent = state.riskCompany
      ? state.paths.length === 0
        ? "No path puts " + name + "'s revenue at risk. Click a supplier (e.g. a cloud provider) to see its paths."
        : ""
      : "Choose a company to see what puts its revenue at risk.";
  }

  function riskCompanyName() {
    if (!state.riskCompany) return "";
    var node = cy.getElementById(state.riskCompany);
    return node.length ? node.data("label") : state.riskCompany;
  }

  function loadRiskPaths(id) {
    if (state.riskCompany === id && state.paths.length > 0) return Promise.resolve();
    state.riskCompany = id;
    state.paths = [];
    state.activePath = null;
    renderPaths();
    return gql(RISK_QUERY, { company: id })
      .then(function (data) {
        if (state.riskCompany !== id) return;
        state.paths = normalisePaths(data.competitiveRiskPaths);
        renderPaths();
      })
      .catch(function () {
        $("risk-empty").textContent = "Risk paths are not available: " + (state.lastError || "error");
      });
  }

  /** Accepts either a list of paths or a report object holding them. */
  function normalisePaths(result) {
    var list = Array.isArray(result) ? result : result && (result.paths || result.nodes || result.items || []);
    return (list || []).map(function (p, i) {
      return Object.assign({}, p, { id: p.id || "path-" + (i + 1), nodes: p.nodes || [], hops: p.hops || [] });
    });
  }

  function pathElementIds(path) {
    var nodes = path.nodes.map(function (n) {
      return n.id;
    });
    var edges = path.hops.map(function (h) {
      return h.relationshipId;
    });
    return { nodes: nodes, edges: edges };
  }

  /** Draws whatever part of the path is not on screen yet: one graph query centred on its nodes. */
  function ensureDrawn(ids) {
    var missing = ids.nodes.concat(ids.edges).filter(function (id) {
      return cy.getElementById(id).length === 0;
    });
    if (missing.length === 0) return Promise.resolve();
    return gql(GRAPH_QUERY, { centers: ids.nodes, depth: 1 }).then(function (data) {
      var g = data.relationshipGraph;
      var wanted = {};
      ids.nodes.concat(ids.edges).forEach(function (id) {
        wanted[id] = true;
      });
      var added = merge({
        nodes: g.nodes.filter(function (n) {
          return wanted[n.id];
        }),
        edges: g.edges.filter(function (e) {
          return wanted[e.id];
        }),
      });
      if (added.length > 0) return layout(false);
    });
  }

  function highlight(ids) {
    var all = ids.nodes.concat(ids.edges);
    cy.batch(function () {
      cy.elements().removeClass("highlighted faded");
      if (all.length === 0) return;
      var coll = cy.collection();
      all.forEach(function (id) {
        coll = coll.union(cy.getElementById(id));
      });
      coll.addClass("highlighted");
      cy.elements().difference(coll).addClass("faded");
    });
    state.highlighted = all.filter(function (id) {
      return cy.getElementById(id).length > 0;
    });
    var box = $("highlighted");
    box.setAttribute("data-highlighted", state.highlighted.join(","));
    box.textContent = state.highlighted.length ? "Highlighted: " + state.highlighted.join(", ") : "";
  }

  function selectPath(pathId) {
    var path = state.paths.find(function (p) {
      return p.id === pathId;
    });
    if (!path) return Promise.resolve();
    state.activePath = pathId;
    renderPaths();
    var ids = pathElementIds(path);
    return ensureDrawn(ids).then(function () {
      highlight(ids);
    });
  }

  function onPathActivate(ev) {
    var li = ev.target.closest("li[data-path-id]");
    if (!li) return;
    if (ev.type === "keydown" && ev.key !== "Enter" && ev.key !== " ") return;
    ev.preventDefault();
    selectPath(li.getAttribute("data-path-id")).catch(function () {});
  }
  $("risk-paths").addEventListener("click", onPathActivate);
  $("risk-paths").addEventListener("keydown", onPathActivate);

  // ----------------------------------------------------------- evidence

  function showEvidence(edgeId) {
    state.evidenceFor = edgeId;
    cy.edges().removeClass("selected-edge");
    cy.getElementById(edgeId).addClass("selected-edge");
    var panel = $("evidence-panel");
    panel.setAttribute("data-relationship-id", edgeId);
    return gql(EVIDENCE_QUERY, { id: edgeId }).then(function (data) {
      if (state.evidenceFor !== edgeId) return;
      var r = data.relationship;
      var edge = cy.getElementById(edgeId);
      panel.textContent = "";
      panel.appendChild(el("h2", { text: "Evidence" }));
      if (!r) {
        panel.appendChild(el("p", { className: "muted", text: "This relationship is no longer in the graph." }));
        return;
      }
      var from = edge.length ? edge.source().data("label") : "";
      var to = edge.length ? edge.target().data("label") : "";
      panel.appendChild(
        el("p", { className: "edge-title", text: from + " — " + (SHORT_KIND[r.kind] || r.kind) + " — " + to }),
      );
      if (edge.length && edge.data("amountLabel")) panel.appendChild(el("p", { text: edge.data("amountLabel") }));
      var validity = [
        r.status.toLowerCase(),
        r.validFrom ? "from " + r.validFrom : null,
        r.validTo ? "to " + r.validTo : null,
        "confidence " + r.confidence,
      ];
      panel.appendChild(el("p", { className: "facts", text: validity.filter(Boolean).join(" · ") }));
      var list = el("div", { className: "quotes" });
      r.evidence.forEach(function (e) {
        list.appendChild(el("blockquote", { lang: e.source.language, "data-evidence-id": e.id, text: e.quote }));
        list.appendChild(el("p", { className: "gloss", text: e.gloss }));
        list.appendChild(
          el("p", {
            className: "source",
            text:
              e.source.title +
              " (" +
              [e.source.publisher, e.source.publishedOn].filter(Boolean).join(", ") +
              ") · refers to " +
              e.refersTo.label +
              " · " +
              e.disclosure.toLowerCase(),
          }),
        );
      });
      panel.appendChild(list);
    });
  }

  // -------------------------------------------------------------- wiring

  function selectCompany(id) {
    state.selected = id;
    state.activePath = null;
    state.expanded = [];
    state.evidenceFor = null;
    var panel = $("evidence-panel");
    panel.removeAttribute("data-relationship-id");
    panel.textContent = "";
    panel.appendChild(el("h2", { text: "Evidence" }));
    panel.appendChild(el("p", { className: "muted", text: "Click an edge to read the quotes behind it." }));
    highlight({ nodes: [], edges: [] });
    cy.elements().remove();
    renderResults(state.searchHits);
    state.riskCompany = null;
    return loadNeighbourhood(id).then(function () {
      cy.getElementById(id).addClass("center");
      return loadRiskPaths(id);
    });
  }

  // Clicking a node draws its neighbourhood; a company also becomes the one whose risk paths are listed.
  cy.on("tap", "node", function (ev) {
    var node = ev.target;
    var work = [loadNeighbourhood(node.id())];
    if (node.data("nodeKind") === "Company") work.push(loadRiskPaths(node.id()));
    Promise.all(work).catch(function () {});
  });
  cy.on("tap", "edge", function (ev) {
    showEvidence(ev.target.id()).catch(function () {});
  });

  window.explorer = {
    cy: cy,
    state: state,
    search: search,
    selectCompany: selectCompany,
    expand: loadNeighbourhood,
    selectPath: selectPath,
    showEvidence: showEvidence,
  };

  // A link such as /explorer#tiktok opens that company.
  var initial = decodeURIComponent(location.hash.replace(/^#/, ""));
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(initial)) selectCompany(initial).catch(function () {});
  document.body.setAttribute("data-ready", "true");
})();
