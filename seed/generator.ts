import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Claim } from "../src/domain/claims";
import { type Dataset, emptyDataset, viewsOf, withDerivations } from "../src/domain/dataset";
import type {
  Company,
  Derivation,
  Evidence,
  Metric,
  Product,
  RelationshipKind,
  RelationshipStatus,
  Source,
} from "../src/domain/entities";
import type { RelationshipIdentity } from "../src/domain/relationship-view";
import { UNBOUNDED } from "../src/domain/interval";
import type { Money, Period } from "../src/domain/money";
import {
  type Draws,
  GENERATED_ON,
  GENERATOR,
  lateArrivals,
  type LateSources,
  laterSources,
  secondOpinionSources,
  secondOpinions,
} from "./generated-claims";

export interface GeneratorOptions {
  /** Same seed and size, same graph: tests and benchmarks are reproducible. */
  readonly seed: number;
  readonly companies: number;
  /**
   * Companies generated together (DEFAULT_COMPANIES_PER_PART): a part's random draws follow the
   * part before it, so the same seed, size and part size give the same graph, whole or in parts.
   */
  readonly companiesPerPart?: number;
}

/** Small enough that a part is a few megabytes, large enough that a million companies are 100 parts. */
const DEFAULT_COMPANIES_PER_PART = 10_000;

const KINDS = ["cloud-provider", "ai-lab", "retailer", "software", "bank", "media", "manufacturer"];
const COUNTRIES = ["US", "CN", "AE", "DE", "FR", "BR", "IN", "JP", null];
const MARKETS = ["cloud computing", "AI models", "enterprise software", "advertising"];
const PERIODS: Period[] = ["MONTH", "MONTH", "MONTH", "QUARTER", "YEAR"];

/**
 * A synthetic company graph in the shape of the seed: power-law customer degrees (a few suppliers
 * sell to many), corporate groups, competitor cliques, products built on other products, amounts
 * stated in every way the seed states them, and evidence behind every fact. The parts of
 * generateParts, put together.
 */
export function generateDataset(opts: GeneratorOptions): Dataset {
  const whole = emptyDataset();
  for (const part of generateParts(opts)) {
    for (const key of Object.keys(whole) as (keyof Dataset)[]) {
      // One at a time: a million companies' worth of arguments would overflow the call stack.
      const list = whole[key] as unknown[];
      for (const record of part[key]) list.push(record);
    }
  }
  return whole;
}

/**
 * The generated graph a part at a time, so that a million companies can be written out without
 * being held: first the sources, the suppliers, their products and what holds among them, then the
 * other companies in order, each part with the relationships of its companies and all their claims
 * and evidence. Every relationship points at a node of its own part or of an earlier one, and every
 * record is in exactly one part.
 */
export function* generateParts(opts: GeneratorOptions): Generator<Dataset> {
  const rng = xoroshiro128plus(opts.seed);
  const float = () => uniformFloat64(rng);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const draws: Draws = { float, int, pick };
  const n = Math.max(2, opts.companies);
  const perPart = Math.max(1, opts.companiesPerPart ?? DEFAULT_COMPANIES_PER_PART);
  const origin = originSource(opts);
  const [wire, filing] = secondOpinionSources(origin);
  const [reprint, digest] = laterSources(origin);

  const first = new PartBuilder(draws);
  const lineageEvidence = first.statedBy(
    reprint.id,
    `${reprint.id}-lineage`,
    "the reprint copies the filing",
    null,
    null,
  );
  const derivation: Derivation = {
    id: `${reprint.id}-repeats-filing`,
    sourceId: reprint.id,
    derivedFrom: filing.id,
    reason: "word for word the filing's figures",
    evidenceIds: [lineageEvidence.id],
    recordedAt: "2025-03-01",
    recordedBy: GENERATOR,
  };
  const sources = withDerivations([origin, wire, filing, reprint, digest], [derivation]);
  const late: LateSources = { origin, filing, reprint, digest };
  const world: World = { n, supplierCount: Math.max(1, Math.floor(n / 10)), productsOf: new Map(), origin };
  for (let i = 0; i < world.supplierCount; i++) first.companies.push(company(i, draws));
  supplierWorld(first, world);
  yield { ...first.finish(sources, [wire, filing], late), sources, derivations: [derivation] };

  for (let from = 0; from < n; from += perPart) {
    const part = new PartBuilder(draws);
    companyRelationships(part, world, from, Math.min(n, from + perPart));
    yield { ...part.finish(sources, [wire, filing], late), sources: [], derivations: [] };
  }
}

/** What every part of a generated graph shares. */
interface World {
  readonly n: number;
  readonly supplierCount: number;
  readonly productsOf: Map<string, Product[]>;
  readonly origin: Source;
}

function originSource(opts: GeneratorOptions): Source {
  return {
    id: `generated-${opts.seed}`,
    kind: "DATASET",
    title: `Synthetic company graph (seed ${opts.seed}, ${opts.companies} companies)`,
    publishedOn: GENERATED_ON,
    language: "en",
    publisher: null,
    url: null,
    document: null,
    derivedFrom: [],
    derivations: [],
  };
}

const pad = (n: number) => String(n).padStart(6, "0");

function company(i: number, { float, pick }: Draws): Company {
  return {
    nodeKind: "Company",
    id: `co-${pad(i)}`,
    name: `Company ${i} ${pick(["Holdings", "Systems", "Labs", "Retail", "Cloud", "Média"])}`,
    aliases: float() < 0.3 ? [`C${i}`] : [],
    description: null,
    country: pick(COUNTRIES),
    kind: pick(KINDS),
    evidenceIds: [],
  };
}

const companyId = (i: number) => `co-${pad(i)}`;

/**
 * The records of one part as they are drawn: relationships as identities with their first claim
 * and its evidence, until finish adds the later claims and makes the views.
 */
class PartBuilder {
  readonly evidence: Evidence[] = [];
  readonly companies: Company[] = [];
  readonly products: Product[] = [];
  readonly identities: RelationshipIdentity[] = [];
  readonly claims: Claim[] = [];
  readonly metrics: Metric[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly draws: Draws) {}

  /** True the first time `key` is asked in this part (every key names a company of the part). */
  once(key: string): boolean {
    return this.seen.has(key) ? false : (this.seen.add(key), true);
  }

  statedBy(sourceId: string, id: string, what: string, from: string | null, to: string | null): Evidence {
    const stated: Evidence = {
      id: `ev-${id}`,
      sourceId,
      kind: "STATEMENT",
      quote: `Generated: ${what}.`,
      locator: `generated record ${id}`,
      gloss: `Generated: ${what}.`,
      refersTo: { from, to, label: from ?? "undated" },
      disclosure: this.draws.pick(["DISCLOSED", "REPORTED", "ESTIMATE"] as const),
      facts: [],
    };
    this.evidence.push(stated);
    return stated;
  }

  rel(source: Source, kind: RelationshipKind, from: string, to: string, extra: Stated & { what: string }): void {
    const id = `${kind.toLowerCase().replace(/_/g, "-")}-${from}-${to}${extra.productId ? `-${extra.productId}` : ""}`;
    const validFrom = extra.validFrom ?? null;
    const validTo = extra.validTo ?? null;
    this.identities.push({
      id,
      kind,
      from,
      to,
      productId: extra.productId ?? null,
      market: extra.market ?? null,
      role: null,
      purpose: extra.purpose ?? null,
      note: null,
    });
    const stated = this.statedBy(source.id, id, extra.what, validFrom, validTo);
    this.claims.push({
      id: `claim-${id}`,
      relationshipId: id,
      sourceId: source.id,
      amount: extra.amount ?? null,
      refersTo: stated.refersTo,
      began: validFrom,
      ended: validTo,
      status: extra.status ?? "CURRENT",
      disclosure: stated.disclosure,
      confidence: extra.confidence ?? 1,
      evidenceIds: [stated.id],
      recordedAt: GENERATED_ON,
      recordedBy: GENERATOR,
      supersedes: null,
      retraction: null,
    });
  }

  /** The part as a dataset (without sources and derivations): later claims added, views made. */
  finish(
    sources: readonly Source[],
    seconds: [Source, Source],
    late: LateSources,
  ): Omit<Dataset, "sources" | "derivations"> {
    const claims = this.claims;
    for (const claim of secondOpinions(claims, seconds, this)) claims.push(claim);
    const later = lateArrivals(claims, late, this);
    const allClaims = [...claims.map((claim) => later.retracted.get(claim.id) ?? claim), ...later.claims];
    return {
      evidence: this.evidence,
      companies: this.companies,
      products: this.products,
      people: [],
      ...viewsOf(this.identities, allClaims, sources),
      claims: allClaims,
      metrics: this.metrics,
    };
  }
}

/** The suppliers' products, what they are built on, the suppliers' competitor cliques, revenue. */
function supplierWorld(part: PartBuilder, world: World): void {
  const { float, int, pick } = part.draws;
  const { origin, productsOf } = world;
  let productIndex = 0;
  for (let i = 0; i < world.supplierCount; i++) {
    const supplierId = companyId(i);
    const count = int(1, 3);
    const list: Product[] = [];
    for (let k = 0; k < count; k++) {
      const p: Product = {
        nodeKind: "Product",
        id: `pr-${pad(productIndex++)}`,
        name: `Company ${i} product ${k}`,
        aliases: [],
        description: null,
        category: pick(MARKETS),
        evidenceIds: [],
      };
      part.products.push(p);
      list.push(p);
      part.rel(origin, "OFFERS", supplierId, p.id, { what: `${supplierId} offers ${p.id}` });
    }
    productsOf.set(supplierId, list);
  }
  // Some products are built on an earlier supplier's product: upstream dependencies.
  const products = part.products;
  for (const p of products) {
    if (float() < 0.3 && products.length > 1) {
      const upstream = pick(products);
      if (upstream.id < p.id && part.once(`built:${p.id}:${upstream.id}`)) {
        part.rel(origin, "BUILT_ON", p.id, upstream.id, { what: `${p.id} is built on ${upstream.id}` });
      }
    }
  }
  // Competitor cliques among suppliers.
  for (let start = 0; start < world.supplierCount; start += int(3, 5)) {
    const clique: string[] = [];
    for (let i = start, size = int(2, 4); i < Math.min(world.supplierCount, start + size); i++)
      clique.push(companyId(i));
    const market = pick(MARKETS);
    for (let a = 0; a < clique.length; a++) {
      for (let b = a + 1; b < clique.length; b++) {
        part.rel(origin, "COMPETES_WITH", clique[a]!, clique[b]!, {
          market,
          what: `${clique[a]} competes with ${clique[b]}`,
        });
      }
    }
  }
  revenue(part, world);
}

/** Stated revenue for about half of the revenue lines, near what the known customers pay. */
function revenue(part: PartBuilder, world: World): void {
  const { float } = part.draws;
  for (const [supplierId, products] of world.productsOf) {
    for (const p of products) {
      if (float() < 0.5) {
        const total = Math.round(10 ** (7 + float() * 2));
        const id = `revenue-${supplierId}-${p.id}`;
        part.metrics.push({
          id,
          kind: "REVENUE",
          subjectId: supplierId,
          productId: p.id,
          counterpartyId: null,
          description: `Revenue of ${p.id}`,
          money: {
            estimate: total,
            low: Math.round(total * 0.95),
            high: Math.round(total * 1.05),
            qualifier: "APPROXIMATE",
            period: "YEAR",
            currency: "USD",
          },
          quantity: null,
          refersTo: { from: "2024-01-01", to: "2024-12-31", label: "2024" },
          evidenceIds: [part.statedBy(world.origin.id, id, `revenue of ${p.id}`, "2024-01-01", "2024-12-31").id],
        });
      }
    }
  }
}

/**
 * Companies `from` (inclusive) to `to`: those that are not suppliers, and what every one of them
 * buys, who owns it, and whom it competes or partners with, uses or is invested in by.
 */
function companyRelationships(part: PartBuilder, world: World, from: number, to: number): void {
  const { float, int, pick } = part.draws;
  const { n, supplierCount, productsOf, origin } = world;
  const zipfSupplier = () => companyId(Math.min(supplierCount - 1, Math.floor(supplierCount * float() ** 2.5)));
  const date = (fromYear: number, toYear: number) =>
    `${int(fromYear, toYear)}-${String(int(1, 12)).padStart(2, "0")}-01`;
  for (let i = Math.max(from, supplierCount); i < to; i++) part.companies.push(company(i, part.draws));
  for (let i = from; i < to; i++) {
    const c = companyId(i);
    const degree = Math.min(8, 1 + Math.floor(-Math.log(1 - float()) * 1.2));
    for (let k = 0; k < degree; k++) {
      const s = zipfSupplier();
      if (s === c) continue;
      const p = pick(productsOf.get(s)!);
      if (!part.once(`buy:${c}:${s}:${p.id}`)) continue;
      const former = float() < 0.12;
      const validFrom = float() < 0.8 ? date(2015, 2023) : null;
      part.rel(origin, "BUYS_FROM", c, s, {
        productId: p.id,
        amount: amount(part.draws),
        status: former ? "FORMER" : ("CURRENT" as RelationshipStatus),
        validFrom,
        validTo: former ? `${Number((validFrom ?? "2019").slice(0, 4)) + 1}-12-31` : null,
        confidence: pick([1, 0.8, 0.6]),
        what: `${c} buys ${p.id} from ${s}`,
      });
    }
  }
  // Corporate groups: a parent always has a lower index, so ownership has no cycles.
  for (let i = Math.max(from, Math.floor(n * 0.3)); i < to; i++) {
    if (float() < 0.15) {
      const parent = companyId(int(0, Math.floor(i * 0.3)));
      part.rel(origin, "SUBSIDIARY_OF", companyId(i), parent, { what: `${companyId(i)} is owned by ${parent}` });
    }
  }
  // A few customers that build competing products, partner, use a model or are invested in.
  for (let i = Math.max(from, supplierCount); i < to; i++) {
    const roll = float();
    const c = companyId(i);
    const s = zipfSupplier();
    if (roll < 0.03 && part.once(`cmp:${[c, s].sort().join(":")}`)) {
      part.rel(origin, "COMPETES_WITH", c, s, {
        market: pick(MARKETS),
        status: pick(["PLANNED", "CURRENT"] as const),
        confidence: 0.7,
        what: `${c} plans to compete with ${s}`,
      });
    } else if (roll < 0.05 && part.once(`prt:${[c, s].sort().join(":")}`)) {
      part.rel(origin, "PARTNERS_WITH", c, s, { purpose: "joint products", what: `${c} partners with ${s}` });
    } else if (roll < 0.07) {
      const p = pick(productsOf.get(s)!);
      if (part.once(`use:${c}:${p.id}`)) {
        part.rel(origin, "USES_MODEL", c, p.id, {
          purpose: "training its own models",
          status: "REPORTED",
          confidence: 0.6,
          what: `${c} uses ${p.id}`,
        });
      }
    } else if (roll < 0.08 && part.once(`inv:${s}:${c}`)) {
      part.rel(origin, "INVESTS_IN", s, c, {
        amount: { estimate: null, low: 1e8, high: 1e10, qualifier: "RANGE", period: "TOTAL", currency: "USD" },
        what: `${s} invests in ${c}`,
      });
    }
  }
}

function amount({ float, int, pick }: Draws): Money | null {
  const period = pick(PERIODS);
  const base = Math.round(10 ** (5 + float() * 3));
  switch (int(0, 5)) {
    case 0:
      return { estimate: base, low: base, high: base, qualifier: "EXACT", period, currency: "USD" };
    case 1:
    case 2:
      return {
        estimate: base,
        low: Math.round(base * 0.9),
        high: base,
        qualifier: "APPROXIMATE",
        period,
        currency: "USD",
      };
    case 3:
      return { estimate: null, low: base, high: UNBOUNDED, qualifier: "AT_LEAST", period, currency: "USD" };
    case 4:
      return { estimate: null, low: 0, high: UNBOUNDED, qualifier: "UNDISCLOSED", period, currency: "USD" };
    default:
      return null;
  }
}

/** What the generator's first source states about a relationship; the rest of the claim follows from it. */
type Stated = Partial<Pick<Claim, "amount" | "status" | "confidence">> & {
  readonly productId?: string;
  readonly market?: string;
  readonly purpose?: string;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
};
