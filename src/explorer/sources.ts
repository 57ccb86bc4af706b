/**
 * What stands behind one relationship: its claims, each with its source, the quote or the
 * recorder's statement, disclosure and confidence; how many independent origins they come from;
 * the server's verdict on each claim (dissenting, or in another currency or period); and the
 * claims' timeline.
 */
import { el } from "./dom";
import type { RelationshipSourcesQuery, Verdict } from "./operations/generated";
import { renderTimeline } from "./timeline";
import { type SourcedClaim, timelineRows, verdictsById } from "./timeline-rows";
import { counted, words } from "./words";

type Relationship = NonNullable<RelationshipSourcesQuery["relationship"]>;

/** Verdicts that put a claim outside the amount shown. */
const DISSENTING: ReadonlySet<Verdict> = new Set(["DISSENTS", "COPY_DISAGREES"]);

function sourceLine(source: SourcedClaim["source"]): string {
  const parts = [source.publisher, source.publishedOn ?? "undated", words(source.kind)].filter(Boolean);
  return `${source.title} (${parts.join(", ")})`;
}

function evidenceBlock(evidence: SourcedClaim["evidence"][number]): HTMLElement {
  if (evidence.kind === "QUOTE")
    return el("blockquote", { lang: evidence.source.language, "data-evidence-id": evidence.id, text: evidence.quote });
  const where = evidence.locator ? ` (${evidence.locator})` : "";
  return el("p", { className: "statement", "data-evidence-id": evidence.id, text: evidence.quote + where });
}

/** The note under a claim the server did not count towards the amount shown, or null. */
function verdictNote(verdict: Verdict): HTMLElement | null {
  if (DISSENTING.has(verdict)) return el("p", { className: "conflict-note", text: "Dissents from the amount shown." });
  if (verdict === "INCOMPARABLE")
    return el("p", { className: "muted small", text: "In another currency or period: not compared." });
  return null;
}

function claimCard(claim: SourcedClaim, verdict: Verdict): HTMLElement {
  const facts = [
    claim.amount ? claim.amount.display : "no amount",
    `refers to ${claim.refersTo.label}`,
    words(claim.disclosure),
    `confidence ${claim.confidence}`,
    claim.began ? `began ${claim.began}` : null,
    claim.ended ? `ended ${claim.ended}` : null,
  ];
  const card = el(
    "li",
    { className: `claim${DISSENTING.has(verdict) ? " conflict" : ""}`, "data-claim-id": claim.id },
    [
      el("p", { className: "source", text: sourceLine(claim.source) }),
      el("p", { className: "facts", text: facts.filter(Boolean).join(" · ") }),
      verdictNote(verdict),
    ],
  );
  for (const evidence of claim.evidence) {
    card.appendChild(evidenceBlock(evidence));
    if (evidence.gloss && evidence.kind === "QUOTE")
      card.appendChild(el("p", { className: "gloss", text: evidence.gloss }));
  }
  card.appendChild(el("p", { className: "muted small", text: `recorded ${claim.recordedAt} by ${claim.recordedBy}` }));
  return card;
}

function agreementLine(relationship: Relationship): HTMLElement {
  const { agreement } = relationship;
  let text = `${counted(agreement.claims, "claim")} from ${counted(agreement.independentOrigins, "independent origin")}`;
  if (agreement.conflicting) text += `; they disagree (gap ${Math.round(agreement.gap * 100)}%)`;
  if (agreement.reconciled)
    text += `${agreement.conflicting ? "; consensus: " : "; reconciled: "}${agreement.reconciled.display}`;
  const className = `agreement${agreement.conflicting ? " conflict" : ""}`;
  return el("p", { className, "data-testid": "agreement", text });
}

function validityLine(relationship: Relationship): HTMLElement {
  const parts = [
    relationship.status.toLowerCase(),
    relationship.validFrom ? `from ${relationship.validFrom}` : relationship.startKnown ? null : "start unknown",
    relationship.validTo ? `to ${relationship.validTo}` : null,
    relationship.firstReported ? `first reported ${relationship.firstReported}` : null,
  ];
  return el("p", { className: "facts", text: parts.filter(Boolean).join(" · ") });
}

/** Fills `panel` with a RelationshipSources answer; `changed`: a live change just touched it. */
export function renderSources(panel: HTMLElement, relationship: Relationship | null, changed: boolean): void {
  panel.textContent = "";
  panel.appendChild(el("h2", { text: "Sources" }));
  panel.classList.toggle("changed", changed);
  if (changed)
    panel.appendChild(
      el("p", { className: "change-note", "data-testid": "sources-changed", text: "Changed just now." }),
    );
  if (!relationship) {
    panel.appendChild(el("p", { className: "muted", text: "This relationship is no longer in the graph." }));
    return;
  }
  const title = `${relationship.from.name} — ${words(relationship.kind)} — ${relationship.to.name}`;
  panel.appendChild(el("p", { className: "edge-title", text: title }));
  if (relationship.amount) panel.appendChild(el("p", { className: "amount", text: relationship.amount.display }));
  panel.appendChild(validityLine(relationship));
  panel.appendChild(agreementLine(relationship));
  // How the figure moved comes first: the claims behind it follow, in full.
  panel.appendChild(renderTimeline(timelineRows(relationship)));
  const verdicts = verdictsById(relationship);
  const countedClaims = relationship.claims.nodes.filter((claim) => verdicts.has(claim.id));
  panel.appendChild(
    el(
      "ol",
      { className: "claims", "data-testid": "claims" },
      countedClaims.map((claim) => claimCard(claim, verdicts.get(claim.id)!)),
    ),
  );
}
