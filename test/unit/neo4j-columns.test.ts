import { describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { normalizeParts, type RelationshipPart, rowView } from "../../src/domain/relationship-parts";
import { NODE_COLUMNS, type NodeColumn } from "../../src/domain/node-columns";
import { NODE_FIELDS, nodeFields, nodeFromColumns, nodeReader } from "../../src/store/neo4j/node-mapping";
import {
  compact,
  nodeProps,
  relationshipFields,
  relationshipFromColumns,
  plannedRelationshipReader,
  relationshipReader,
  relationshipProps,
} from "../../src/store/neo4j/mapping";

// Reads that ship many rows project fixed column lists instead of property maps. A property
// written but missing from its list would be dropped silently on the way back; these round trips
// over the whole seed catch that.
describe("Neo4j column projections", () => {
  const seed = loadSeed();
  const nodes = [...seed.companies, ...seed.products, ...seed.people];

  it("list every relationship property that is written", () => {
    for (const relationship of seed.relationships) {
      for (const key of Object.keys(relationshipProps(relationship))) {
        expect(relationshipFields(), key).toContain(key);
      }
    }
  });

  it("give back each relationship as written", () => {
    for (const relationship of seed.relationships) {
      const props = relationshipProps(relationship);
      const columns = [
        relationship.kind,
        relationship.from,
        relationship.to,
        ...relationshipFields().map((f) => props[f]),
      ];
      expect(relationshipFromColumns(columns)).toStrictEqual(relationship);
    }
  });

  it("give back each relationship as a read of some parts gives it in both stores", () => {
    const subsets = [
      [],
      ["amount"],
      ["status", "validFrom", "validTo", "confidence"],
      ["evidenceIds", "note", "productId"],
    ];
    for (const relationship of seed.relationships) {
      const props = relationshipProps(relationship);
      for (const subset of subsets) {
        const parts = normalizeParts(subset as RelationshipPart[]);
        const columns = [
          relationship.kind,
          relationship.from,
          relationship.to,
          ...relationshipFields(parts).map((f) => props[f]),
        ];
        expect(relationshipReader(parts)(columns)).toStrictEqual(rowView(parts)(relationship));
      }
    }
  });

  it("give back each relationship of a planned read, from either end, with or without its type", () => {
    const parts = normalizeParts(["amount", "status"]);
    for (const relationship of seed.relationships) {
      const props = relationshipProps(relationship);
      const values = relationshipFields(parts).map((f) => props[f]);
      const expected = rowView(parts)(relationship);
      const typed = plannedRelationshipReader(parts, null);
      const untyped = plannedRelationshipReader(parts, relationship.kind);
      // Read from its start, the relationship is outgoing; from its end, it is not.
      expect(typed([true, relationship.kind, ...values], relationship.from, relationship.to)).toStrictEqual(expected);
      expect(untyped([false, null, ...values], relationship.to, relationship.from)).toStrictEqual(expected);
    }
  });

  it("refuse a planned relationship of several kinds that came without its type", () => {
    const read = plannedRelationshipReader([], null);
    expect(() => read([true, null, "r1"], "a", "b")).toThrow(/without its type/);
  });

  it("give back each node as written, leaving out only the search keys", () => {
    for (const node of nodes) {
      const props = nodeProps(node);
      const left = Object.keys(props).filter((key) => !(NODE_FIELDS as readonly string[]).includes(key));
      expect(left.sort()).toStrictEqual(["searchKeys", "searchText"]);
      expect(nodeFromColumns(NODE_FIELDS.map((f) => props[f]))).toStrictEqual(node);
    }
  });

  it("give back each node as a read of some columns gives it: id, kind and those of the columns its kind has", () => {
    const reads: NodeColumn[][] = [
      ["name"],
      ["country", "category"],
      ["name", "aliases", "kind"],
      [...NODE_COLUMNS].slice(1),
    ];
    for (const columns of reads) {
      const read = nodeReader(columns);
      for (const node of nodes) {
        const stored = compact(nodeProps(node));
        const expected: Record<string, unknown> = { id: node.id, nodeKind: node.nodeKind };
        for (const column of columns)
          if (Object.hasOwn(node, column)) expected[column] = node[column as keyof typeof node];
        expect(read(nodeFields(columns).map((field) => stored[field] ?? null))).toStrictEqual(expected);
      }
    }
  });

  it("refuse a node of no known kind, whichever columns are read", () => {
    for (const columns of [undefined, ["name"] as NodeColumn[]]) {
      const values = nodeFields(columns).map((field) =>
        field === "id" ? "x1" : field === "nodeKind" ? "Planet" : null,
      );
      expect(() => nodeReader(columns)(values)).toThrow(/node 'x1' has no known kind/);
    }
  });
});
