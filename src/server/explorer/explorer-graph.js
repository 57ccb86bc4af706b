/*
 * The drawing: Cytoscape.js with the fcose layout (both served from this server's node_modules).
 * Nodes and edges are keyed by the API's stable ids, so every answer is merged into the drawing.
 * Edge labels show on hover, on the selected edge, and for every edge once zoomed in, so hubs stay
 * readable; edge styles separate money, ownership, competition and partnership.
 */
(function (Explorer) {
  "use strict";

  cytoscape.use(cytoscapeFcose);

  /** Which family each relationship kind draws as. */
  var FAMILY = {
    BUYS_FROM: "money",
    TAKES_REVENUE_SHARE: "money",
    SUBSIDIARY_OF: "ownership",
    INVESTS_IN: "ownership",
    COMPETES_WITH: "competition",
    PARTNERS_WITH: "partnership",
  };

  /** Zoomed in this far, every edge shows its label. */
  var LABEL_ZOOM = 1.25;

  var NODE_STYLES = [
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
        "text-wrap": "ellipsis",
        "text-max-width": 140,
        "min-zoomed-font-size": 7,
        width: "mapData(degree, 1, 12, 26, 48)",
        height: "mapData(degree, 1, 12, 26, 48)",
        "background-color": "#2563eb",
      },
    },
    {
      selector: "node.product",
      style: { shape: "round-diamond", "background-color": "#d97706", "font-size": 13, "font-weight": 400 },
    },
    { selector: "node.person", style: { "background-color": "#059669", "font-size": 13, "font-weight": 400 } },
    { selector: "node.center", style: { "border-width": 4, "border-color": "#1e3a8a", "font-size": 17 } },
    { selector: "node.expanded", style: { "border-width": 3, "border-color": "#93c5fd" } },
    { selector: "node.center.expanded", style: { "border-color": "#1e3a8a" } },
  ];

  var EDGE_STYLES = [
    {
      selector: "edge",
      style: {
        width: 1.2,
        "line-color": "#98a2b3",
        "target-arrow-color": "#98a2b3",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        "curve-style": "bezier",
        label: "",
        "font-size": 12,
        color: "#344054",
        "text-background-color": "#fbfbfc",
        "text-background-opacity": 0.95,
        "text-background-padding": 2,
        "text-rotation": "none",
      },
    },
    {
      selector: "edge.money",
      style: { width: 3.5, "line-color": "#0f766e", "target-arrow-color": "#0f766e", color: "#115e59" },
    },
    {
      selector: "edge.ownership",
      style: {
        width: 2.5,
        "line-color": "#1e3a8a",
        "target-arrow-color": "#1e3a8a",
        "target-arrow-shape": "triangle-backcurve",
      },
    },
    {
      selector: "edge.competition",
      style: { width: 2, "line-color": "#dc2626", "line-style": "dashed", "target-arrow-shape": "none" },
    },
    {
      selector: "edge.partnership",
      style: { width: 2, "line-color": "#7c3aed", "line-style": "dotted", "target-arrow-shape": "none" },
    },
    // Ended (or former) relationships stay visible as such: faint and dotted.
    { selector: "edge.ended", style: { "line-style": "dotted", opacity: 0.55 } },
    // A relationship whose start a source gives: a bar at its start.
    { selector: "edge.dated", style: { "source-arrow-shape": "tee", "source-arrow-color": "#475467" } },
    { selector: "edge.labelled, edge.hovered, edge.selected-edge", style: { label: "data(display)" } },
    { selector: ".faded", style: { opacity: 0.15 } },
    { selector: "node.highlighted", style: { "border-width": 5, "border-color": "#c2410c", opacity: 1 } },
    {
      selector: "edge.highlighted",
      style: { width: 5, "line-color": "#c2410c", "target-arrow-color": "#c2410c", opacity: 1, "z-index": 10 },
    },
    {
      selector: "edge.selected-edge",
      style: { "line-color": "#7c3aed", "target-arrow-color": "#7c3aed", width: 5, "z-index": 11 },
    },
  ];

  function createGraph(container) {
    var cy = cytoscape({
      container: container,
      minZoom: 0.15,
      maxZoom: 3,
      style: NODE_STYLES.concat(EDGE_STYLES),
    });
    cy.on("mouseover", "edge", function (ev) {
      ev.target.addClass("hovered");
    });
    cy.on("mouseout", "edge", function (ev) {
      ev.target.removeClass("hovered");
    });
    cy.on("zoom", function () {
      // Every edge's class changes only when the zoom crosses the threshold, not on every step.
      if (zoomedIn(cy) !== cy.scratch("_labelled")) labelByZoom(cy, cy.edges());
    });
    return cy;
  }

  function zoomedIn(cy) {
    return cy.zoom() >= LABEL_ZOOM;
  }

  function labelByZoom(cy, edges) {
    cy.scratch("_labelled", zoomedIn(cy));
    edges.toggleClass("labelled", zoomedIn(cy));
  }

  /** What an edge's label says: the amount for money, else the kind (and its amount, if any). */
  function edgeDisplay(edge) {
    var kind = Explorer.dom.words(edge.kind);
    var text =
      edge.kind === "BUYS_FROM"
        ? (edge.productId ? edge.productId + ": " : "") + (edge.amountLabel || "amount unknown")
        : edge.amountLabel
          ? kind + ": " + edge.amountLabel
          : kind;
    if (edge.validTo) text += " (ended " + edge.validTo + ")";
    else if (edge.validFrom) text += " (since " + edge.validFrom + ")";
    return text;
  }

  function isEnded(edge) {
    return edge.status === "FORMER" || !!edge.validTo;
  }

  function edgeClasses(edge) {
    return [
      edge.kind.toLowerCase(),
      FAMILY[edge.kind] || "other",
      isEnded(edge) ? "ended" : "",
      edge.validFrom ? "dated" : "",
    ]
      .join(" ")
      .trim();
  }

  /**
   * Makes the drawing show `graph` (a relationshipGraph answer): adds what is new, refreshes what
   * is known, and, with `replace`, removes what the answer no longer holds (a date moved). Returns
   * the elements added and the ids of the edges removed.
   */
  function merge(cy, graph, replace) {
    var added = cy.collection();
    var removed = [];
    cy.batch(function () {
      if (replace) removed = removeMissing(cy, graph);
      graph.nodes.forEach(function (n) {
        var data = { id: n.id, label: n.label, nodeKind: n.nodeKind, kind: n.kind, country: n.country };
        var existing = cy.getElementById(n.id);
        if (existing.length) existing.data(data);
        else added = added.union(cy.add({ group: "nodes", data: data, classes: n.nodeKind.toLowerCase() }));
      });
      graph.edges.forEach(function (e) {
        var data = Object.assign({}, e, { display: edgeDisplay(e) });
        var existing = cy.getElementById(e.id);
        if (existing.length) {
          // An id keeps its kind; only whether it ended or has a known start can change.
          existing.data(data).toggleClass("ended", isEnded(e)).toggleClass("dated", !!e.validFrom);
          return;
        }
        if (!cy.getElementById(e.source).length || !cy.getElementById(e.target).length) return;
        added = added.union(cy.add({ group: "edges", data: data, classes: edgeClasses(e) }));
      });
      cy.nodes().forEach(function (node) {
        node.data("degree", node.degree(false));
      });
    });
    labelByZoom(cy, added.edges());
    return { added: added, removed: removed };
  }

  /** Removes the edges (and nodes) a fresh answer for the same view no longer has; returns the edge ids. */
  function removeMissing(cy, graph) {
    var keep = {};
    graph.nodes.concat(graph.edges).forEach(function (item) {
      keep[item.id] = true;
    });
    var gone = cy.elements().filter(function (element) {
      return !keep[element.id()];
    });
    var edgeIds = gone.edges().map(function (edge) {
      return edge.id();
    });
    gone.remove();
    return edgeIds;
  }

  /** fcose: a force-directed layout made for compound-free graphs with labels; quality mode, no animation. */
  function layout(cy, randomize) {
    return new Promise(function (resolve) {
      if (cy.nodes().length === 0) return resolve();
      var run = cy.layout({
        name: "fcose",
        quality: "proof",
        randomize: !!randomize,
        animate: false,
        fit: true,
        padding: 50,
        nodeDimensionsIncludeLabels: true,
        packComponents: true,
        nodeRepulsion: function () {
          return 9000;
        },
        idealEdgeLength: function (edge) {
          return edge.hasClass("money") ? 170 : 120;
        },
        edgeElasticity: function () {
          return 0.4;
        },
        gravity: 0.3,
        numIter: 2500,
      });
      run.one("layoutstop", function () {
        resolve();
      });
      run.run();
    });
  }

  /** Marks `ids` (nodes and edges) and fades the rest; an empty list clears it. */
  function highlight(cy, ids) {
    cy.batch(function () {
      cy.elements().removeClass("highlighted faded");
      if (ids.length === 0) return;
      var marked = cy.collection();
      ids.forEach(function (id) {
        marked = marked.union(cy.getElementById(id));
      });
      marked.addClass("highlighted");
      cy.elements().difference(marked).addClass("faded");
    });
    return ids.filter(function (id) {
      return cy.getElementById(id).length > 0;
    });
  }

  Explorer.graph = {
    createGraph: createGraph,
    merge: merge,
    layout: layout,
    highlight: highlight,
  };
})((window.Explorer = window.Explorer || {}));
