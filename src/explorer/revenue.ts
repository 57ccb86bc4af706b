/**
 * The revenue line panel: the supplier's products as choices, opening on its largest line, and the
 * line itself with the churn simulation.
 */
import { RevenueLineDocument } from "../../schema/client";
import { gql } from "./api";
import { byId, el } from "./dom";
import { saveView } from "./drawing";
import { renderLine } from "./line";
import { largestLine, yearlySize } from "./line-rows";
import { ChurnSimulationDocument, CompanyLinesDocument, LineSizeDocument } from "./operations/generated";
import { state, viewDates } from "./state";

type Products = Array<{ id: string; name: string }>;

/** The supplier's largest stated line (else its largest attributed one), per year. */
async function largestProduct(company: string, products: Products): Promise<string | null> {
  const sizes = await Promise.all(
    products.map(async (product) => {
      const data = await gql(LineSizeDocument, { company, product: product.id, ...viewDates() });
      const line = data.revenueFlows;
      const stated = line.statedTotal ? yearlySize(line.statedTotal.amount) : null;
      return { product: product.id, currency: line.total.currency, stated, attributed: yearlySize(line.total) };
    }),
  );
  return largestLine(sizes);
}

function fillChoices(products: Products, chosen: string): void {
  const select = byId<HTMLSelectElement>("line-product");
  select.textContent = "";
  for (const product of products) select.appendChild(el("option", { value: product.id, text: product.name }));
  select.value = chosen;
}

/** The company's products as choices of line; without a product in the URL, its largest line. */
export async function loadLines(companyId: string): Promise<void> {
  const data = await gql(CompanyLinesDocument, { company: companyId });
  const products = (data.company?.products.nodes ?? []).map((link) => link.product);
  byId("line-company").textContent = data.company?.name ?? companyId;
  const line = state.view.line;
  if (!line || line.company !== companyId) return;
  if (!line.product) line.product = (await largestProduct(companyId, products)) ?? "";
  fillChoices(products, line.product);
  await loadLine();
}

export async function loadLine(): Promise<void> {
  const line = state.view.line;
  const container = byId("revenue-line");
  if (!line || !line.product) {
    container.textContent = line ? "This company states no product line." : "";
    return;
  }
  const variables = { company: line.company, product: line.product, ...viewDates() };
  const lost = [...state.view.lost];
  const [report, churn] = await Promise.all([
    gql(RevenueLineDocument, variables),
    lost.length ? gql(ChurnSimulationDocument, { ...variables, lost }) : null,
  ]);
  renderLine(container, report.revenueFlows, lost, churn?.simulateChurn ?? null, (next) => {
    state.view.lost = next;
    saveView();
    loadLine().catch(() => undefined);
  });
  container.dataset.line = `${line.company}/${line.product}`;
  saveView();
}

byId("line-product").addEventListener("change", (ev) => {
  if (!state.view.line) return;
  state.view.line.product = (ev.target as HTMLSelectElement).value;
  state.view.lost = [];
  loadLine().catch(() => undefined);
});
