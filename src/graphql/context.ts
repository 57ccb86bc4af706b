import type { GraphStore } from "../store/graph-store";
import type { RequestLimits } from "./limits";
import { createLoaders, type Loaders } from "./loaders/loaders";

/** Everything a resolver may use, built fresh for every request (so loader caches never leak). */
export interface Context {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  readonly limits: RequestLimits;
}

export function createContext(store: GraphStore, limits: RequestLimits): Context {
  return { store, loaders: createLoaders(store), limits };
}
