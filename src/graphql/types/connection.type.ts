import { Field, Int, ObjectType } from "type-graphql";
import type { ClassType } from "type-graphql";
import { DomainError } from "../../domain/errors";
import type { Page } from "../../store/graph-store";
import { encodeCursor } from "./cursor";

@ObjectType({ simpleResolvers: true })
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
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeClass {
    @Field(() => String)
    cursor!: string;

    @Field(nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} items.` })
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

/**
 * A store page as a connection; cursors are opaque and encode the item id (keyset pagination). Edges
 * and cursors are only built when a client asks for them: most ask for `nodes` alone.
 */
class PageConnection<T extends { id: string }> implements Connection<T> {
  constructor(private readonly page: CountedOrNot<T>) {}

  get nodes(): T[] {
    return this.page.items as T[];
  }

  get edges(): Edge<T>[] {
    return this.page.items.map((node) => ({ cursor: encodeCursor(node.id), node }));
  }

  get pageInfo(): PageInfo {
    const last = this.page.items.at(-1);
    return { hasNextPage: this.page.hasNextPage, endCursor: last ? encodeCursor(last.id) : null };
  }

  /** A planned page read without its count was planned for a selection without totalCount: asking is a fault. */
  get totalCount(): number {
    if (this.page.totalCount === null)
      throw new DomainError("INTERNAL", "a page read without its count was asked for it");
    return this.page.totalCount;
  }
}

/** A page, or a planned page whose count was left out when its selection did not ask for one. */
type CountedOrNot<T> = Omit<Page<T>, "totalCount"> & { readonly totalCount: number | null };

export function toConnection<T extends { id: string }>(page: CountedOrNot<T>): Connection<T> {
  return new PageConnection(page);
}
