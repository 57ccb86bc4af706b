/*
 * The explorer's views over the drawing: a company chosen, its competitive-risk paths, a revenue
 * line, an edge's sources, the two dates; and how the page opens (from the URL, or an overview).
 */
(function (Explorer) {
  "use strict";

  var api = Explorer.api;
  var Q = api.queries;
  var main = Explorer.main;
  var state = main.state;
  var cy = main.cy;
  var $ = Explorer.dom.byId;
  var el = Explorer.dom.el;

  // ------------------------------------------------------------ a company

  function selectCompany(id) {
    state.view.centers = [id];
    state.view.edge = "";
    state.view.line = { company: id, product: "" };
    state.view.lost = [];
    state.activePath = null;
    clearSources();
    setHighlight([]);
    cy.elements().remove();
    $("view-title").textContent = "";
    main.renderResults($("search-input").value);
    var drawing = state.view.depth > 1 ? main.loadGraph([id], { depth: state.view.depth }) : main.expand(id);
    return drawing.then(function () {
      cy.getElementById(id).addClass("center");
      return Promise.all([loadRiskPaths(id, true), loadLines(id)]);
    });
  }

  // ------------------------------------------------------------ risk paths

  function renderPaths() {
    var list = $("risk-paths");
    list.textContent = "";
    state.paths.forEach(function (path) {
      var route = path.nodes
        .map(function (node) {
          return node.name || node.id;
        })
        .join(" → ");
      var item = el("li", { "data-path-id": path.id, tabindex: "0", role: "button" }, [
        el("span", { className: "kind", text: Explorer.dom.words(path.kind) }),
        el("span", { className: "route", text: route }),
        path.revenueAtRisk ? el("span", { className: "amount", text: "At risk: " + path.revenueAtRisk.display }) : null,
        el("span", { className: "why", text: path.explanation }),
      ]);
      if (state.activePath === path.id) item.className = "active";
      list.appendChild(item);
    });
    var name = nameOf(state.riskCompany);
    $("risk-company").textContent = name ? "for " + name : "";
    $("risk-empty").textContent = !state.riskCompany
      ? "Choose a company to see what puts its revenue at risk."
      : state.paths.length === 0
        ? "No path puts " + name + "'s revenue at risk. Click a supplier (e.g. a cloud provider) to see its paths."
        : "";
  }

  function nameOf(id) {
    if (!id) return "";
    var node = cy.getElementById(id);
    return node.length ? node.data("label") : id;
  }

  function loadRiskPaths(id, force) {
    if (!force && state.riskCompany === id && state.paths.length > 0) return Promise.resolve();
    state.riskCompany = id;
    state.paths = [];
    state.activePath = null;
    renderPaths();
    return api
      .gql(Q.risk, Object.assign({ company: id }, main.dates()))
      .then(function (data) {
        if (state.riskCompany !== id) return;
        state.paths = data.competitiveRiskPaths.paths;
        renderPaths();
      })
      .catch(function () {
        $("risk-empty").textContent = "Risk paths are not available: " + (state.lastError || "error");
      });
  }

  function pathIds(path) {
    return path.nodes
      .map(function (node) {
        return node.id;
      })
      .concat(
        path.hops.map(function (hop) {
          return hop.relationshipId;
        }),
      );
  }

  /** Draws whatever part of the path is not on screen yet, then highlights it. */
  function selectPath(pathId) {
    var path = state.paths.find(function (candidate) {
      return candidate.id === pathId;
    });
    if (!path) return Promise.resolve();
    state.activePath = pathId;
    renderPaths();
    var ids = pathIds(path);
    var missing = ids.some(function (id) {
      return cy.getElementById(id).length === 0;
    });
    var centers = path.nodes.map(function (node) {
      return node.id;
    });
    return (missing ? main.loadGraph(centers, { depth: 1 }) : Promise.resolve()).then(function () {
      setHighlight(ids);
    });
  }

  /** Marks `ids` on the canvas and says which in the box beside the paths (empty: clears both). */
  function setHighlight(ids) {
    state.highlighted = Explorer.graph.highlight(cy, ids);
    var box = $("highlighted");
    box.setAttribute("data-highlighted", state.highlighted.join(","));
    box.textContent = state.highlighted.length ? "Highlighted: " + state.highlighted.join(", ") : "";
  }

  main.onActivate($("risk-paths"), "li[data-path-id]", function (item) {
    selectPath(item.getAttribute("data-path-id")).catch(function () {});
  });

  // ------------------------------------------------------------ revenue line

  /** The products the company offers, as choices of line. */
  /** The company's products as choices of line, asked beside the line itself (which needs none of them). */
  function loadLines(companyId) {
    var select = $("line-product");
    var choices = api.gql(Q.lines, { company: companyId }).then(function (data) {
      select.textContent = "";
      select.appendChild(el("option", { value: "", text: "all products" }));
      var products = data.company ? data.company.products.nodes : [];
      products.forEach(function (link) {
        select.appendChild(el("option", { value: link.product.id, text: link.product.name }));
      });
      var wanted = state.view.line && state.view.line.company === companyId ? state.view.line.product : "";
      select.value = wanted;
      $("line-company").textContent = data.company ? data.company.name : companyId;
    });
    return Promise.all([choices, loadLine()]);
  }

  function loadLine() {
    var line = state.view.line;
    var container = $("revenue-line");
    if (!line) {
      container.textContent = "";
      return Promise.resolve();
    }
    var variables = Object.assign({ company: line.company, product: line.product || null }, main.dates());
    var lost = state.view.lost.slice();
    var churn = lost.length
      ? api.gql(Q.churn, Object.assign({ lost: lost }, variables))
      : Promise.resolve({ simulateChurn: null });
    return Promise.all([api.gql(Q.line, variables), churn]).then(function (answers) {
      Explorer.line.render(container, answers[0].revenueFlows, lost, answers[1].simulateChurn, function (next) {
        state.view.lost = next;
        main.saveView();
        loadLine().catch(function () {});
      });
      container.setAttribute("data-line", line.company + "/" + (line.product || ""));
      main.saveView();
    });
  }

  $("line-product").addEventListener("change", function (ev) {
    if (!state.view.line) return;
    state.view.line.product = ev.target.value;
    state.view.lost = [];
    loadLine().catch(function () {});
  });

  // ------------------------------------------------------------ an edge's sources

  function clearSources() {
    var panel = $("evidence-panel");
    panel.removeAttribute("data-relationship-id");
    panel.textContent = "";
    panel.appendChild(el("h2", { text: "Sources" }));
    panel.appendChild(el("p", { className: "muted", text: "Click an edge to see the claims and sources behind it." }));
  }

  function showSources(edgeId) {
    state.view.edge = edgeId;
    main.saveView();
    cy.edges().removeClass("selected-edge");
    cy.getElementById(edgeId).addClass("selected-edge");
    renderEdgeList();
    var panel = $("evidence-panel");
    panel.setAttribute("data-relationship-id", edgeId);
    return api.gql(Q.sources, { id: edgeId, knownAt: state.view.knownAt || null }).then(function (data) {
      if (state.view.edge !== edgeId) return;
      Explorer.sources.render(panel, data.relationship);
    });
  }

  // ------------------------------------------------------------ the centre's relationships

  /**
   * The drawn relationships of the first centre as a list: what the canvas shows, reachable by
   * keyboard (Enter or Space shows an edge's sources) and by screen readers.
   */
  function renderEdgeList() {
    var list = $("edge-list");
    list.textContent = "";
    var centre = state.view.centers[0];
    var node = centre ? cy.getElementById(centre) : null;
    $("edges-company").textContent = node && node.length ? "of " + node.data("label") : "";
    if (!node || !node.length) return;
    node.connectedEdges().forEach(function (edge) {
      var other = edge.source().id() === centre ? edge.target() : edge.source();
      var item = el("li", { "data-edge-id": edge.id(), tabindex: "0", role: "button" }, [
        other.data("label"),
        el("span", { className: "meta", text: edge.data("display") }),
      ]);
      if (state.view.edge === edge.id()) item.className = "active";
      list.appendChild(item);
    });
  }

  main.onActivate($("edge-list"), "li[data-edge-id]", function (item) {
    showSources(item.getAttribute("data-edge-id")).catch(function () {});
  });
  main.onDrawn(renderEdgeList);

  // ------------------------------------------------------------ time

  /** A date moved: the drawing, the paths, the line and the sources follow. */
  function setDates(asOf, knownAt) {
    state.view.asOf = asOf;
    state.view.knownAt = knownAt;
    main.saveView();
    return redraw();
  }

  function redraw() {
    var view = state.view;
    var drawing = view.centers.length
      ? main.loadGraph(view.centers, { depth: view.depth, replace: true, limit: 300 })
      : main.overview();
    var work = [drawing];
    if (state.riskCompany) work.push(loadRiskPaths(state.riskCompany, true));
    if (view.line) work.push(loadLine());
    return Promise.all(work).then(function () {
      if (view.edge) return showSources(view.edge);
    });
  }

  ["as-of", "known-at"].forEach(function (id) {
    $(id).addEventListener("change", function () {
      setDates($("as-of").value, $("known-at").value).catch(function () {});
    });
  });
  // How many hops around the centres are drawn.
  $("depth").addEventListener("change", function (ev) {
    state.view.depth = Number(ev.target.value);
    main.saveView();
    // Only the drawing depends on the depth; paths, line and sources stay as they are.
    if (state.view.centers.length) {
      main.loadGraph(state.view.centers, { depth: state.view.depth, replace: true }).catch(function () {});
    }
  });
  $("dates-reset").addEventListener("click", function () {
    $("as-of").value = "";
    $("known-at").value = "";
    setDates("", "").catch(function () {});
  });

  // ------------------------------------------------------------ the canvas

  // Clicking a node draws its neighbourhood; a company also becomes the one whose risk paths and line are shown.
  cy.on("tap", "node", function (ev) {
    var node = ev.target;
    var work = [main.expand(node.id())];
    if (node.data("nodeKind") === "Company") {
      work.push(loadRiskPaths(node.id()));
      if (!state.view.line || state.view.line.company !== node.id()) {
        state.view.line = { company: node.id(), product: "" };
        state.view.lost = [];
        work.push(loadLines(node.id()));
      }
    }
    Promise.all(work).catch(function () {});
  });
  cy.on("tap", "edge", function (ev) {
    showSources(ev.target.id()).catch(function () {});
  });

  // "/" focuses the search, as on most sites; Escape clears a highlighted path.
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== $("search-input")) {
      ev.preventDefault();
      $("search-input").focus();
    } else if (ev.key === "Escape") {
      setHighlight([]);
    }
  });

  // ------------------------------------------------------------ opening

  /** Opens the view the URL describes; without centres, the overview. */
  function open() {
    var view = state.view;
    $("as-of").value = view.asOf;
    $("depth").value = String(view.depth);
    $("known-at").value = view.knownAt;
    clearSources();
    var line = view.line;
    var centred = view.centers.length
      ? main.loadGraph(view.centers, { depth: view.depth, replace: true }).then(function () {
          view.centers.forEach(function (id) {
            cy.getElementById(id).addClass("center expanded");
          });
          return loadRiskPaths(view.centers[0], true);
        })
      : main.overview();
    return Promise.all([centred, main.loadHubs(), line ? loadLines(line.company) : Promise.resolve()]).then(
      function () {
        if (view.edge) return showSources(view.edge);
      },
    );
  }

  Explorer.views = { selectCompany: selectCompany };

  window.explorer = {
    cy: cy,
    state: state,
    search: main.search,
    selectCompany: selectCompany,
    expand: main.expand,
    selectPath: selectPath,
    showEvidence: showSources,
    setDates: setDates,
  };

  open()
    .catch(function () {})
    .finally(function () {
      document.body.setAttribute("data-opened", "true");
    });
  document.body.setAttribute("data-ready", "true");
})((window.Explorer = window.Explorer || {}));
