/*
 * The explorer's only way to the data: the public GraphQL endpoint. Every query the explorer sends
 * is here, with the busy/status reporting around each request.
 */
(function (Explorer) {
  "use strict";

  var ENDPOINT = "/graphql";

  var queries = {
    overview:
      "query ExplorerOverview($first: Int!) {" +
      "  storeInfo { companies products people relationships }" +
      "  hubs(first: $first) { relationships node { id name ... on Company { kind country } } }" +
      "}",
    search:
      "query ExplorerSearch($text: String!) {" +
      "  search(text: $text, kinds: [Company], first: 12) { nodes { node { id name ... on Company { kind country } } } }" +
      "}",
    graph:
      "query ExplorerGraph($centers: [ID!]!, $depth: Int, $limit: Int, $asOf: LocalDate, $knownAt: LocalDate) {" +
      "  relationshipGraph(centers: $centers, depth: $depth, limit: $limit, asOf: $asOf, knownAt: $knownAt) {" +
      "    nodes { id label nodeKind kind country hop isCenter }" +
      "    edges { id source target kind label amountLabel productId status confidence evidenceCount validFrom validTo }" +
      "    truncated cut { reason }" +
      "  }" +
      "}",
    risk:
      "query ExplorerRisk($company: ID!, $asOf: LocalDate, $knownAt: LocalDate) {" +
      "  competitiveRiskPaths(company: $company, first: 10, asOf: $asOf, knownAt: $knownAt) {" +
      "    paths { id kind explanation revenueAtRisk { display } nodes { id name } hops { relationshipId kind fromId toId } }" +
      "  }" +
      "}",
    lines:
      "query ExplorerLines($company: ID!) {" +
      "  company(id: $company) { id name products(first: 50) { nodes { product { id name } } } }" +
      "}",
    line:
      "query ExplorerLine($company: ID!, $product: ID, $asOf: LocalDate, $knownAt: LocalDate) {" +
      "  revenueFlows(company: $company, product: $product, direction: IN, asOf: $asOf, knownAt: $knownAt) {" +
      "    company { id name } product { id name }" +
      "    total { display } attributed { display } unattributed { display }" +
      "    statedTotal { amount { display } refersTo { label } }" +
      "    flows { counterpartyId counterparty { name } amount { display } share { display low high estimate }" +
      "      amountKnown inTotals relationshipIds }" +
      "    notes" +
      "  }" +
      "}",
    churn:
      "query ExplorerChurn($company: ID!, $product: ID, $lost: [ID!]!, $asOf: LocalDate, $knownAt: LocalDate) {" +
      "  simulateChurn(company: $company, product: $product, lostCustomers: $lost, asOf: $asOf, knownAt: $knownAt) {" +
      "    lost { display } remaining { display } relativeLoss { display } notes" +
      "  }" +
      "}",
    sources:
      "query ExplorerSources($id: ID!, $knownAt: LocalDate) {" +
      "  relationship(id: $id, knownAt: $knownAt) {" +
      "    id kind status validFrom validTo startKnown confidence firstReported lastReported" +
      "    from { id name } to { id name }" +
      "    amount { display }" +
      "    agreement { claims independentOrigins conflicting gap reconciled { display } dissent incomparable }" +
      "    claims(first: 50) { nodes {" +
      "      id status disclosure confidence began ended recordedAt recordedBy supersedes" +
      "      amount { display low high period currency }" +
      "      refersTo { label }" +
      "      source { id title publisher publishedOn kind language url derivedFrom { id } }" +
      "      evidence { id kind quote gloss locator source { language } }" +
      "    } }" +
      "  }" +
      "}",
  };

  var pending = 0;
  var listeners = [];

  function report(event) {
    listeners.forEach(function (listener) {
      listener(event);
    });
  }

  /** POSTs one operation; resolves to `data`, rejects with the first GraphQL error's message. */
  function gql(query, variables) {
    pending += 1;
    report({ pending: pending });
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
        report({ error: null });
        return body.data;
      })
      .catch(function (err) {
        report({ error: err.message });
        throw err;
      })
      .finally(function () {
        pending -= 1;
        report({ pending: pending });
      });
  }

  Explorer.api = {
    queries: queries,
    gql: gql,
    /** Told of every change: `{ pending }` or `{ error }`. */
    onActivity: function (listener) {
      listeners.push(listener);
    },
  };
})((window.Explorer = window.Explorer || {}));
