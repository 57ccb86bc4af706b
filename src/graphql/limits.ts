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
  /** Most lexical tokens a query may have (checked while parsing, before any tree is built). */
  readonly maxTokens: number;
  /** Most directives a query may use. */
  readonly maxDirectives: number;
  /** Longest query text accepted, in characters. */
  readonly maxLength: number;
  /** Deepest JSON a request may carry (a POST body; a GET's variables and extensions, as if in a body). */
  readonly maxJsonDepth: number;
  /** How long a request may run before its store work is refused (ms). */
  readonly timeoutMs: number;
  /** Most nodes and relationships a whole-graph download may hold (the command line has no limit). */
  readonly maxExportElements: number;
}
