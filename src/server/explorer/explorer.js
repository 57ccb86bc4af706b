/*
 * Company graph explorer. Plain browser JavaScript, no build step: it talks only to the public
 * GraphQL endpoint (explorer-api.js) and draws with Cytoscape.js and Observable Plot, all served
 * by this server, so it works offline. This file wires the parts: opening view, search, time,
 * risk paths, the revenue line, an edge's sources, and the view's state in the URL.
 */
(function (Explorer) {
  "use strict";

  var api = Explorer.api;
  var Q = api.queries;
  var $ = Explorer.dom.byId;
  var el = Explorer.dom.el;

  /** A graph this small is drawn whole when the explorer opens; a larger one, around its hubs. */
  var WHOLE_GRAPH_NODES = 150;
  var OVERVIEW_HUBS = 12;

  var state = {
    /** What the URL says: centres, depth, dates, selected edge, revenue line, churned customers. */
    view: Explorer.url.parse(location.hash),
    searchHits: [],
    hubs: [],
    riskCompany: null,
    paths: [],
    activePath: null,
    /** Ids of the elements of the highlighted path, nodes first. */
    highlighted: [],
    pending: 0,
    lastError: null,
    /** How the last date change changed the drawing: edges no longer (or now) in force. */
    lastChange: null,
  };

  var cy = Explorer.graph.createGraph($("graph"));

  // ------------------------------------------------------------ status

  function setStatus(text, isError) {
    var status = $("status");
    status.textContent = text || "";
    status.className = isError ? "error" : "";
  }

  api.onActivity(function (event) {
    if ("pending" in event) {
      state.pending = event.pending;
      document.body.setAttribute("data-busy", state.pending > 0 ? "true" : "false");
      if (state.pending > 0) setStatus("Loading…");
      else if (!state.lastError) setStatus(state.lastChange || "");
    }
    if ("error" in event) {
      state.lastError = event.error;
      if (event.error) setStatus(event.error, true);
    }
  });

  function dates() {
    return { asOf: state.view.asOf || null, knownAt: state.view.knownAt || null };
  }

  // ------------------------------------------------------------ URL and downloads

  function drawnCompanies() {
    return cy
      .nodes()
      .filter(function (node) {
        return node.data("nodeKind") === "Company";
      })
      .map(function (node) {
        return node.id();
      })
      .sort();
  }

  /** Writes the view into the URL (without a new history entry) and refreshes the download links. */
  function saveView() {
    var hash = Explorer.url.format(state.view);
    if (hash !== location.hash && !(hash === "" && location.hash === "")) {
      history.replaceState(null, "", location.pathname + location.search + hash);
    }
    var links = Explorer.url.downloads(state.view, drawnCompanies());
    [
      ["download-graphml", links.graphml],
      ["download-cyjs", links.cyjs],
      ["download-csv", links.csv],
    ].forEach(function (pair) {
      var link = $(pair[0]);
      if (pair[1]) {
        link.setAttribute("href", pair[1]);
        link.removeAttribute("aria-disabled");
      } else {
        link.removeAttribute("href");
        link.setAttribute("aria-disabled", "true");
      }
    });
  }

  // ------------------------------------------------------------ drawing

  /** Told after every answer merged into the drawing. */
  var drawnListeners = [];

  function loadGraph(centers, options) {
    var variables = Object.assign(
      { centers: centers, depth: options.depth || 1, limit: options.limit || 300 },
      dates(),
    );
    return api.gql(Q.graph, variables).then(function (data) {
      var firstDraw = cy.elements().length === 0;
      var change = Explorer.graph.merge(cy, data.relationshipGraph, !!options.replace);
      var graph = data.relationshipGraph;
      state.lastChange = graph.truncated && graph.cut.reason ? graph.cut.reason : null;
      if (options.replace && change.removed.length > 0) {
        state.lastChange =
          change.removed.length + " relationship(s) not in force on these dates: " + change.removed.join(", ");
      }
      if (state.pending <= 1) setStatus(state.lastChange || "");
      saveView();
      drawnListeners.forEach(function (listener) {
        listener();
      });
      if (change.added.length > 0 || firstDraw) return Explorer.graph.layout(cy, firstDraw);
    });
  }

  /** The store's counts and its most connected companies: asked once, for the overview and the list. */
  var hubsAnswer = null;
  function hubsAndCounts() {
    hubsAnswer =
      hubsAnswer ||
      api.gql(Q.overview, { first: 100 }).catch(function (err) {
        hubsAnswer = null; // asked again next time
        throw err;
      });
    return hubsAnswer;
  }

  /** Opening without centres: the most connected companies, or the whole graph when it is small. */
  function overview() {
    return hubsAndCounts().then(function (data) {
      var info = data.storeInfo;
      var hubIds = data.hubs.map(function (hub) {
        return hub.node.id;
      });
      var small = info.companies + info.products + info.people <= WHOLE_GRAPH_NODES;
      var centers = small ? hubIds : hubIds.slice(0, OVERVIEW_HUBS);
      $("view-title").textContent = small
        ? "The whole graph: " + info.companies + " companies, " + info.relationships + " relationships"
        : "The " + centers.length + " most connected of " + info.companies + " companies";
      if (centers.length === 0) return;
      return loadGraph(centers, { depth: 1, limit: small ? 600 : 250, replace: true });
    });
  }

  function expand(id) {
    return loadGraph([id], { depth: 1 }).then(function () {
      cy.getElementById(id).addClass("expanded");
    });
  }

  // ------------------------------------------------------------ search

  var searchTimer = null;
  var searchSeq = 0;

  function resultItem(node, meta) {
    var item = el("li", { "data-id": node.id, tabindex: "0", role: "button" }, [
      node.name,
      meta ? el("span", { className: "meta", text: meta }) : null,
    ]);
    if (state.view.centers.indexOf(node.id) >= 0) item.className = "active";
    return item;
  }

  function renderResults(text) {
    var list = $("search-results");
    list.textContent = "";
    var typed = text.trim() !== "";
    $("results-title").textContent = typed ? "Companies" : "Most connected";
    var items = typed
      ? state.searchHits.map(function (hit) {
          return resultItem(hit.node, [hit.node.kind, hit.node.country].filter(Boolean).join(" · "));
        })
      : state.hubs.map(function (hub) {
          return resultItem(hub.node, hub.relationships + " relationships");
        });
    items.forEach(function (item) {
      list.appendChild(item);
    });
    if (typed && items.length === 0)
      list.appendChild(el("li", { className: "muted", text: "No company matches “" + text + "”." }));
  }

  function search(text) {
    var seq = ++searchSeq;
    if (text.trim() === "") {
      state.searchHits = [];
      renderResults("");
      return Promise.resolve();
    }
    return api.gql(Q.search, { text: text }).then(function (data) {
      if (seq !== searchSeq) return; // a later keystroke already asked again
      state.searchHits = data.search.nodes;
      renderResults(text);
    });
  }

  function loadHubs() {
    return hubsAndCounts().then(function (data) {
      state.hubs = data.hubs.slice(0, OVERVIEW_HUBS);
      if ($("search-input").value.trim() === "") renderResults("");
    });
  }

  $("search-input").addEventListener("input", function (ev) {
    clearTimeout(searchTimer);
    var text = ev.target.value;
    searchTimer = setTimeout(function () {
      search(text).catch(function () {});
    }, 120);
  });
  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(searchTimer);
    search($("search-input").value).then(function () {
      if (state.searchHits.length > 0) selectCompany(state.searchHits[0].node.id);
    });
  });
  onActivate($("search-results"), "li[data-id]", function (item) {
    selectCompany(item.getAttribute("data-id"));
  });

  /** Click, Enter or Space on an item of `list` matching `selector`. */
  function onActivate(list, selector, handler) {
    var activate = function (ev) {
      var item = ev.target.closest(selector);
      if (!item) return;
      if (ev.type === "keydown" && ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
      handler(item);
    };
    list.addEventListener("click", activate);
    list.addEventListener("keydown", activate);
  }

  Explorer.main = {
    state: state,
    cy: cy,
    dates: dates,
    saveView: saveView,
    loadGraph: loadGraph,
    overview: overview,
    expand: expand,
    search: search,
    loadHubs: loadHubs,
    onActivate: onActivate,
    renderResults: renderResults,
    onDrawn: function (listener) {
      drawnListeners.push(listener);
    },
  };
  // selectCompany and the rest are defined in explorer-views.js, which runs next.
  function selectCompany(id) {
    return Explorer.views.selectCompany(id);
  }
})((window.Explorer = window.Explorer || {}));
