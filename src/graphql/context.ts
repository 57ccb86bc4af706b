import type { Config } from "../server/config";
import type { GraphStore } from "../store/graph-store";
import { createLoaders, type Loaders } from "./loaders/loaders";

/** Everything a resolver may use, built fresh for every request (so loader caches never leak). */
export interface Context {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  readonly limits: Config["limits"];
}

export function createContext(store: GraphStore, limits: Config["limits"]): Context {
  return { store, loaders: createLoaders(store), limits };
}
