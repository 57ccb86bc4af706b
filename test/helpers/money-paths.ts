import type { Dataset } from "../../src/domain/dataset";
import { moneyEnds } from "../../src/domain/money-flow";
import type { GraphStore, MoneyPathSearch } from "../../src/store/graph-store";

/**
 * Hops from `fromId` to every node money can reach from it within `maxHops`, ignoring dates and
 * statuses: a cheap way to pick end points that do (or, when absent, do not) have money paths.
 */
export function moneyReach(d: Dataset, fromId: string, maxHops: number): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const r of d.relationships) {
    const ends = moneyEnds(r);
    if (ends) next.set(ends.payer, [...(next.get(ends.payer) ?? []), ends.payee]);
  }
  const hops = new Map<string, number>([[fromId, 0]]);
  let frontier = [fromId];
  for (let h = 1; h <= maxHops && frontier.length > 0; h++) {
    const level: string[] = [];
    for (const id of frontier) {
      for (const to of next.get(id) ?? []) {
        if (hops.has(to)) continue;
        hops.set(to, h);
        level.push(to);
      }
    }
    frontier = level;
  }
  hops.delete(fromId);
  return hops;
}

export interface MoneyPathSpy {
  readonly store: GraphStore;
  /** What each findMoneyPaths call answered: "complete", "LIMIT" or "FANOUT". */
  readonly outcomes: string[];
}

/** The same store, recording how its money-path pushdown answered. */
export function spyOnMoneyPaths(inner: GraphStore): MoneyPathSpy {
  const outcomes: string[] = [];
  const store = new Proxy(inner, {
    get(target, prop) {
      if (prop === "findMoneyPaths" && target.findMoneyPaths) {
        return async (...args: Parameters<NonNullable<GraphStore["findMoneyPaths"]>>): Promise<MoneyPathSearch> => {
          const search = await target.findMoneyPaths!(...args);
          outcomes.push(search.complete ? "complete" : search.reason);
          return search;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { store, outcomes };
}
