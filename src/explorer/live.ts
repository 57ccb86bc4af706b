/**
 * The explorer live: it follows the change feed (Subscription.changes over WebSocket) and, when a
 * claim is recorded or retracted, redraws the view and the open sources panel, marking what changed.
 * And "what changed since" a chosen day (Query.diff), marked the same way.
 */
import { subscribe } from "./api";
import { gql } from "./api";
import { byId, el } from "./dom";
import { markChanged, setStatus } from "./drawing";
import { ChangesDocument, type ChangesSubscription } from "../../schema/client";
import { ChangesSinceDocument } from "./operations/generated";
import { state } from "./state";

/** Changes that arrive together (one batch) are applied in one redraw. */
const SETTLE_MS = 150;

type Change = ChangesSubscription["changes"];

/** Starts following the feed after `since`; `redraw(changedIds)` is told of each settled group. */
export function followChanges(since: number, redraw: (changedIds: string[]) => Promise<void>): () => void {
  state.lastSeq = since;
  let waiting: Change[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const apply = () => {
    timer = null;
    const ids = [...new Set(waiting.map((change) => change.relationshipId))];
    waiting = [];
    state.changed = ids;
    redraw(ids).catch(() => undefined);
  };
  return subscribe(ChangesDocument, { since }, (data) => {
    // A reconnect replays from the first `since`: a change already applied is not applied twice.
    if (data.changes.seq <= state.lastSeq) return;
    state.lastSeq = data.changes.seq;
    waiting.push(data.changes);
    if (timer === null) timer = setTimeout(apply, SETTLE_MS);
  });
}

const today = () => new Date().toISOString().slice(0, 10);

/** The latest "changed since" request: an answer to an earlier one (the day changed again) is dropped. */
let changedSinceAsked = 0;

/** Lists and marks the relationships of the drawn centres that changed between `from` and today. */
export async function showChangedSince(from: string, companies: string[]): Promise<void> {
  const asked = ++changedSinceAsked;
  const data = from
    ? await gql(ChangesSinceDocument, { from, to: today(), companies: companies.length ? companies : null })
    : null;
  if (asked !== changedSinceAsked) return;
  const box = byId("changed-since-list");
  box.textContent = "";
  state.changed = data ? data.diff.nodes.map((entry) => entry.id) : [];
  markChanged();
  if (!data) return;
  for (const entry of data.diff.nodes) {
    const text = `${entry.id}: ${entry.change.toLowerCase()}${entry.parts.length ? ` (${entry.parts.map((part) => part.toLowerCase()).join(", ")})` : ""}`;
    box.appendChild(el("li", { "data-changed-id": entry.id, text }));
  }
  if (data.diff.totalCount === 0)
    box.appendChild(el("li", { className: "muted", text: `Nothing changed since ${from}.` }));
  else setStatus(`${data.diff.totalCount} relationship(s) changed since ${from}`);
}
