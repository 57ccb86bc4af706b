/** Most relationships read per node and hop; a hub beyond it marks the answer as truncated. */
export const FANOUT_CAP = 500;
/** Most nodes expanded in one level of a search. */
export const FRONTIER_CAP = 5_000;
/** Most paths kept while searching, before ranking. */
export const PATH_CAP = 10_000;
