import { Field, Int, ObjectType } from "type-graphql";
import type { ClassType } from "type-graphql";
import type { Page } from "../../store/graph-store";
import { encodeCursor } from "./cursor";

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay-style connection types, one per node type, named `<Name>Connection` / `<Name>Edge`. */
/** `nodeType` is a thunk because node types and connections import each other. */
export function ConnectionType<T extends object>(
  name: string,
  nodeType: () => ClassType<T> | (abstract new (...args: never[]) => T),
) {
  @ObjectType(`${name}Edge`)
  class EdgeClass {
    @Field(() => String)
    cursor!: string;

    @Field(nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [EdgeClass])
    edges!: EdgeClass[];

    @Field(() => [nodeType()], { description: "The nodes of `edges`, for clients that need no cursors." })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items match, over all pages." })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** A store page as a connection; cursors are opaque and encode the item id (keyset pagination). */
export function toConnection<T extends { id: string }>(page: Page<T>): Connection<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    nodes: [...page.items],
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}
