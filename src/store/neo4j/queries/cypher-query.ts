import { DomainError } from "../../../domain/errors";
import type { PageRequest } from "../../graph-store";
import type { Params } from "../executor";
import type { NodeColumn } from "../../../domain/node-columns";
import type { RelationshipPart } from "../../../domain/relationship-parts";
import { relationshipFields } from "../mapping";
import { nodeFields } from "../node-mapping";

/**
 * One statement as it is sent to Neo4j. Builders return these and never run them, so each one can
 * be read, and snapshot-tested, as text plus parameters without a database.
 */
export interface CypherQuery {
  readonly cypher: string;
  readonly params: Params;
}

/**
 * Template tag for statement text. It strips the source indentation and indents a multi-line
 * fragment (a rule from cypher-rules.ts, a UNION) to the line it is placed on, so that what Neo4j
 * receives, and what a reviewer reads in a snapshot, is laid out like hand-written Cypher.
 * Fragments are text from this folder only: values always travel as parameters.
 */
export function cypher(strings: TemplateStringsArray, ...fragments: string[]): string {
  let text = strings[0]!;
  fragments.forEach((fragment, i) => {
    const currentLine = text.slice(text.lastIndexOf("\n") + 1);
    const indent = /^ */.exec(currentLine)![0];
    text += fragment.replaceAll("\n", `\n${indent}`) + strings[i + 1]!;
  });
  const lines = text.split("\n").map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  const margin = Math.min(...lines.filter((line) => line !== "").map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(margin)).join("\n");
}

/**
 * Labels and relationship types cannot be parameters. This returns the fixed list's own element
 * for `name`, so that whatever reaches the text was spelled by the domain, never by a caller.
 */
export function spelledFrom<T extends string>(allowed: readonly T[], name: string): T {
  const found = allowed.find((candidate) => candidate === name);
  if (found === undefined) throw new DomainError("INTERNAL", `'${name}' is not one of ${allowed.join(", ")}`);
  return found;
}

/** The node bound to `variable` as the list nodeFromColumns reads, or nodeReader(columns) when a read names its columns. */
export function nodeProjection(variable: string, columns?: readonly NodeColumn[]): string {
  return `[${nodeFields(columns)
    .map((field) => `${variable}.${field}`)
    .join(", ")}]`;
}

/** The relationship bound to `variable` as the list relationshipFromColumns reads for `parts`. */
export function relationshipProjection(variable: string, parts?: readonly RelationshipPart[]): string {
  const ends = [`type(${variable})`, `startNode(${variable}).id`, `endNode(${variable}).id`];
  return `[${[...ends, ...relationshipFields(parts).map((field) => `${variable}.${field}`)].join(", ")}]`;
}

/**
 * The relationship bound to `variable`, reached from the node bound to `node`, as the list
 * plannedRelationshipReader reads for `parts`: whether it starts at `node` rather than its ends'
 * ids (the reader has both ids already, and the flag reads no property), its type only when the
 * list reads several (`type(r)` or null), then the id and the parts.
 */
export function plannedRelationshipProjection(
  variable: string,
  node: string,
  severalKinds: boolean,
  parts?: readonly RelationshipPart[],
): string {
  const head = [`startNode(${variable}) = ${node}`, severalKinds ? `type(${variable})` : "null"];
  return `[${[...head, ...relationshipFields(parts).map((field) => `${variable}.${field}`)].join(", ")}]`;
}

/** Each id once: a batch may repeat ids, and the store puts answers back in the caller's order. */
export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** A missing or empty list means "no restriction", which the statements test as `$list IS NULL`. */
export function listOrNull<T>(list: readonly T[] | undefined): T[] | null {
  return list && list.length > 0 ? [...list] : null;
}

/** The page size asked for, or null for everything. Lists fetch one row more to know if a next page exists. */
export function pageSize(page: PageRequest): number | null {
  return page.first === undefined ? null : Math.max(0, Math.trunc(page.first));
}
