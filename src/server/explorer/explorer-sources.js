/*
 * What stands behind one relationship: its claims, each with its source, the quote or the
 * recorder's statement, disclosure and confidence; how many independent origins they come from;
 * and, when their amounts cannot all be right, which ones disagree.
 */
(function (Explorer) {
  "use strict";

  var el = Explorer.dom.el;
  var words = Explorer.dom.words;

  /**
   * Whether two amounts cannot both be right (an open high reaches any amount above the low).
   * Only amounts per the same period and currency are compared; the agreement line above gives the
   * server's verdict over all of them.
   */
  function disjoint(a, b) {
    if (!a || !b || a.period !== b.period || a.currency !== b.currency) return false;
    var aHigh = a.high === null ? Infinity : a.high;
    var bHigh = b.high === null ? Infinity : b.high;
    return aHigh < b.low || bHigh < a.low;
  }

  /** The claims whose amount no other claim's amount can agree with. */
  function conflictingIds(claims) {
    return claims
      .filter(function (claim) {
        return claims.some(function (other) {
          return other !== claim && disjoint(claim.amount, other.amount);
        });
      })
      .map(function (claim) {
        return claim.id;
      });
  }

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

  function claimCard(claim, conflicting) {
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
      conflicting ? el("p", { className: "conflict-note", text: "Disagrees with another source's amount." }) : null,
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
    if (agreement.reconciled) text += "; reconciled: " + agreement.reconciled.display;
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
    var claims = relationship.claims.nodes;
    var conflicts = conflictingIds(claims);
    var list = el("ol", { className: "claims", "data-testid": "claims" });
    claims.forEach(function (claim) {
      list.appendChild(claimCard(claim, conflicts.indexOf(claim.id) >= 0));
    });
    panel.appendChild(list);
  }

  Explorer.sources = { render: render };
})((window.Explorer = window.Explorer || {}));
