import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { JSONObjectResolver } from "graphql-scalars";
import { CHANGE_KINDS, type ChangeKind } from "../../domain/batch";
import { enumOf } from "./enums";
import { PageArgs } from "./args";
import { recordsInputType } from "./record-inputs";
import { STAMPED_FIELDS } from "../../domain/batch";
import { STAMPED_COLLECTIONS } from "../../domain/dataset";
import { registerEnumType } from "type-graphql";

const ChangeKindEnum = enumOf(CHANGE_KINDS);
registerEnumType(ChangeKindEnum, {
  name: "ChangeKind",
  description: "RECORDED: a new claim; SUPERSEDED: a newer claim corrects it; RETRACTED: it was withdrawn.",
});

@InputType("RetractionInput")
export class RetractionInput {
  @Field(() => ID)
  claim!: string;

  @Field(() => String, { description: "Why the claim is withdrawn; kept with it." })
  reason!: string;
}

const RecordsInput = recordsInputType(
  Object.fromEntries(STAMPED_COLLECTIONS.map((collection) => [collection, STAMPED_FIELDS])),
);

@InputType("RecordBatchInput", {
  description:
    "Records written all or nothing, in the dataset file format (seed/README.md): typed in `records`, or as one JSON object in `recordsJson` (say, a file's content); send one of the two. Both are checked by the same rules, so a mistake reads the same either way. Claims' and derivations' recordedAt and recordedBy are set by the server.",
})
export class RecordBatchInput {
  @Field(() => String, {
    description: "Chosen by the client, unique per batch: sending the same key again (a retry) records nothing more.",
  })
  key!: string;

  @Field(() => RecordsInput, {
    nullable: true,
    description: "The records, typed: what an editor or a client kit writes.",
  })
  records?: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: "The records as one JSON object, as a dataset file holds them: what a script sends from a file.",
  })
  recordsJson?: Record<string, unknown> | null;

  @Field(() => [RetractionInput], { defaultValue: [] })
  retractions!: RetractionInput[];
}

@ObjectType("Receipt", {
  simpleResolvers: true,
  description: "What a recorded batch answers, the first time and on every retry.",
})
export class ReceiptType {
  @Field(() => String)
  key!: string;

  @Field(() => String, { description: "When it was recorded (UTC)." })
  at!: string;

  @Field(() => String, { description: "Who recorded it." })
  by!: string;

  @Field(() => Int, { description: "The seq of its first change in the feed (0 when it made none)." })
  firstSeq!: number;

  @Field(() => Int)
  lastSeq!: number;

  @Field(() => [ID])
  claimIds!: string[];

  @Field(() => [ID])
  retractedIds!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "On Neo4j, the write's bookmark: send it back in the Graph-Bookmark header and the request reads after this write, whichever server replica answers.",
  })
  bookmark!: string | null;
}

@ObjectType("Change", { simpleResolvers: true, description: "One entry of the change feed, in commit order." })
export class ChangeType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "Commit order: grows by one per change." })
  seq!: number;

  @Field(() => ChangeKindEnum)
  kind!: ChangeKind;

  @Field(() => ID)
  claimId!: string;

  @Field(() => ID)
  relationshipId!: string;

  @Field(() => String, { description: "The key of the batch that made it." })
  batchKey!: string;

  @Field(() => String)
  at!: string;

  @Field(() => String)
  by!: string;

  @Field(() => String, { nullable: true, description: "For a retraction: why." })
  reason!: string | null;
}

@ArgsType()
export class ChangesArgs extends PageArgs {
  @Field(() => Int, { defaultValue: 0, description: "Only changes after this seq (a client's last one seen)." })
  since: number = 0;
}
