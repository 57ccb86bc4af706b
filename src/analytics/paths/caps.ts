/** Most relationships read per node and hop; a hub beyond it marks the answer as truncated. */
export const FANOUT_CAP = 500;
/** Most nodes expanded in one level of a search. */
export const FRONTIER_CAP = 5_000;
/** Most paths kept while searching, before ranking. */
export const PATH_CAP = 10_000;
/**
 * Most relationships read at a node whose relationships are ranked before any is followed (a
 * supplier's customers, ranked by the revenue they carry). Far above FANOUT_CAP because ranking needs
 * them all, yet bounded so that one read stays one answer of reasonable size.
 */
export const RANKED_READ_CAP = 50_000;
