import { type Relationship, selfLoopProblem } from "../domain/entities";
import { BadInputError } from "../domain/errors";

/** Most problems named in one error; the count says how many there were. */
const MAX_LISTED = 10;

/** Refuses a load whose problems are known before anything is written, naming them. */
export function refuseLoad(problems: readonly string[]): void {
  if (problems.length === 0) return;
  throw new BadInputError(`cannot load: ${problems.slice(0, MAX_LISTED).join("; ")}`, { problems: problems.length });
}

/** Every store refuses a relationship from a node to itself, with the same words. */
export function refuseSelfLoops(relationships: readonly Relationship[]): void {
  refuseLoad(relationships.map(selfLoopProblem).filter((problem): problem is string => problem !== null));
}

/** A relationship whose end is neither in the dataset nor already in the store. */
export function unknownEndProblem(relationshipId: string, endId: string): string {
  return `relationship '${relationshipId}' refers to unknown node '${endId}'`;
}
