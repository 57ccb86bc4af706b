/* Small DOM helpers shared by the explorer's scripts. */
(function (Explorer) {
  "use strict";

  /** An element with attributes (`text`, `className` or any attribute) and children (nodes or strings). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "className") node.className = attrs[key];
      else if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== "")
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /** An API enum in words: BUYS_FROM -> "buys from", CUSTOMER_BUILDS_COMPETING -> "customer builds competing". */
  function words(value) {
    return value.toLowerCase().replace(/_/g, " ");
  }

  Explorer.dom = {
    el: el,
    words: words,
    byId: function (id) {
      return document.getElementById(id);
    },
  };
})((window.Explorer = window.Explorer || {}));
