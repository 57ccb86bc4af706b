/** What the page holds between answers: the view the URL describes, and what the panels show. */
import type { Exposure } from "./risk-groups";
import { type ExplorerView, parseView } from "./url";

export interface ExplorerState {
  /** What the URL says: centres, depth, dates, selected edge, revenue line, churned customers. */
  view: ExplorerView;
  riskCompany: string | null;
  exposures: Exposure[];
  /** The route chosen, by its first path's id. */
  activePath: string | null;
  /** Ids of the elements of the highlighted route, as drawn. */
  highlighted: string[];
  pending: number;
  lastError: string | null;
  /** How the last redraw changed the drawing, said in the status line. */
  lastChange: string | null;
  /** The last change of the feed applied (its seq). */
  lastSeq: number;
  /** Relationships a live change or the "changed since" day marked. */
  changed: string[];
}

export const state: ExplorerState = {
  view: parseView(location.hash),
  riskCompany: null,
  exposures: [],
  activePath: null,
  highlighted: [],
  pending: 0,
  lastError: null,
  lastChange: null,
  lastSeq: 0,
  changed: [],
};

/** The record and validity days the view reads at (null: today, everything known). */
export function viewDates(): { asOf: string | null; knownAt: string | null } {
  return { asOf: state.view.asOf || null, knownAt: state.view.knownAt || null };
}
