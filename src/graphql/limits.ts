/**
 * Per-request bounds: the resolvers enforce the page size, the server's guards the depth and cost
 * before anything runs. Configured from the environment by the server layer.
 */
export interface RequestLimits {
  /** Deepest query accepted. */
  readonly maxDepth: number;
  /** Largest estimated cost accepted (a list costs its page size times its items). */
  readonly maxCost: number;
  /** Largest `first` a list accepts. */
  readonly maxPageSize: number;
}
