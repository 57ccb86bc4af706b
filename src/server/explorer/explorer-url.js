/*
 * The view's state in the URL's hash, so that a copied link opens the same view: the centres,
 * the depth, the two dates, the selected edge, the revenue line and its churned customers. Also
 * the download links of the current view (the server's /export routes, same parameters).
 */
(function (Explorer) {
  "use strict";

  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  function ids(text) {
    return (text || "").split(",").filter(function (id) {
      return ID.test(id);
    });
  }

  /** The hash as text; a malformed escape (a mangled link) opens the default view instead of failing. */
  function decodeHash(hash) {
    try {
      return decodeURIComponent(hash.replace(/^#/, ""));
    } catch {
      return "";
    }
  }

  /** The view a hash describes; `#tiktok` (an id alone) is a view centred on it. */
  function parse(hash) {
    var text = decodeHash(hash || "");
    var view = { centers: [], depth: 1, asOf: "", knownAt: "", edge: "", line: null, lost: [] };
    if (ID.test(text)) {
      view.centers = [text];
      return view;
    }
    var params = new URLSearchParams(text);
    view.centers = ids(params.get("centers"));
    var depth = Number(params.get("depth"));
    view.depth = depth >= 1 && depth <= 4 ? Math.trunc(depth) : 1;
    view.asOf = DATE.test(params.get("asOf") || "") ? params.get("asOf") : "";
    view.knownAt = DATE.test(params.get("knownAt") || "") ? params.get("knownAt") : "";
    view.edge = ID.test(params.get("edge") || "") ? params.get("edge") : "";
    var line = (params.get("line") || "").split("/");
    if (ID.test(line[0] || "")) view.line = { company: line[0], product: ID.test(line[1] || "") ? line[1] : "" };
    view.lost = ids(params.get("lost"));
    return view;
  }

  /** The hash for `view`; empty parts are left out. */
  function format(view) {
    var params = new URLSearchParams();
    if (view.centers.length) params.set("centers", view.centers.join(","));
    if (view.depth !== 1) params.set("depth", String(view.depth));
    if (view.asOf) params.set("asOf", view.asOf);
    if (view.knownAt) params.set("knownAt", view.knownAt);
    if (view.edge) params.set("edge", view.edge);
    if (view.line) params.set("line", view.line.company + (view.line.product ? "/" + view.line.product : ""));
    if (view.line && view.lost.length) params.set("lost", view.lost.join(","));
    var text = params.toString().replace(/%2C/g, ",").replace(/%2F/g, "/");
    return text ? "#" + text : "";
  }

  /** The /export downloads of the view: graphs around its centres, the matrix of its drawn companies. */
  function downloads(view, drawnCompanies) {
    var dates = function (params) {
      if (view.asOf) params.set("asOf", view.asOf);
      if (view.knownAt) params.set("knownAt", view.knownAt);
      return params;
    };
    var graph = dates(new URLSearchParams({ center: view.centers.join(","), depth: String(view.depth) }));
    var matrix = dates(new URLSearchParams({ companies: drawnCompanies.slice(0, 100).join(",") }));
    var ready = view.centers.length > 0;
    // Commas need no escaping in a query string; kept readable for whoever copies the link.
    var query = function (params) {
      return params.toString().replace(/%2C/g, ",");
    };
    return {
      graphml: ready ? "/export/graph.graphml?" + query(graph) : null,
      cyjs: ready ? "/export/graph.cyjs?" + query(graph) : null,
      csv: drawnCompanies.length > 0 ? "/export/matrix.csv?" + query(matrix) : null,
    };
  }

  Explorer.url = { parse: parse, format: format, downloads: downloads };
})((window.Explorer = window.Explorer || {}));
