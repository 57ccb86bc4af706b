import { z } from "zod";
import {
  type Company,
  type Derivation,
  DISCLOSURES,
  EVIDENCE_KINDS,
  type Evidence,
  type GraphNode,
  MAX_ID_LENGTH,
  type Metric,
  type Person,
  type Product,
  QUANTITY_UNITS,
  RELATIONSHIP_KINDS,
  SOURCE_KINDS,
  type Relationship,
  SLUG,
  type Source,
  STATUSES,
  selfLoopProblem,
} from "./entities";
import type { Claim } from "./claims";
import { checkReferences } from "./dataset-references";
import { SeedInvalidError } from "./errors";
import { highFromNullable } from "./interval";
import { type Money, moneyProblems, PERIODS, QUALIFIERS } from "./money";
import { claimsByRelationship, type RelationshipIdentity, relationshipFromClaims } from "./relationship-view";

/**
 * A dataset is what gets loaded into a store: the seed, a generated graph, an import. It is
 * validated as a whole before anything is written, so a broken input loads nothing.
 */
export interface Dataset {
  readonly sources: readonly Source[];
  readonly evidence: readonly Evidence[];
  readonly companies: readonly Company[];
  readonly products: readonly Product[];
  readonly people: readonly Person[];
  /**
   * Each relationship as its claims make it now (see relationship-view.ts). A relationship whose
   * every claim is retracted or superseded is not among them.
   */
  readonly relationships: readonly Relationship[];
  /**
   * Relationships whose every claim is withdrawn now: no current read shows them, a read at an
   * earlier record time remakes them from their claims.
   */
  readonly withdrawn: readonly RelationshipIdentity[];
  /** What each source says about each relationship. */
  readonly claims: readonly Claim[];
  readonly metrics: readonly Metric[];
  /** Lineage recorded after the fact: which source repeats which, from when (see entities.ts). */
  readonly derivations: readonly Derivation[];
}

/** A dataset with nothing in it, its lists fresh for filling. */
export function emptyDataset(): DatasetBuilding {
  return {
    sources: [],
    evidence: [],
    companies: [],
    products: [],
    people: [],
    relationships: [],
    withdrawn: [],
    claims: [],
    metrics: [],
    derivations: [],
  };
}

export const EMPTY_DATASET: Dataset = emptyDataset();

/**
 * The dataset cut into parts of at most `size` records of each kind, each record in exactly one
 * part (a relationship may then point at a node of another part), for work done a part at a time.
 */
export function* partsOf(dataset: Dataset, size: number): Generator<Dataset> {
  const keys = Object.keys(dataset) as (keyof Dataset)[];
  const longest = Math.max(...keys.map((key) => dataset[key].length));
  for (let start = 0; start === 0 || start < longest; start += size) {
    yield Object.fromEntries(keys.map((key) => [key, dataset[key].slice(start, start + size)])) as unknown as Dataset;
  }
}

/** Metrics that record a statement or event rather than a figure. */
const QUALITATIVE_METRIC_KINDS: ReadonlySet<string> = new Set(["OUTLOOK", "EVENT"]);

const slug = z.string().max(MAX_ID_LENGTH).regex(SLUG, "must be a lowercase slug such as `azure-openai`");
const isoDate = z.iso.date();
/** A record time: a date, or a date-time in UTC. */
const recordTime = z.union([isoDate, z.iso.datetime()]);
const text = z.string().trim().min(1);
const nullableText = text.nullable().default(null);

// Titled: the API's typed input names each shape after its title (see record-inputs.ts).
const dateSpanInput = z
  .object({ from: isoDate.nullable().default(null), to: isoDate.nullable().default(null), label: text })
  .strict()
  .meta({ title: "DateSpan" });

const amountInput = z
  .object({
    estimate: z.number().nonnegative().nullable().default(null),
    low: z.number().nonnegative(),
    // null: no upper bound ("at least", "undisclosed").
    high: z.number().nonnegative().nullable(),
    qualifier: z.enum(QUALIFIERS),
  })
  .strict();

const moneyInput = amountInput
  .extend({
    period: z.enum(PERIODS),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default("USD"),
  })
  .strict()
  .meta({ title: "Money" });
const quantityInput = amountInput
  .extend({ unit: z.enum(QUANTITY_UNITS) })
  .strict()
  .meta({ title: "Quantity" });

const nodeInput = {
  id: slug,
  name: text,
  aliases: z.array(text).default([]),
  description: nullableText,
  evidence: z.array(slug).default([]),
};

const schemas = {
  sources: z
    .object({
      id: slug,
      kind: z.enum(SOURCE_KINDS),
      title: text,
      // A page that shows no date has none here: null rather than a guess.
      publishedOn: isoDate.nullable(),
      language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/),
      publisher: nullableText,
      url: z.url().nullable().default(null),
      document: nullableText,
      derivedFrom: z.array(slug).default([]),
    })
    .strict(),
  evidence: z
    .object({
      id: slug,
      source: slug,
      kind: z.enum(EVIDENCE_KINDS).default("QUOTE"),
      quote: text,
      locator: nullableText,
      gloss: text,
      refersTo: dateSpanInput,
      disclosure: z.enum(DISCLOSURES),
      facts: z.array(z.string().regex(/^F\d+$/)).default([]),
    })
    .strict(),
  companies: z
    .object({
      ...nodeInput,
      country: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .nullable()
        .default(null),
      kind: nullableText,
    })
    .strict(),
  products: z.object({ ...nodeInput, category: nullableText }).strict(),
  people: z.object(nodeInput).strict(),
  relationships: z
    .object({
      id: slug,
      kind: z.enum(RELATIONSHIP_KINDS),
      from: slug,
      to: slug,
      product: slug.nullable().default(null),
      market: nullableText,
      role: nullableText,
      purpose: nullableText,
      note: nullableText,
    })
    .strict(),
  claims: z
    .object({
      id: slug,
      relationship: slug,
      source: slug,
      amount: moneyInput.nullable().default(null),
      refersTo: dateSpanInput.default({ from: null, to: null, label: "undated" }),
      began: isoDate.nullable().default(null),
      ended: isoDate.nullable().default(null),
      status: z.enum(STATUSES).default("CURRENT"),
      disclosure: z.enum(DISCLOSURES),
      confidence: z.number().min(0).max(1).default(1),
      evidence: z.array(slug).min(1, "every claim needs at least one evidence id"),
      recordedAt: recordTime,
      recordedBy: text,
      supersedes: slug.nullable().default(null),
      retraction: z.object({ at: recordTime, by: text, reason: text }).strict().nullable().default(null),
    })
    .strict(),
  metrics: z
    .object({
      id: slug,
      kind: z.string().regex(/^[A-Z][A-Z_]*$/),
      subject: slug,
      product: slug.nullable().default(null),
      counterparty: slug.nullable().default(null),
      description: text,
      money: moneyInput.nullable().default(null),
      quantity: quantityInput.nullable().default(null),
      refersTo: dateSpanInput,
      evidence: z.array(slug).min(1, "every metric needs at least one evidence id"),
    })
    .strict(),
  derivations: z
    .object({
      id: slug,
      source: slug,
      derivedFrom: slug,
      reason: text,
      evidence: z.array(slug).default([]),
      recordedAt: recordTime,
      recordedBy: text,
    })
    .strict(),
} as const;

/** The collections whose records carry who recorded them and when: the write path stamps these. */
export const STAMPED_COLLECTIONS = ["claims", "derivations"] as const;

/** What each collection's records must be: the loader's check, and the API's typed input. */
export { schemas as RECORD_SCHEMAS };
type Collection = keyof typeof schemas;
const COLLECTIONS = Object.keys(schemas) as Collection[];

const fileSchema = z
  .object(
    Object.fromEntries(COLLECTIONS.map((c) => [c, z.array(z.unknown()).optional()])) as Record<
      Collection,
      z.ZodOptional<z.ZodArray<z.ZodUnknown>>
    >,
  )
  .strict();

export interface DatasetFile {
  /** Shown in error messages: a path, or a label such as `generated`. */
  readonly name: string;
  readonly content: unknown;
}

function toMoney(m: z.infer<typeof moneyInput>): Money {
  return { ...m, high: highFromNullable(m.high) };
}

/**
 * Parses and checks files that together form one dataset. Every problem is reported with the file,
 * the record and what is wrong; if there is any problem the whole dataset is refused.
 */
export function parseDataset(files: readonly DatasetFile[]): Dataset {
  const read = readRecords(files);
  checkRecords(read, NOTHING_STORED);
  const { identities, ...records } = read.records;
  const dataset = { ...records, sources: withDerivations(records.sources, records.derivations) };
  return { ...dataset, ...viewsOf(identities, dataset.claims, dataset.sources) };
}

/** Each source with the derivations recorded about it (in record order). */
export function withDerivations(sources: readonly Source[], derivations: readonly Derivation[]): Source[] {
  if (derivations.length === 0) return [...sources];
  return sources.map((source) => {
    const learnt = derivations.filter((d) => d.sourceId === source.id);
    if (learnt.length === 0) return source;
    const merged = new Map([...source.derivations, ...learnt].map((d) => [d.id, d]));
    return {
      ...source,
      derivations: [...merged.values()].sort((a, b) =>
        a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.id < b.id ? -1 : 1,
      ),
    };
  });
}

/** Records already stored that new records may refer to (none for a whole dataset). */
export interface StoredRecords {
  readonly nodes: readonly GraphNode[];
  readonly sources: readonly Source[];
  readonly evidence: readonly Evidence[];
  readonly relationships: readonly RelationshipIdentity[];
  readonly claims: readonly Claim[];
}

const NOTHING_STORED: StoredRecords = { nodes: [], sources: [], evidence: [], relationships: [], claims: [] };

/** Records read from files, each checked on its own; `where` locates each for messages. */
export interface ReadRecords {
  readonly records: ParsedRecords;
  readonly where: Map<string, string>;
  readonly problems: string[];
}

/** Every record of the files, checked field by field (references are checkRecords' part). */
export function readRecords(files: readonly DatasetFile[]): ReadRecords {
  const problems: string[] = [];
  const where = new Map<string, string>();
  const out: Parsing = { ...emptyDataset(), identities: [] };

  for (const file of files) {
    const shape = fileSchema.safeParse(file.content);
    if (!shape.success) {
      problems.push(`${file.name}: ${shape.error.issues.map(formatIssue).join("; ")}`);
      continue;
    }
    for (const collection of COLLECTIONS) {
      (shape.data[collection] ?? []).forEach((raw, index) => {
        const rawId =
          typeof raw === "object" && raw !== null && "id" in raw ? String((raw as { id: unknown }).id) : "?";
        const at = `${file.name}: ${collection}[${index}] '${rawId}'`;
        const parsed = schemas[collection].safeParse(raw);
        if (!parsed.success) {
          problems.push(`${at}: ${parsed.error.issues.map(formatIssue).join("; ")}`);
          return;
        }
        where.set(`${collection}:${rawId}`, at);
        addRecord(out, collection, parsed.data, at, problems);
      });
    }
  }

  const { relationships: _views, withdrawn: _withdrawn, ...records } = out;
  return { records, where, problems };
}

/**
 * Checks that ids are unique and that references point at records of the right kind, among the
 * records read or those already stored; throws SeedInvalidError with every problem found.
 */
export function checkRecords(read: ReadRecords, stored: StoredRecords): void {
  const problems = [...read.problems];
  checkReferences(read.records, stored, read.where, problems);
  if (problems.length > 0) throw new SeedInvalidError(problems);
}

/** The relationships the claims make now, in file order, and those whose every claim is withdrawn. */
export function viewsOf(
  identities: readonly RelationshipIdentity[],
  claims: readonly Claim[],
  sources: readonly Source[],
): Pick<Dataset, "relationships" | "withdrawn"> {
  const claimsOf = claimsByRelationship(claims);
  const sourceFacts = new Map(sources.map((source) => [source.id, source]));
  const relationships: Relationship[] = [];
  const withdrawn: RelationshipIdentity[] = [];
  for (const identity of identities) {
    const view = relationshipFromClaims(identity, claimsOf.get(identity.id) ?? [], sourceFacts, null);
    if (view) relationships.push(view);
    else withdrawn.push(identity);
  }
  return { relationships, withdrawn };
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${path}${issue.message}`;
}

type Parsed = { [C in Collection]: z.infer<(typeof schemas)[C]> };
type Problems = (problem: string) => void;
/** A dataset whose lists can still be filled. */
type DatasetBuilding = { -readonly [K in keyof Dataset]: Dataset[K] extends readonly (infer T)[] ? T[] : never };
/** A dataset being parsed: relationships are identities until their claims are all read. */
type Parsing = DatasetBuilding & { identities: RelationshipIdentity[] };
/** Records as read: relationships are identities, their views not made yet. */
export type ParsedRecords = Omit<Parsing, "relationships" | "withdrawn">;

function addRecord(out: Parsing, collection: Collection, data: Parsed[Collection], at: string, problems: string[]) {
  const report: Problems = (problem) => problems.push(`${at}: ${problem}`);
  switch (collection) {
    case "sources":
      return void out.sources.push({ ...(data as Parsed["sources"]), derivations: [] });
    case "evidence":
      return void out.evidence.push(toEvidence(data as Parsed["evidence"], report));
    case "companies":
    case "products":
    case "people":
      return void addNode(out, collection, data as Parsed["companies" | "products" | "people"]);
    case "relationships":
      return void out.identities.push(toIdentity(data as Parsed["relationships"], report));
    case "claims":
      return void out.claims.push(toClaim(data as Parsed["claims"], report));
    case "metrics":
      return void out.metrics.push(toMetric(data as Parsed["metrics"], report));
    case "derivations":
      return void out.derivations.push(toDerivation(data as Parsed["derivations"], report));
  }
}

const NODE_KIND_OF = { companies: "Company", products: "Product", people: "Person" } as const;

function addNode(
  out: DatasetBuilding,
  collection: keyof typeof NODE_KIND_OF,
  data: Parsed["companies" | "products" | "people"],
) {
  const { evidence, ...rest } = data;
  const node = { ...rest, nodeKind: NODE_KIND_OF[collection], evidenceIds: evidence };
  (out[collection] as GraphNode[]).push(node as GraphNode);
}

function toEvidence(e: Parsed["evidence"], report: Problems): Evidence {
  const { source, ...rest } = e;
  if (e.refersTo.from && e.refersTo.to && e.refersTo.from > e.refersTo.to) report("refersTo.from is after refersTo.to");
  return { ...rest, sourceId: source };
}

function toIdentity(r: Parsed["relationships"], report: Problems): RelationshipIdentity {
  const selfLoop = selfLoopProblem(r);
  if (selfLoop) report(selfLoop);
  const { product, ...rest } = r;
  return { ...rest, productId: product };
}

function toClaim(c: Parsed["claims"], report: Problems): Claim {
  const amount = c.amount ? toMoney(c.amount) : null;
  if (amount) moneyProblems(amount).forEach((p) => report(`amount: ${p}`));
  if (c.began && c.ended && c.began > c.ended) report("began is after ended");
  if (c.refersTo.from && c.refersTo.to && c.refersTo.from > c.refersTo.to) report("refersTo.from is after refersTo.to");
  if (c.retraction && c.retraction.at < c.recordedAt) report("retraction.at is before recordedAt");
  if (c.supersedes === c.id) report("a claim cannot supersede itself");
  const { relationship, source, evidence, amount: _amount, ...rest } = c;
  return { ...rest, relationshipId: relationship, sourceId: source, amount, evidenceIds: evidence };
}

function toDerivation(d: Parsed["derivations"], report: Problems): Derivation {
  if (d.source === d.derivedFrom) report("a source cannot be derived from itself");
  const { source, evidence, ...rest } = d;
  return { ...rest, sourceId: source, evidenceIds: evidence };
}

function toMetric(m: Parsed["metrics"], report: Problems): Metric {
  const money = m.money ? toMoney(m.money) : null;
  const quantity = m.quantity ? { ...m.quantity, high: highFromNullable(m.quantity.high) } : null;
  if (money) moneyProblems(money).forEach((p) => report(`money: ${p}`));
  if (quantity) moneyProblems(quantity).forEach((p) => report(`quantity: ${p}`));
  if (!money && !quantity && !QUALITATIVE_METRIC_KINDS.has(m.kind)) {
    const qualitative = [...QUALITATIVE_METRIC_KINDS].join(", ");
    report(`a ${m.kind} metric needs money or quantity (only ${qualitative} may have neither)`);
  }
  const { evidence, subject, product, counterparty, money: _money, quantity: _quantity, ...rest } = m;
  return {
    ...rest,
    subjectId: subject,
    productId: product,
    counterpartyId: counterparty,
    money,
    quantity,
    evidenceIds: evidence,
  };
}
