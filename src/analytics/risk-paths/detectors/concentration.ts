import { type ThresholdFlag, thresholdFlag } from "../../concentration";
import type { Names } from "../../nodes";
import type { FlowFigures } from "../../revenue-line";
import { type CustomerOnLine, customerDraft } from "../customers";
import type { Draft } from "../draft";
import { explainConcentration, unassessableNote } from "../explanations";
import type { CustomerFlow, MeasuredLine, RevenueLine } from "../revenue-lines";
import type { RiskSearch } from "../search";

/** How a flow's share stands against the threshold, when that is a risk to report; null otherwise. */
export function concentrationFlag(flow: FlowFigures, threshold: number): ThresholdFlag | null {
  const { share } = flow;
  const flag = thresholdFlag(share, threshold);
  // A share of "0 to 100 %" says nothing; flagging it would flag every customer of the line.
  const informative = share !== null && (share.low > 0 || share.high < 1);
  return flag === "NO" || !informative ? null : flag;
}

/** One customer holds a share of the line at or possibly above the threshold. */
export function* concentration(search: RiskSearch, customer: CustomerOnLine): Iterable<Draft> {
  const { threshold } = search.request;
  const flag = concentrationFlag(customer.flow, threshold);
  if (flag === null) return;
  yield customerDraft(customer, "CONCENTRATION", {
    hops: [],
    context: [],
    explain: (names) => explainConcentration(names, customer, flag, threshold),
  });
}

/** The customers of each line whose share could be anything, so that no one takes silence for safety. */
export function unassessableNotes(lines: readonly RevenueLine[], names: Names): string[] {
  return lines.flatMap((line) => {
    const open = unassessable(line);
    return open.length > 0 ? [unassessableNote(names, line, open)] : [];
  });
}

/** The customers unassessableNotes names. */
export function unassessableCustomers(lines: readonly MeasuredLine[]): string[] {
  return lines.flatMap((line) => unassessable(line).map((flow) => flow.counterpartyId));
}

function unassessable(line: MeasuredLine): CustomerFlow[] {
  return line.figures.flows.filter((f) => f.share && f.share.low === 0 && f.share.high >= 1);
}
