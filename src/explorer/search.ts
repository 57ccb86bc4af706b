/** The search box and the list beside it: matching companies while typing, the most connected otherwise. */
import { SearchCompaniesDocument, type HubsQuery, type SearchCompaniesQuery } from "../../schema/client";
import { gql } from "./api";
import { byId, el, onActivate } from "./dom";
import { hubsAndCounts } from "./drawing";
import { state } from "./state";

/** How long typing pauses before the search is sent. */
const TYPING_PAUSE_MS = 120;
/** How many hubs the list shows when nothing is typed. */
const LISTED_HUBS = 12;

let hits: SearchCompaniesQuery["search"]["nodes"] = [];
let hubs: HubsQuery["hubs"] = [];
let searchSeq = 0;

function resultItem(node: { id: string; name: string }, meta: string): HTMLElement {
  const item = el("li", { "data-id": node.id, tabindex: "0", role: "button" }, [
    node.name,
    meta ? el("span", { className: "meta", text: meta }) : null,
  ]);
  if (state.view.centers.includes(node.id)) item.className = "active";
  return item;
}

function companyMeta(node: SearchCompaniesQuery["search"]["nodes"][number]["node"]): string {
  return "kind" in node ? [node.kind, node.country].filter(Boolean).join(" · ") : "";
}

export function renderResults(text: string): void {
  const list = byId("search-results");
  list.textContent = "";
  const typed = text.trim() !== "";
  byId("results-title").textContent = typed ? "Companies" : "Most connected";
  const items = typed
    ? hits.map((hit) => resultItem(hit.node, companyMeta(hit.node)))
    : hubs.map((hub) => resultItem(hub.node, `${hub.relationships} relationships`));
  items.forEach((item) => list.appendChild(item));
  if (typed && items.length === 0)
    list.appendChild(el("li", { className: "muted", text: `No company matches “${text}”.` }));
}

export async function search(text: string): Promise<void> {
  const seq = ++searchSeq;
  if (text.trim() === "") {
    hits = [];
    renderResults("");
    return;
  }
  const data = await gql(SearchCompaniesDocument, { text, first: 12 });
  if (seq !== searchSeq) return; // a later keystroke already asked again
  hits = data.search.nodes;
  renderResults(text);
}

export async function loadHubs(): Promise<void> {
  const [, answer] = await hubsAndCounts();
  hubs = answer.hubs.slice(0, LISTED_HUBS);
  if (byId<HTMLInputElement>("search-input").value.trim() === "") renderResults("");
}

/** Wires the box and the list; `choose(id)` opens a company. */
export function wireSearch(choose: (id: string) => Promise<void>): void {
  const input = byId<HTMLInputElement>("search-input");
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value;
    timer = setTimeout(() => search(text).catch(() => undefined), TYPING_PAUSE_MS);
  });
  byId("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    search(input.value)
      .then(() => (hits.length > 0 ? choose(hits[0]!.node.id) : undefined))
      .catch(() => undefined);
  });
  onActivate(byId("search-results"), "li[data-id]", (item) => {
    choose(item.dataset.id!).catch(() => undefined);
  });
}
