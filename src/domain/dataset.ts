import { z } from "zod";
import {
  type Company,
  DISCLOSURES,
  type Evidence,
  type GraphNode,
  MAX_ID_LENGTH,
  type Metric,
  type NodeKind,
  type Person,
  type Product,
  QUANTITY_UNITS,
  RELATIONSHIP_ENDPOINTS,
  RELATIONSHIP_KINDS,
  type Relationship,
  SLUG,
  type Source,
  STATUSES,
  SYMMETRIC_KINDS,
  selfLoopProblem,
} from "./entities";
import { SeedInvalidError } from "./errors";
import { highFromNullable } from "./interval";
import { type Money, moneyProblems, PERIODS, QUALIFIERS } from "./money";

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
  readonly relationships: readonly Relationship[];
  readonly metrics: readonly Metric[];
}

export const EMPTY_DATASET: Dataset = {
  sources: [],
  evidence: [],
  companies: [],
  products: [],
  people: [],
  relationships: [],
  metrics: [],
};

/** Metrics that record a statement or event rather than a figure. */
const QUALITATIVE_METRIC_KINDS: ReadonlySet<string> = new Set(["OUTLOOK", "EVENT"]);

const slug = z.string().max(MAX_ID_LENGTH).regex(SLUG, "must be a lowercase slug such as `azure-openai`");
const isoDate = z.iso.date();
const text = z.string().trim().min(1);
const nullableText = text.nullable().default(null);

const dateSpanInput = z
  .object({ from: isoDate.nullable().default(null), to: isoDate.nullable().default(null), label: text })
  .strict();

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
  .strict();
const quantityInput = amountInput.extend({ unit: z.enum(QUANTITY_UNITS) }).strict();

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
      title: text,
      publishedOn: isoDate,
      language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/),
      publisher: nullableText,
      url: z.url().nullable().default(null),
      document: nullableText,
    })
    .strict(),
  evidence: z
    .object({
      id: slug,
      source: slug,
      quote: text,
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
      amount: moneyInput.nullable().default(null),
      market: nullableText,
      role: nullableText,
      purpose: nullableText,
      status: z.enum(STATUSES).default("CURRENT"),
      validFrom: isoDate.nullable().default(null),
      validTo: isoDate.nullable().default(null),
      confidence: z.number().min(0).max(1).default(1),
      evidence: z.array(slug).min(1, "every relationship needs at least one evidence id"),
      note: nullableText,
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
} as const;

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
  const problems: string[] = [];
  const where = new Map<string, string>();
  const out = {
    sources: [] as Source[],
    evidence: [] as Evidence[],
    companies: [] as Company[],
    products: [] as Product[],
    people: [] as Person[],
    relationships: [] as Relationship[],
    metrics: [] as Metric[],
  };

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

  checkReferences(out, where, problems);
  if (problems.length > 0) throw new SeedInvalidError(problems);
  return out;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${path}${issue.message}`;
}

type Parsed = { [C in Collection]: z.infer<(typeof schemas)[C]> };

function addRecord(
  out: { -readonly [K in keyof Dataset]: Dataset[K] extends readonly (infer T)[] ? T[] : never },
  collection: Collection,
  data: Parsed[Collection],
  at: string,
  problems: string[],
): void {
  switch (collection) {
    case "sources":
      out.sources.push(data as Parsed["sources"]);
      return;
    case "evidence": {
      const e = data as Parsed["evidence"];
      const { source, ...rest } = e;
      if (e.refersTo.from && e.refersTo.to && e.refersTo.from > e.refersTo.to)
        problems.push(`${at}: refersTo.from is after refersTo.to`);
      out.evidence.push({ ...rest, sourceId: source });
      return;
    }
    case "companies": {
      const { evidence, ...rest } = data as Parsed["companies"];
      out.companies.push({ ...rest, nodeKind: "Company", evidenceIds: evidence });
      return;
    }
    case "products": {
      const { evidence, ...rest } = data as Parsed["products"];
      out.products.push({ ...rest, nodeKind: "Product", evidenceIds: evidence });
      return;
    }
    case "people": {
      const { evidence, ...rest } = data as Parsed["people"];
      out.people.push({ ...rest, nodeKind: "Person", evidenceIds: evidence });
      return;
    }
    case "relationships": {
      const r = data as Parsed["relationships"];
      const amount = r.amount ? toMoney(r.amount) : null;
      if (amount) moneyProblems(amount).forEach((p) => problems.push(`${at}: amount: ${p}`));
      if (r.validFrom && r.validTo && r.validFrom > r.validTo) problems.push(`${at}: validFrom is after validTo`);
      const selfLoop = selfLoopProblem(r);
      if (selfLoop) problems.push(`${at}: ${selfLoop}`);
      const { evidence, product, amount: _a, ...rest } = r;
      out.relationships.push({ ...rest, productId: product, amount, evidenceIds: evidence });
      return;
    }
    case "metrics": {
      const m = data as Parsed["metrics"];
      const money = m.money ? toMoney(m.money) : null;
      const quantity = m.quantity ? { ...m.quantity, high: highFromNullable(m.quantity.high) } : null;
      if (money) moneyProblems(money).forEach((p) => problems.push(`${at}: money: ${p}`));
      if (quantity) moneyProblems(quantity).forEach((p) => problems.push(`${at}: quantity: ${p}`));
      if (!money && !quantity && !QUALITATIVE_METRIC_KINDS.has(m.kind)) {
        problems.push(
          `${at}: a ${m.kind} metric needs money or quantity (only ${[...QUALITATIVE_METRIC_KINDS].join(", ")} may have neither)`,
        );
      }
      const { evidence, subject, product, counterparty, money: _m, quantity: _q, ...rest } = m;
      out.metrics.push({
        ...rest,
        subjectId: subject,
        productId: product,
        counterpartyId: counterparty,
        money,
        quantity,
        evidenceIds: evidence,
      });
      return;
    }
  }
}

function checkReferences(d: Dataset, where: Map<string, string>, problems: string[]): void {
  const at = (collection: string, id: string) => where.get(`${collection}:${id}`) ?? `${collection} '${id}'`;

  const nodes = new Map<string, GraphNode>();
  for (const [collection, list] of [
    ["companies", d.companies],
    ["products", d.products],
    ["people", d.people],
  ] as const) {
    for (const n of list) {
      const previous = nodes.get(n.id);
      if (previous) problems.push(`${at(collection, n.id)}: id is already used by a ${previous.nodeKind}`);
      else nodes.set(n.id, n);
    }
  }
  const unique = (collection: string, list: readonly { id: string }[]) => {
    const seen = new Set<string>();
    for (const x of list) {
      if (seen.has(x.id)) problems.push(`${at(collection, x.id)}: duplicate id`);
      seen.add(x.id);
    }
    return seen;
  };
  const sourceIds = unique("sources", d.sources);
  const evidenceIds = unique("evidence", d.evidence);
  unique("relationships", d.relationships);
  unique("metrics", d.metrics);

  const needEvidence = (collection: string, id: string, ids: readonly string[]) => {
    for (const e of ids) if (!evidenceIds.has(e)) problems.push(`${at(collection, id)}: unknown evidence id '${e}'`);
  };
  const needNode = (collection: string, id: string, field: string, ref: string | null, kind?: NodeKind) => {
    if (ref === null) return;
    const node = nodes.get(ref);
    if (!node)
      problems.push(`${at(collection, id)}: unknown ${(kind ?? "node").toLowerCase()} id '${ref}' in '${field}'`);
    else if (kind && node.nodeKind !== kind)
      problems.push(`${at(collection, id)}: '${field}' must be a ${kind}, '${ref}' is a ${node.nodeKind}`);
  };

  for (const e of d.evidence) {
    if (!sourceIds.has(e.sourceId)) problems.push(`${at("evidence", e.id)}: unknown source id '${e.sourceId}'`);
  }
  for (const n of d.companies) needEvidence("companies", n.id, n.evidenceIds);
  for (const n of d.products) needEvidence("products", n.id, n.evidenceIds);
  for (const n of d.people) needEvidence("people", n.id, n.evidenceIds);

  const symmetric = new Set<string>();
  for (const r of d.relationships) {
    const [fromKind, toKind] = RELATIONSHIP_ENDPOINTS[r.kind];
    needNode("relationships", r.id, "from", r.from, fromKind);
    needNode("relationships", r.id, "to", r.to, toKind);
    needNode("relationships", r.id, "product", r.productId, "Product");
    needEvidence("relationships", r.id, r.evidenceIds);
    if (r.kind === "BUYS_FROM" && r.productId === null)
      problems.push(`${at("relationships", r.id)}: BUYS_FROM needs a product`);
    if (SYMMETRIC_KINDS.has(r.kind)) {
      const key = [r.kind, [r.from, r.to].sort().join("|"), r.market ?? "", r.productId ?? ""].join("/");
      if (symmetric.has(key))
        problems.push(
          `${at("relationships", r.id)}: ${r.kind} between '${r.from}' and '${r.to}' is stored twice (it has no direction)`,
        );
      symmetric.add(key);
    }
  }
  for (const m of d.metrics) {
    needNode("metrics", m.id, "subject", m.subjectId);
    needNode("metrics", m.id, "product", m.productId, "Product");
    needNode("metrics", m.id, "counterparty", m.counterpartyId);
    needEvidence("metrics", m.id, m.evidenceIds);
  }
}
