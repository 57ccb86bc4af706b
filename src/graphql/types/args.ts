import { Matches, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import {
  MAX_ID_LENGTH,
  SLUG,
  type RelationshipKind,
  type RelationshipStatus,
  type SourceKind,
} from "../../domain/entities";
import { RelationshipKindEnum, SourceKindEnum, StatusEnum } from "./enums";
import { PATH_DEPTH, PATH_FIRST, rangeText } from "../../domain/bounds";

const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  // The upper bound is the configured MAX_PAGE_SIZE, checked where the page is requested.
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: "Page size (1 to the server's MAX_PAGE_SIZE, 100 by default).",
  })
  @Min(1, { message: "first must be at least 1" })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the previous page." })
  @MaxLength(300)
  after?: string | null;
}

/** The two clocks a field may set for itself and everything nested under it (see graphql/clock.ts). */
@ArgsType()
export class ClockArgsType {
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Valid time: as things stood on this day. Holds for everything nested under this field.",
  })
  asOf?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      "Record time: as the graph knew it that day (claims recorded by then, not withdrawn by then). Holds for everything nested under this field.",
  })
  knownAt?: string | null;
}

/** Filters shared by every list of relationships. */
@ArgsType()
export class RelationshipArgs extends PageArgs {
  @Field(() => LocalDateResolver, { nullable: true, description: "Only relationships in force on this day." })
  asOf?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Record time: as the graph knew it that day (claims recorded by then, not withdrawn by then).",
  })
  knownAt?: string | null;

  @Field(() => [String], { nullable: true, description: "Only relationships about one of these products (ids)." })
  @MaxLength(MAX_ID_LENGTH, { each: true })
  @Matches(SLUG, { each: true, message: "product ids are lowercase slugs such as azure-openai" })
  product?: string[] | null;

  @Field(() => [StatusEnum], { nullable: true })
  status?: RelationshipStatus[] | null;
}

@ArgsType()
export class AnyRelationshipArgs extends RelationshipArgs {
  @Field(() => [RelationshipKindEnum], { nullable: true, description: "Only these kinds (all when omitted)." })
  kinds?: RelationshipKind[] | null;
}

@ArgsType()
export class CompaniesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only companies of this kind, e.g. cloud-provider." })
  @MaxLength(100)
  kind?: string | null;

  @Field(() => String, { nullable: true, description: "Only companies in this country (ISO 3166-1 alpha-2)." })
  @Matches(/^[A-Z]{2}$/, { message: "country must be an ISO 3166-1 alpha-2 code such as AE" })
  country?: string | null;
}

/** What every path search takes; bounds and defaults come from domain/bounds.ts and are checked there. */
@ArgsType()
export class PathSearchArgs {
  @Field(() => Int, {
    defaultValue: PATH_DEPTH.default,
    description: `Longest path, in relationships ${rangeText(PATH_DEPTH)}.`,
  })
  maxDepth: number = PATH_DEPTH.default;

  @Field(() => Int, {
    defaultValue: PATH_FIRST.default,
    description: `How many paths to return ${rangeText(PATH_FIRST)}.`,
  })
  first: number = PATH_FIRST.default;

  @Field(() => LocalDateResolver, { nullable: true })
  asOf?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Record time: as the graph knew it that day (claims recorded by then, not withdrawn by then).",
  })
  knownAt?: string | null;
}

/** A list of claims: as of a record time, with or without the withdrawn ones. */
@ArgsType()
export class ClaimListArgs extends PageArgs {
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Record time: as the graph knew it that day (claims recorded by then, not withdrawn by then).",
  })
  knownAt?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Also the claims retracted or superseded by then.",
  })
  includeWithdrawn: boolean = false;
}

@ArgsType()
export class ClaimsArgs extends ClaimListArgs {
  @Field(() => ID, { nullable: true, description: "Only claims about this relationship." })
  relationship?: string | null;

  @Field(() => ID, { nullable: true, description: "Only claims made by this source." })
  source?: string | null;
}

@ArgsType()
export class SourcesArgs extends PageArgs {
  @Field(() => [SourceKindEnum], { nullable: true, description: "Only sources of these kinds." })
  kinds?: SourceKind[] | null;
}

@ArgsType()
export class ConflictsArgs extends PageArgs {
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Record time: as the graph knew it that day (claims recorded by then, not withdrawn by then).",
  })
  knownAt?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only relationships in force on this day." })
  asOf?: string | null;

  @Field(() => [RelationshipKindEnum], { nullable: true, description: "Only these kinds (all when omitted)." })
  kinds?: RelationshipKind[] | null;
}
