import type {
  Derivation,
  DateSpan,
  Disclosure,
  Evidence,
  EvidenceKind,
  GraphNode,
  Metric,
  Quantity,
  QuantityUnit,
  Relationship,
  RelationshipKind,
  RelationshipStatus,
  Source,
  SourceKind,
} from "../../domain/entities";
import type { Change, ChangeKind } from "../../domain/batch";
import type { Claim } from "../../domain/claims";
import { RELATIONSHIP_KINDS } from "../../domain/entities";
import { DomainError } from "../../domain/errors";
import { highFromNullable, highOrNull } from "../../domain/interval";
import type { Money, Period, Qualifier } from "../../domain/money";
import { RELATIONSHIP_PARTS, type RelationshipPart, type RelationshipRow } from "../../domain/relationship-parts";
import { searchKeys } from "../../domain/text";
import type { RelationshipIdentity } from "../../domain/relationship-view";
import { num, optNum, optStr, type Props, str, strList, zip } from "./stored-values";

/**
 * How domain objects live in Neo4j, both ways. Dates stay ISO strings (they compare correctly as
 * strings and need no temporal conversion), an unbounded `high` is stored as null (Neo4j has no
 * Infinity worth trusting across drivers), amounts and date spans are flattened into prefixed
 * properties, and null values are simply absent (Neo4j does not store nulls).
 */

/** Separates search keys in `searchText`; normalized keys never contain a newline. */
const SEARCH_SEPARATOR = "\n";

// ---------- domain -> properties ----------

export function nodeProps(n: GraphNode): Props {
  const keys = searchKeys(n.name, n.aliases);
  const base: Props = {
    id: n.id,
    nodeKind: n.nodeKind,
    name: n.name,
    aliases: [...n.aliases],
    description: n.description,
    evidenceIds: [...n.evidenceIds],
    searchKeys: keys,
    searchText: keys.join(SEARCH_SEPARATOR),
  };
  switch (n.nodeKind) {
    case "Company":
      return { ...base, country: n.country, kind: n.kind };
    case "Product":
      return { ...base, category: n.category };
    case "Person":
      return base;
  }
}

export function relationshipProps(r: Relationship): Props {
  return {
    id: r.id,
    productId: r.productId,
    ...moneyProps("amount", r.amount),
    market: r.market,
    role: r.role,
    purpose: r.purpose,
    status: r.status,
    validFrom: r.validFrom,
    validTo: r.validTo,
    confidence: r.confidence,
    evidenceIds: [...r.evidenceIds],
    note: r.note,
    agreementClaims: r.agreement.claims,
    agreementOrigins: r.agreement.independentOrigins,
    agreementConflicting: r.agreement.conflicting,
    agreementGap: r.agreement.gap,
    agreementDissent: [...r.agreement.dissent],
    agreementIncomparable: [...r.agreement.incomparable],
    firstReported: r.firstReported,
    lastReported: r.lastReported,
  };
}

/** A claim is a record of its own, linked to its relationship and source by id (the relationship is an edge). */
export function claimProps(c: Claim): Props {
  return {
    id: c.id,
    relationshipId: c.relationshipId,
    sourceId: c.sourceId,
    ...moneyProps("amount", c.amount),
    ...spanProps("refersTo", c.refersTo),
    began: c.began,
    ended: c.ended,
    status: c.status,
    disclosure: c.disclosure,
    confidence: c.confidence,
    evidenceIds: [...c.evidenceIds],
    recordedAt: c.recordedAt,
    recordedBy: c.recordedBy,
    supersedes: c.supersedes,
    retractedAt: c.retraction?.at,
    retractedBy: c.retraction?.by,
    retractionReason: c.retraction?.reason,
  };
}

export function sourceProps(s: Source): Props {
  return {
    id: s.id,
    title: s.title,
    publishedOn: s.publishedOn,
    language: s.language,
    publisher: s.publisher,
    url: s.url,
    document: s.document,
    kind: s.kind,
    derivedFrom: [...s.derivedFrom],
  };
}

export function evidenceProps(e: Evidence): Props {
  return {
    id: e.id,
    sourceId: e.sourceId,
    kind: e.kind,
    quote: e.quote,
    locator: e.locator,
    gloss: e.gloss,
    ...spanProps("refersTo", e.refersTo),
    disclosure: e.disclosure,
    facts: [...e.facts],
  };
}

export function metricProps(m: Metric): Props {
  return {
    id: m.id,
    kind: m.kind,
    subjectId: m.subjectId,
    productId: m.productId,
    counterpartyId: m.counterpartyId,
    description: m.description,
    ...moneyProps("money", m.money),
    ...quantityProps("quantity", m.quantity),
    ...spanProps("refersTo", m.refersTo),
    evidenceIds: [...m.evidenceIds],
  };
}

function moneyProps(prefix: string, m: Money | null): Props {
  if (m === null) return {};
  return {
    [`${prefix}Low`]: m.low,
    [`${prefix}High`]: highOrNull(m),
    [`${prefix}Estimate`]: m.estimate,
    [`${prefix}Qualifier`]: m.qualifier,
    [`${prefix}Period`]: m.period,
    [`${prefix}Currency`]: m.currency,
  };
}

function quantityProps(prefix: string, q: Quantity | null): Props {
  if (q === null) return {};
  return {
    [`${prefix}Low`]: q.low,
    [`${prefix}High`]: highOrNull(q),
    [`${prefix}Estimate`]: q.estimate,
    [`${prefix}Qualifier`]: q.qualifier,
    [`${prefix}Unit`]: q.unit,
  };
}

function spanProps(prefix: string, s: DateSpan): Props {
  return { [`${prefix}From`]: s.from, [`${prefix}To`]: s.to, [`${prefix}Label`]: s.label };
}

/**
 * Drops null/undefined values and empty lists: `SET n = $props` then leaves no property rather than
 * failing on it, and the stored record is the same whichever way it went in (Neo4j's importer can
 * write no empty list). The readers take a missing list as an empty one (strList).
 */
export function compact(p: Props): Props {
  // A loop rather than entries/filter/fromEntries: it runs once per stored record, millions of times in a bulk import.
  const kept: Props = {};
  for (const key in p) {
    const value = p[key];
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) kept[key] = value;
  }
  return kept;
}

// ---------- properties -> domain ----------

/** The properties each part of a relationship is stored in (see relationshipProps). */
const PART_PROPERTIES: { readonly [P in RelationshipPart]: readonly string[] } = {
  productId: ["productId"],
  amount: ["amountLow", "amountHigh", "amountEstimate", "amountQualifier", "amountPeriod", "amountCurrency"],
  market: ["market"],
  role: ["role"],
  purpose: ["purpose"],
  status: ["status"],
  validFrom: ["validFrom"],
  validTo: ["validTo"],
  confidence: ["confidence"],
  evidenceIds: ["evidenceIds"],
  note: ["note"],
  agreement: [
    "agreementClaims",
    "agreementOrigins",
    "agreementConflicting",
    "agreementGap",
    "agreementDissent",
    "agreementIncomparable",
  ],
  firstReported: ["firstReported"],
  lastReported: ["lastReported"],
};

/**
 * The properties a read of `parts` (every part when undefined) lists, in the order
 * relationshipFromColumns reads them: the id, then each part's.
 */
export function relationshipFields(parts: readonly RelationshipPart[] = RELATIONSHIP_PARTS): readonly string[] {
  return ["id", ...parts.flatMap((part) => PART_PROPERTIES[part])];
}

/**
 * How a read of `parts` turns `[kind, fromId, toId, ...values of relationshipFields(parts)]` into a
 * row of those parts (domain/relationship-parts.ts); made once per read, as it runs for every row.
 */
export function relationshipReader<P extends RelationshipPart>(
  parts: readonly P[] | undefined,
): (columns: readonly unknown[]) => RelationshipRow<P> {
  const read = parts ?? RELATIONSHIP_PARTS;
  const fields = relationshipFields(read);
  return (columns) =>
    toRelationship<P>(zip(fields, columns, 3), String(columns[0]), String(columns[1]), String(columns[2]), read);
}

/**
 * How a planned read of `parts` turns the columns of plannedRelationshipProjection into a row,
 * given the node the list was read from and the other end: its type is `soleKind` when the list
 * reads one kind.
 */
export function plannedRelationshipReader(
  parts: readonly RelationshipPart[],
  soleKind: RelationshipKind | null,
): (columns: readonly unknown[], nodeId: string, otherId: string) => RelationshipRow {
  const fields = relationshipFields(parts);
  return (columns, nodeId, otherId) => {
    const kind = columns[1] ?? soleKind;
    if (kind === null)
      throw new DomainError("INTERNAL", "a planned relationship of several kinds was read without its type");
    const outgoing = columns[0] === true;
    return toRelationship(
      zip(fields, columns, 2),
      String(kind),
      outgoing ? nodeId : otherId,
      outgoing ? otherId : nodeId,
      parts,
    );
  };
}

/** A relationship with every part from `[kind, fromId, toId, ...values of relationshipFields()]`. */
export const relationshipFromColumns: (columns: readonly unknown[]) => Relationship =
  relationshipReader(RELATIONSHIP_PARTS);

const PART_READERS: { readonly [P in RelationshipPart]: (p: Props) => Relationship[P] } = {
  productId: (p) => optStr(p.productId),
  amount: (p) => toMoney(p, AMOUNT_KEYS),
  market: (p) => optStr(p.market),
  role: (p) => optStr(p.role),
  purpose: (p) => optStr(p.purpose),
  status: (p) => str(p.status) as RelationshipStatus,
  validFrom: (p) => optStr(p.validFrom),
  validTo: (p) => optStr(p.validTo),
  confidence: (p) => num(p.confidence),
  evidenceIds: (p) => strList(p.evidenceIds),
  note: (p) => optStr(p.note),
  agreement: (p) => ({
    claims: num(p.agreementClaims),
    independentOrigins: num(p.agreementOrigins),
    conflicting: p.agreementConflicting === true,
    gap: num(p.agreementGap),
    dissent: strList(p.agreementDissent),
    incomparable: strList(p.agreementIncomparable),
  }),
  firstReported: (p) => optStr(p.firstReported),
  lastReported: (p) => optStr(p.lastReported),
};

/** `p` holds the relationship's properties of `parts`; kind, from and to come from the pattern. */
function toRelationship<P extends RelationshipPart>(
  p: Props,
  kind: string,
  from: string,
  to: string,
  parts: readonly RelationshipPart[],
): RelationshipRow<P> {
  if (!(RELATIONSHIP_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError("INTERNAL", `relationship '${String(p.id)}' has an unknown type ${kind}`);
  }
  const row: Record<string, unknown> = { id: str(p.id), kind, from, to };
  for (const part of parts) row[part] = PART_READERS[part](p);
  // A view is stored as made from every claim: the record time of a stored view is always now (null).
  row.knownAt = null;
  return row as RelationshipRow<P>;
}

export function toSource(p: Props): Source {
  return {
    id: str(p.id),
    title: str(p.title),
    publishedOn: optStr(p.publishedOn),
    language: str(p.language),
    publisher: optStr(p.publisher),
    url: optStr(p.url),
    document: optStr(p.document),
    kind: str(p.kind) as SourceKind,
    derivedFrom: strList(p.derivedFrom),
    // Read alongside the source (see SOURCE_PROJECTION), in record order.
    derivations: ((p.derivations as Props[] | undefined) ?? []).map(toDerivation).sort(byRecordTime),
  };
}

function toDerivation(p: Props): Derivation {
  return {
    id: str(p.id),
    sourceId: str(p.sourceId),
    derivedFrom: str(p.derivedFrom),
    reason: str(p.reason),
    evidenceIds: strList(p.evidenceIds),
    recordedAt: str(p.recordedAt),
    recordedBy: str(p.recordedBy),
  };
}

function byRecordTime(a: Derivation, b: Derivation): number {
  return a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.id < b.id ? -1 : 1;
}

/** A withdrawn relationship keeps its identity only (see withdrawn-queries.ts). */
export function withdrawnProps(identity: RelationshipIdentity): Props {
  const { id, kind, from, to, productId, market, role, purpose, note } = identity;
  return { id, kind, from, to, productId, market, role, purpose, note };
}

export function toIdentity(p: Props): RelationshipIdentity {
  return {
    id: str(p.id),
    kind: str(p.kind) as RelationshipKind,
    from: str(p.from),
    to: str(p.to),
    productId: optStr(p.productId),
    market: optStr(p.market),
    role: optStr(p.role),
    purpose: optStr(p.purpose),
    note: optStr(p.note),
  };
}

/** A derivation is a record of its own, read with the source it is about. */
export function derivationProps(d: Derivation): Props {
  return { ...d, evidenceIds: [...d.evidenceIds] };
}

export function toClaim(p: Props): Claim {
  const retractedAt = optStr(p.retractedAt);
  return {
    id: str(p.id),
    relationshipId: str(p.relationshipId),
    sourceId: str(p.sourceId),
    amount: toMoney(p, AMOUNT_KEYS),
    refersTo: toSpan(p, "refersTo"),
    began: optStr(p.began),
    ended: optStr(p.ended),
    status: str(p.status) as RelationshipStatus,
    disclosure: str(p.disclosure) as Disclosure,
    confidence: num(p.confidence),
    evidenceIds: strList(p.evidenceIds),
    recordedAt: str(p.recordedAt),
    recordedBy: str(p.recordedBy),
    supersedes: optStr(p.supersedes),
    retraction:
      retractedAt === null ? null : { at: retractedAt, by: str(p.retractedBy), reason: str(p.retractionReason) },
  };
}

export function toChange(p: Props): Change {
  return {
    id: str(p.id),
    seq: num(p.seq),
    kind: str(p.kind) as ChangeKind,
    claimId: str(p.claimId),
    relationshipId: str(p.relationshipId),
    batchKey: str(p.batchKey),
    at: str(p.at),
    by: str(p.by),
    reason: optStr(p.reason),
  };
}

export function toEvidence(p: Props): Evidence {
  return {
    id: str(p.id),
    sourceId: str(p.sourceId),
    kind: str(p.kind) as EvidenceKind,
    quote: str(p.quote),
    locator: optStr(p.locator),
    gloss: str(p.gloss),
    refersTo: toSpan(p, "refersTo"),
    disclosure: str(p.disclosure) as Disclosure,
    facts: strList(p.facts),
  };
}

export function toMetric(p: Props): Metric {
  return {
    id: str(p.id),
    kind: str(p.kind),
    subjectId: str(p.subjectId),
    productId: optStr(p.productId),
    counterpartyId: optStr(p.counterpartyId),
    description: str(p.description),
    money: toMoney(p, MONEY_KEYS),
    quantity: toQuantity(p, QUANTITY_KEYS),
    refersTo: toSpan(p, "refersTo"),
    evidenceIds: strList(p.evidenceIds),
  };
}

/** The names an amount is stored flattened under (amountLow, amountHigh, ...), spelled once per prefix. */
type AmountKeys = Readonly<Record<"low" | "high" | "estimate" | "qualifier" | "period" | "currency" | "unit", string>>;

/**
 * Made once rather than per value: a name built for every row is a new string to hash on every
 * lookup, and this runs for every relationship of every page.
 */
function amountKeys(prefix: string): AmountKeys {
  const key = (suffix: string) => `${prefix}${suffix}`;
  return {
    low: key("Low"),
    high: key("High"),
    estimate: key("Estimate"),
    qualifier: key("Qualifier"),
    period: key("Period"),
    currency: key("Currency"),
    unit: key("Unit"),
  };
}

const AMOUNT_KEYS = amountKeys("amount");
const MONEY_KEYS = amountKeys("money");
const QUANTITY_KEYS = amountKeys("quantity");

/** The interval and qualifier stored flattened under `keys`; null when absent. */
function toAmount(p: Props, keys: AmountKeys): Pick<Money, "low" | "high" | "estimate" | "qualifier"> | null {
  const qualifier = p[keys.qualifier];
  if (qualifier === null || qualifier === undefined) return null;
  return {
    low: num(p[keys.low]),
    high: highFromNullable(optNum(p[keys.high])),
    estimate: optNum(p[keys.estimate]),
    qualifier: qualifier as Qualifier,
  };
}

function toMoney(p: Props, keys: AmountKeys): Money | null {
  const amount = toAmount(p, keys);
  if (!amount) return null;
  const { low, high, estimate, qualifier } = amount;
  return { low, high, estimate, qualifier, period: str(p[keys.period]) as Period, currency: str(p[keys.currency]) };
}

function toQuantity(p: Props, keys: AmountKeys): Quantity | null {
  const amount = toAmount(p, keys);
  return amount && { ...amount, unit: str(p[keys.unit]) as QuantityUnit };
}

function toSpan(p: Props, prefix: string): DateSpan {
  return { from: optStr(p[`${prefix}From`]), to: optStr(p[`${prefix}To`]), label: str(p[`${prefix}Label`]) };
}
