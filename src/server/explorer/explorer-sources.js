/*
 * What stands behind one relationship: its claims, each with its source, the quote or the
 * recorder's statement, disclosure and confidence; how many independent origins they come from;
 * and, as the server fused them, which claims dissent from the amount shown and which are in
 * another currency or period.
 */
(function (Explorer) {
  "use strict";

  var el = Explorer.dom.el;
  var words = Explorer.dom.words;

  function sourceLine(source) {
    var when = source.publishedOn || "undated";
    var parts = [source.publisher, when, words(source.kind)].filter(Boolean);
    return source.title + " (" + parts.join(", ") + ")";
  }

  function evidenceBlock(evidence) {
    if (evidence.kind === "QUOTE") {
      return el("blockquote", {
        lang: evidence.source.language,
        "data-evidence-id": evidence.id,
        text: evidence.quote,
      });
    }
    var where = evidence.locator ? " (" + evidence.locator + ")" : "";
    return el("p", { className: "statement", "data-evidence-id": evidence.id, text: evidence.quote + where });
  }

  /** The note under a claim the server did not count towards the amount shown, or null. */
  function verdictNote(claim, agreement) {
    if (agreement.dissent.indexOf(claim.id) >= 0)
      return el("p", { className: "conflict-note", text: "Dissents from the amount shown." });
    if (agreement.incomparable.indexOf(claim.id) >= 0)
      return el("p", { className: "muted small", text: "In another currency or period: not compared." });
    return null;
  }

  function claimCard(claim, agreement) {
    var conflicting = agreement.dissent.indexOf(claim.id) >= 0;
    var facts = [
      claim.amount ? claim.amount.display : "no amount",
      "refers to " + claim.refersTo.label,
      words(claim.disclosure),
      "confidence " + claim.confidence,
      claim.began ? "began " + claim.began : null,
      claim.ended ? "ended " + claim.ended : null,
    ];
    var card = el("li", { className: "claim" + (conflicting ? " conflict" : ""), "data-claim-id": claim.id }, [
      el("p", { className: "source", text: sourceLine(claim.source) }),
      el("p", { className: "facts", text: facts.filter(Boolean).join(" · ") }),
      verdictNote(claim, agreement),
    ]);
    claim.evidence.forEach(function (evidence) {
      card.appendChild(evidenceBlock(evidence));
      if (evidence.gloss && evidence.kind === "QUOTE")
        card.appendChild(el("p", { className: "gloss", text: evidence.gloss }));
    });
    card.appendChild(
      el("p", { className: "muted small", text: "recorded " + claim.recordedAt + " by " + claim.recordedBy }),
    );
    return card;
  }

  function agreementLine(relationship) {
    var agreement = relationship.agreement;
    var origins =
      agreement.independentOrigins + " independent origin" + (agreement.independentOrigins === 1 ? "" : "s");
    var text = agreement.claims + " claim" + (agreement.claims === 1 ? "" : "s") + " from " + origins;
    if (agreement.conflicting) {
      text += "; they disagree (gap " + Math.round(agreement.gap * 100) + "%)";
    }
    if (agreement.reconciled)
      text += (agreement.conflicting ? "; consensus: " : "; reconciled: ") + agreement.reconciled.display;
    return el("p", {
      className: "agreement" + (agreement.conflicting ? " conflict" : ""),
      "data-testid": "agreement",
      text: text,
    });
  }

  function validityLine(relationship) {
    var parts = [
      relationship.status.toLowerCase(),
      relationship.validFrom ? "from " + relationship.validFrom : relationship.startKnown ? null : "start unknown",
      relationship.validTo ? "to " + relationship.validTo : null,
      relationship.firstReported ? "first reported " + relationship.firstReported : null,
    ];
    return el("p", { className: "facts", text: parts.filter(Boolean).join(" · ") });
  }

  /** Fills `panel` with a `relationship(id) { … claims }` answer. */
  function render(panel, relationship) {
    panel.textContent = "";
    panel.appendChild(el("h2", { text: "Sources" }));
    if (!relationship) {
      panel.appendChild(el("p", { className: "muted", text: "This relationship is no longer in the graph." }));
      return;
    }
    var kind = words(relationship.kind);
    var title = relationship.from.name + " — " + kind + " — " + relationship.to.name;
    panel.appendChild(el("p", { className: "edge-title", text: title }));
    if (relationship.amount) panel.appendChild(el("p", { className: "amount", text: relationship.amount.display }));
    panel.appendChild(validityLine(relationship));
    panel.appendChild(agreementLine(relationship));
    var list = el("ol", { className: "claims", "data-testid": "claims" });
    relationship.claims.nodes.forEach(function (claim) {
      list.appendChild(claimCard(claim, relationship.agreement));
    });
    panel.appendChild(list);
  }

  Explorer.sources = { render: render };
})((window.Explorer = window.Explorer || {}));
