import { GRAPH_LIMIT } from "../domain/bounds";
import type { GraphNode, Relationship } from "../domain/entities";
import { rankValue } from "../domain/interval";
import { convertPeriod, isPeriodic } from "../domain/money";
import { MONEY_AGAINST_ARROW, MONEY_WITH_ARROW, moneyEnds } from "../domain/money-flow";

/** A hop that reached more nodes than it could keep. */
interface HopCut {
  readonly hop: number;
  readonly reached: number;
  readonly kept: number;
}

/** A node reached and left out, kept aside in case the later hops leave room. */
interface SetAside {
  readonly node: GraphNode;
  readonly hop: number;
}

/** What decides which reached nodes a cut hop keeps, best first. */
interface Importance {
  readonly money: number;
  readonly degree: number;
}

const MONEY_KINDS = [...MONEY_WITH_ARROW, ...MONEY_AGAINST_ARROW].join(", ");
const count = (n: number) => n.toLocaleString("en");

/**
 * How a relationship graph spends its node limit when a hop reaches more nodes than there is room
 * for. A view of a hub should show the neighbours that matter, not the first ones by id: a cut hop
 * keeps the nodes with the most money on the relationships that reach them (periodic amounts per
 * year, one-off amounts as stated, each by its rank value), then those reached by the most
 * relationships, then by id so that the answer is stable. It keeps only its share of the room left
 * (that room divided by the hops still to read, itself included), so the next hops are still read
 * around the kept nodes; whatever room they leave goes back, at the end, to the best nodes set
 * aside, nearest hop first. When every hop fits, nothing is ranked: the graph is the whole
 * neighbourhood. Centres (hop 0) have no relationships read yet; they are kept by id.
 */
export class NodeRoom {
  private readonly cuts: HopCut[] = [];
  private readonly setAside: SetAside[] = [];
  private readonly setAsideIds = new Set<string>();
  private givenBack = 0;

  constructor(
    private readonly limit: number,
    private readonly depth: number,
  ) {}

  /** The nodes of `hop` to keep, `used` nodes being kept already; `read` are the relationships read at that hop. */
  keep(reached: readonly GraphNode[], hop: number, used: number, read: readonly Relationship[]): GraphNode[] {
    const room = Math.max(this.limit - used, 0);
    if (reached.length <= room) return [...reached];
    const share = hop === 0 ? room : Math.ceil(room / (this.depth - hop + 1));
    const ranked = byImportance(reached, read);
    for (const node of ranked.slice(share)) {
      this.setAside.push({ node, hop });
      this.setAsideIds.add(node.id);
    }
    this.cuts.push({ hop, reached: reached.length, kept: share });
    return ranked.slice(0, share);
  }

  /** Left out at an earlier hop: not reached again further out, where its hop would be wrong. */
  wasSetAside(id: string): boolean {
    return this.setAsideIds.has(id);
  }

  /** The best nodes set aside, nearest hop first, for the room the later hops left. */
  giveBack(used: number): SetAside[] {
    const room = Math.max(this.limit - used, 0);
    // Set aside hop after hop, each hop's best first.
    const back = this.setAside.slice(0, room);
    for (const { node } of back) this.setAsideIds.delete(node.id);
    this.givenBack = back.length;
    return back;
  }

  /** Nodes reached and left out, once the room has been given back. */
  get leftOut(): number {
    return this.setAsideIds.size;
  }

  /** What was kept at each cut hop and why; null when nothing was cut. */
  reason(): string | null {
    const [first] = this.cuts;
    if (!first) return null;
    let ruleSaid = false;
    const hops = this.cuts.map((cut) => {
      if (cut.hop === 0) return `${count(cut.kept)} of the ${count(cut.reached)} centres were kept, the first by id`;
      if (cut.kept === 0)
        return `at hop ${cut.hop}, none of the ${count(cut.reached)} nodes reached was kept: no room was left`;
      const how = ruleSaid
        ? " the same way"
        : `: those with the most money on the relationships that reach them (${MONEY_KINDS}; per year, one-off amounts as stated), then those reached by the most relationships, then by id`;
      ruleSaid = true;
      const beyond = cut.hop < this.depth ? ", leaving room for the hops beyond" : "";
      return `at hop ${cut.hop}, ${count(cut.kept)} of the ${count(cut.reached)} nodes reached were kept${how}${beyond}`;
    });
    const back =
      this.givenBack > 0
        ? `; ${count(this.givenBack)} set aside earlier were added back into room the later hops left`
        : "";
    return (
      `limit of ${this.limit} nodes reached at hop ${first.hop}: ${hops.join("; ")}${back}. ` +
      `${count(this.leftOut)} reached node(s) were left out in all; ask for a higher limit (at most ${GRAPH_LIMIT.max}) or a smaller depth`
    );
  }
}

/** Most important first, then by id: see NodeRoom. */
function byImportance(reached: readonly GraphNode[], read: readonly Relationship[]): GraphNode[] {
  const importance = new Map<string, Importance>(reached.map((n) => [n.id, { money: 0, degree: 0 }]));
  for (const r of read) {
    for (const end of r.from === r.to ? [r.from] : [r.from, r.to]) {
      const seen = importance.get(end);
      if (seen) importance.set(end, { money: seen.money + moneyOn(r), degree: seen.degree + 1 });
    }
  }
  const of = (n: GraphNode) => importance.get(n.id)!;
  return [...reached].sort(
    (a, b) => of(b).money - of(a).money || of(b).degree - of(a).degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The money a relationship carries, for ranking: per year when periodic, as stated when one-off. */
function moneyOn(r: Relationship): number {
  if (r.amount === null || moneyEnds(r) === null) return 0;
  return rankValue(isPeriodic(r.amount) ? convertPeriod(r.amount, "YEAR") : r.amount);
}
