/** How to reach a Neo4j server; the server layer builds it from the environment, tests and tools by hand. */
export interface Neo4jConfig {
  readonly uri: string;
  readonly user: string;
  /** null: connect without authentication (a server with auth disabled). */
  readonly password: string | null;
  /** null: the server's default database. */
  readonly database: string | null;
}

/** bolt://user:secret@host:7687 -> bolt://host:7687, so a URI can go into messages and logs. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z+]+:\/\/)[^@/]*@/i, "$1");
}
