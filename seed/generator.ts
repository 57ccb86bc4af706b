import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Claim } from "../src/domain/claims";
import { type Dataset, viewsOf, withDerivations } from "../src/domain/dataset";
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
import { claimsByRelationship, type RelationshipIdentity } from "../src/domain/relationship-view";
import { UNBOUNDED } from "../src/domain/interval";
import type { Money, Period } from "../src/domain/money";

export interface GeneratorOptions {
  /** Same seed and size, same graph: tests and benchmarks are reproducible. */
  readonly seed: number;
  readonly companies: number;
}

const KINDS = ["cloud-provider", "ai-lab", "retailer", "software", "bank", "media", "manufacturer"];
const COUNTRIES = ["US", "CN", "AE", "DE", "FR", "BR", "IN", "JP", null];
const MARKETS = ["cloud computing", "AI models", "enterprise software", "advertising"];
const PERIODS: Period[] = ["MONTH", "MONTH", "MONTH", "QUARTER", "YEAR"];

/**
 * A synthetic company graph in the shape of the seed: power-law customer degrees (a few suppliers
 * sell to many), corporate groups, competitor cliques, products built on other products, amounts
 * stated in every way the seed states them, and evidence behind every fact.
 */
export function generateDataset(opts: GeneratorOptions): Dataset {
  const rng = xoroshiro128plus(opts.seed);
  const float = () => uniformFloat64(rng);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const pad = (n: number) => String(n).padStart(6, "0");

  const source: Source = {
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
  const evidence: Evidence[] = [];
  const statedBy = (sourceId: string, id: string, what: string, from: string | null, to: string | null): Evidence => {
    const stated: Evidence = {
      id: `ev-${id}`,
      sourceId,
      kind: "STATEMENT",
      quote: `Generated: ${what}.`,
      locator: `generated record ${id}`,
      gloss: `Generated: ${what}.`,
      refersTo: { from, to, label: from ?? "undated" },
      disclosure: pick(["DISCLOSED", "REPORTED", "ESTIMATE"] as const),
      facts: [],
    };
    evidence.push(stated);
    return stated;
  };
  const evidenceFor = (id: string, what: string, from: string | null, to: string | null): string[] => [
    statedBy(source.id, id, what, from, to).id,
  ];

  const n = Math.max(2, opts.companies);
  const companies: Company[] = [];
  for (let i = 0; i < n; i++) {
    const id = `co-${pad(i)}`;
    companies.push({
      nodeKind: "Company",
      id,
      name: `Company ${i} ${pick(["Holdings", "Systems", "Labs", "Retail", "Cloud", "Média"])}`,
      aliases: float() < 0.3 ? [`C${i}`] : [],
      description: null,
      country: pick(COUNTRIES),
      kind: pick(KINDS),
      evidenceIds: [],
    });
  }

  // About a tenth of the companies sell; early ones sell most (preferential attachment).
  const supplierCount = Math.max(1, Math.floor(n / 10));
  const suppliers = companies.slice(0, supplierCount);
  const products: Product[] = [];
  const productsOf = new Map<string, Product[]>();
  const identities: RelationshipIdentity[] = [];
  const claims: Claim[] = [];
  const rel = (kind: RelationshipKind, from: string, to: string, extra: Stated & { what: string }): void => {
    const id = `${kind.toLowerCase().replace(/_/g, "-")}-${from}-${to}${extra.productId ? `-${extra.productId}` : ""}`;
    const validFrom = extra.validFrom ?? null;
    const validTo = extra.validTo ?? null;
    const productId = extra.productId ?? null;
    identities.push({
      id,
      kind,
      from,
      to,
      productId,
      market: extra.market ?? null,
      role: null,
      purpose: extra.purpose ?? null,
      note: null,
    });
    const stated = statedBy(source.id, id, extra.what, validFrom, validTo);
    claims.push({
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
  };
  const seen = new Set<string>();
  const once = (key: string) => (seen.has(key) ? false : (seen.add(key), true));

  let productIndex = 0;
  for (const s of suppliers) {
    const count = int(1, 3);
    const list: Product[] = [];
    for (let k = 0; k < count; k++) {
      const p: Product = {
        nodeKind: "Product",
        id: `pr-${pad(productIndex++)}`,
        name: `${s.name.split(" ").slice(0, 2).join(" ")} product ${k}`,
        aliases: [],
        description: null,
        category: pick(MARKETS),
        evidenceIds: [],
      };
      products.push(p);
      list.push(p);
      rel("OFFERS", s.id, p.id, { what: `${s.id} offers ${p.id}` });
    }
    productsOf.set(s.id, list);
  }
  // Some products are built on an earlier supplier's product: upstream dependencies.
  for (const p of products) {
    if (float() < 0.3 && products.length > 1) {
      const upstream = pick(products);
      if (upstream.id < p.id && once(`built:${p.id}:${upstream.id}`)) {
        rel("BUILT_ON", p.id, upstream.id, { what: `${p.id} is built on ${upstream.id}` });
      }
    }
  }

  const zipfSupplier = () => suppliers[Math.min(supplierCount - 1, Math.floor(supplierCount * float() ** 2.5))]!;
  const date = (fromYear: number, toYear: number) =>
    `${int(fromYear, toYear)}-${String(int(1, 12)).padStart(2, "0")}-01`;
  const amount = (): Money | null => {
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
  };

  for (const c of companies) {
    const degree = Math.min(8, 1 + Math.floor(-Math.log(1 - float()) * 1.2));
    for (let k = 0; k < degree; k++) {
      const s = zipfSupplier();
      if (s.id === c.id) continue;
      const p = pick(productsOf.get(s.id)!);
      if (!once(`buy:${c.id}:${s.id}:${p.id}`)) continue;
      const former = float() < 0.12;
      const validFrom = float() < 0.8 ? date(2015, 2023) : null;
      rel("BUYS_FROM", c.id, s.id, {
        productId: p.id,
        amount: amount(),
        status: former ? "FORMER" : ("CURRENT" as RelationshipStatus),
        validFrom,
        validTo: former ? `${Number((validFrom ?? "2019").slice(0, 4)) + 1}-12-31` : null,
        confidence: pick([1, 0.8, 0.6]),
        what: `${c.id} buys ${p.id} from ${s.id}`,
      });
    }
  }

  // Corporate groups: a parent always has a lower index, so ownership has no cycles.
  for (let i = Math.floor(n * 0.3); i < n; i++) {
    if (float() < 0.15) {
      const parent = companies[int(0, Math.floor(i * 0.3))]!;
      rel("SUBSIDIARY_OF", companies[i]!.id, parent.id, { what: `${companies[i]!.id} is owned by ${parent.id}` });
    }
  }
  // Competitor cliques among suppliers, and a few customers that build competing products.
  for (let start = 0; start < supplierCount; start += int(3, 5)) {
    const clique = suppliers.slice(start, start + int(2, 4));
    const market = pick(MARKETS);
    for (let a = 0; a < clique.length; a++) {
      for (let b = a + 1; b < clique.length; b++) {
        rel("COMPETES_WITH", clique[a]!.id, clique[b]!.id, {
          market,
          what: `${clique[a]!.id} competes with ${clique[b]!.id}`,
        });
      }
    }
  }
  for (let i = supplierCount; i < n; i++) {
    const roll = float();
    const c = companies[i]!;
    const s = zipfSupplier();
    if (roll < 0.03 && once(`cmp:${[c.id, s.id].sort().join(":")}`)) {
      rel("COMPETES_WITH", c.id, s.id, {
        market: pick(MARKETS),
        status: pick(["PLANNED", "CURRENT"] as const),
        confidence: 0.7,
        what: `${c.id} plans to compete with ${s.id}`,
      });
    } else if (roll < 0.05 && once(`prt:${[c.id, s.id].sort().join(":")}`)) {
      rel("PARTNERS_WITH", c.id, s.id, { purpose: "joint products", what: `${c.id} partners with ${s.id}` });
    } else if (roll < 0.07) {
      const p = pick(productsOf.get(s.id)!);
      if (once(`use:${c.id}:${p.id}`)) {
        rel("USES_MODEL", c.id, p.id, {
          purpose: "training its own models",
          status: "REPORTED",
          confidence: 0.6,
          what: `${c.id} uses ${p.id}`,
        });
      }
    } else if (roll < 0.08 && once(`inv:${s.id}:${c.id}`)) {
      rel("INVESTS_IN", s.id, c.id, {
        amount: { estimate: null, low: 1e8, high: 1e10, qualifier: "RANGE", period: "TOTAL", currency: "USD" },
        what: `${s.id} invests in ${c.id}`,
      });
    }
  }

  // Stated revenue for about half of the revenue lines, near what the known customers pay.
  const metrics: Metric[] = [];
  for (const s of suppliers) {
    for (const p of productsOf.get(s.id)!) {
      if (float() < 0.5) {
        const total = Math.round(10 ** (7 + float() * 2));
        const id = `revenue-${s.id}-${p.id}`;
        metrics.push({
          id,
          kind: "REVENUE",
          subjectId: s.id,
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
          evidenceIds: evidenceFor(id, `revenue of ${p.id}`, "2024-01-01", "2024-12-31"),
        });
      }
    }
  }

  const otherSources = secondOpinionSources(source);
  const draws = { float, pick, statedBy };
  // One at a time: a million companies' worth of arguments would overflow the call stack.
  for (const claim of secondOpinions(claims, otherSources, draws)) claims.push(claim);
  const later = lateArrivals(claims, source, otherSources[1], draws);
  const sources = withDerivations([source, ...otherSources, ...later.sources], later.derivations);
  const allClaims = [...claims.map((claim) => later.retracted.get(claim.id) ?? claim), ...later.claims];
  return {
    sources,
    evidence,
    companies,
    products,
    people: [],
    ...viewsOf(identities, allClaims, sources),
    claims: allClaims,
    metrics,
    derivations: later.derivations,
  };
}

const GENERATOR = "generator";
/** The day the generated dataset is published and its first claims recorded. */
const GENERATED_ON = "2024-08-01";

/** What the generator's first source states about a relationship; the rest of the claim follows from it. */
type Stated = Partial<Pick<Claim, "amount" | "status" | "confidence">> & {
  readonly productId?: string;
  readonly market?: string;
  readonly purpose?: string;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
};

/** A wire service that repeats the generated dataset, and a filing that is an origin of its own. */
function secondOpinionSources(origin: Source): [Source, Source] {
  const base = { language: "en", publisher: null, url: null, document: null, derivations: [] };
  return [
    {
      ...base,
      id: `${origin.id}-wire`,
      kind: "NEWS",
      title: "A wire story repeating the dataset",
      publishedOn: "2024-09-01",
      derivedFrom: [origin.id],
    },
    {
      ...base,
      id: `${origin.id}-filing`,
      kind: "FILING",
      title: "A filing with figures of its own",
      publishedOn: "2025-02-01",
      derivedFrom: [],
    },
  ];
}

interface Draws {
  readonly float: () => number;
  readonly pick: <T>(xs: readonly T[]) => T;
  readonly statedBy: (sourceId: string, id: string, what: string, from: string | null, to: string | null) => Evidence;
}

/**
 * More claims about some purchases with an amount, recorded later: a wire repeating the figure
 * (one origin more source, no new origin), a filing that agrees or contradicts it, and now and
 * then a filing claim retracted or superseded. What makes multi-source views and conflicts.
 */
function secondOpinions(claims: readonly Claim[], [wire, filing]: [Source, Source], draws: Draws): Claim[] {
  const more: Claim[] = [];
  const purchases = claims.filter(
    (c) => c.amount !== null && c.amount.qualifier !== "UNDISCLOSED" && c.relationshipId.startsWith("buys-from-"),
  );
  for (const claim of purchases) {
    const roll = draws.float();
    if (roll < 0.1) more.push(restated(claim, wire, 1, draws, "2024-09-01"));
    else if (roll < 0.25) more.push(restated(claim, filing, draws.pick([0.95, 1, 3, 0.2]), draws, "2025-02-01"));
    else if (roll < 0.35) {
      const doubted = restated(claim, filing, 5, draws, "2025-02-01");
      const retraction = { at: "2025-06-01", by: GENERATOR, reason: "the filing was misread" };
      more.push(draws.float() < 0.5 ? { ...doubted, retraction } : doubted);
      if (doubted.retraction === null && draws.float() < 0.5)
        more.push({
          ...restated(claim, filing, 1, draws, "2025-07-01"),
          id: `${doubted.id}-corrected`,
          supersedes: doubted.id,
        });
    }
  }
  return more;
}

/**
 * The harder cases of fusion, on every generated graph: a reprint of the filing that the graph only
 * learns later to be one (a derivation recorded 2025-03-01), a digest giving figures in euros, and now
 * and then a purchase whose only claim is retracted, so that the relationship is withdrawn and shows
 * only at earlier record times.
 */
function lateArrivals(
  claims: readonly Claim[],
  origin: Source,
  filing: Source,
  draws: Draws,
): { sources: Source[]; claims: Claim[]; derivations: Derivation[]; retracted: Map<string, Claim> } {
  const base = { language: "en", publisher: null, url: null, document: null, derivedFrom: [], derivations: [] };
  const reprint: Source = {
    ...base,
    id: `${origin.id}-reprint`,
    kind: "NEWS",
    title: "A reprint",
    publishedOn: "2025-02-10",
  };
  const digest: Source = {
    ...base,
    id: `${origin.id}-digest`,
    kind: "NEWS",
    title: "A digest in euros",
    publishedOn: "2024-10-01",
  };
  const lineageEvidence = draws.statedBy(
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
  const more: Claim[] = [];
  const retracted = new Map<string, Claim>();
  const perRelationship = claimsByRelationship(claims);
  // The reprint copies the filing as it stands: a filing claim another one corrects is not reprinted
  // (its reprint and its correction's would be one claim, with one id, twice).
  const corrected = new Set(claims.map((c) => c.supersedes));
  for (const claim of claims.filter((c) => c.amount !== null && c.amount.qualifier !== "UNDISCLOSED")) {
    const roll = draws.float();
    if (claim.sourceId === filing.id && claim.retraction === null && !corrected.has(claim.id) && roll < 0.5) {
      more.push({ ...restated(claim, reprint, 1.02, draws, "2025-02-15"), confidence: 0.6 });
    } else if (claim.sourceId === origin.id && roll < 0.1) {
      const euros = restated(claim, digest, 1, draws, "2024-10-01");
      more.push({ ...euros, amount: { ...euros.amount!, currency: "EUR" }, confidence: 0.3 });
    } else if (claim.sourceId === origin.id && roll < 0.13 && perRelationship.get(claim.relationshipId)!.length === 1) {
      retracted.set(claim.id, {
        ...claim,
        retraction: { at: "2025-05-01", by: GENERATOR, reason: "the company denied it" },
      });
    }
  }
  return { sources: [reprint, digest], claims: more, derivations: [derivation], retracted };
}

/** `claim`'s figure times `factor`, said by `source` and recorded on `recordedAt`. */
function restated(claim: Claim, source: Source, factor: number, draws: Draws, recordedAt: string): Claim {
  const id = `${claim.relationshipId}-${source.id.split("-").at(-1)}-${recordedAt}`;
  const amount = claim.amount!;
  const scale = (value: number) => (Number.isFinite(value) ? Math.round(value * factor) : value);
  const stated = draws.statedBy(
    source.id,
    id,
    `${source.title} on ${claim.relationshipId}`,
    claim.refersTo.from,
    claim.refersTo.to,
  );
  return {
    ...claim,
    id: `claim-${id}`,
    sourceId: source.id,
    amount: {
      ...amount,
      low: scale(amount.low),
      high: scale(amount.high),
      estimate: amount.estimate === null ? null : scale(amount.estimate),
    },
    disclosure: stated.disclosure,
    evidenceIds: [stated.id],
    recordedAt,
  };
}
