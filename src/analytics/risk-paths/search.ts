import type { Relationship } from "../../domain/entities";
import type { NodeRow } from "../../domain/node-columns";
import { inForceOrPlanned } from "../../domain/validity";
import type { LevelReader } from "../paths/level-reader";
import type { Neighbourhood } from "./neighbourhood";
import type { RiskRequest } from "./risk-path";

/** What the detectors look at: the request, and everything read for it (no detector reads the store). */
export interface RiskSearch {
  readonly request: RiskRequest;
  readonly reader: LevelReader;
  readonly hood: Neighbourhood;
  readonly nodes: ReadonlyMap<string, NodeRow>;
}

/** A planned competitor is already a risk. */
export function competitionOf(search: RiskSearch, companyId: string): Relationship[] {
  return search.reader.edges(companyId, "OUT", "COMPETES_WITH").filter((r) => inForceOrPlanned(r, search.request.asOf));
}
