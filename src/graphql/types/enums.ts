import { registerEnumType } from "type-graphql";
import {
  DISCLOSURES,
  EVIDENCE_KINDS,
  NODE_KINDS,
  QUANTITY_UNITS,
  RELATIONSHIP_KINDS,
  SOURCE_KINDS,
  STATUSES,
} from "../../domain/entities";
import { VERDICTS } from "../../domain/fusion";
import { PERIODS, QUALIFIERS } from "../../domain/money";
import { DIRECTIONS } from "../../store/graph-store";

/** GraphQL enums are built from the domain's constant lists so the two can never drift apart. */
export function enumOf<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const QualifierEnum = enumOf(QUALIFIERS);
export const PeriodEnum = enumOf(PERIODS);
export const DisclosureEnum = enumOf(DISCLOSURES);
export const SourceKindEnum = enumOf(SOURCE_KINDS);
export const EvidenceKindEnum = enumOf(EVIDENCE_KINDS);
export const RelationshipKindEnum = enumOf(RELATIONSHIP_KINDS);
export const StatusEnum = enumOf(STATUSES);
export const QuantityUnitEnum = enumOf(QUANTITY_UNITS);
export const NodeKindEnum = enumOf(NODE_KINDS);
export const DirectionEnum = enumOf(DIRECTIONS);
export const VerdictEnum = enumOf(VERDICTS);

registerEnumType(QualifierEnum, {
  name: "Qualifier",
  description: "How the source stated an amount: exactly, approximately, as a lower bound, not at all.",
});
registerEnumType(PeriodEnum, { name: "Period", description: "What an amount is per. TOTAL: one-off or cumulative." });
registerEnumType(DisclosureEnum, {
  name: "Disclosure",
  description: "DISCLOSED: said by the company; REPORTED: reported by the source from others; ESTIMATE: derived.",
});
registerEnumType(SourceKindEnum, {
  name: "SourceKind",
  description:
    "NEWS reports; FILING is a regulatory filing; COMPANY_STATEMENT is the company's own words; DATASET a compiled table; ESTIMATE a derived figure; RESEARCH an analyst or academic report.",
});
registerEnumType(EvidenceKindEnum, {
  name: "EvidenceKind",
  description:
    "QUOTE: verbatim words of a source whose text is held (checked against it); STATEMENT: the recorder's own words, with a locator.",
});
registerEnumType(RelationshipKindEnum, { name: "RelationshipKind" });
registerEnumType(VerdictEnum, {
  name: "Verdict",
  description:
    "What a claim is to the amount served: AGREES (its origin holds it), DISSENTS (its origin lies outside it), COPY_DISAGREES (a copy its own origin's root contradicts), INCOMPARABLE (another currency or kind of period), NO_AMOUNT.",
});
registerEnumType(StatusEnum, { name: "RelationshipStatus" });
registerEnumType(QuantityUnitEnum, {
  name: "QuantityUnit",
  description: "FRACTION: 0.25 is 25 %; MULTIPLIER: 2 is doubled.",
});
registerEnumType(NodeKindEnum, { name: "NodeKind" });
registerEnumType(DirectionEnum, {
  name: "Direction",
  description: "OUT: the node is where the arrow starts (the customer of BUYS_FROM); IN: where it ends.",
});
