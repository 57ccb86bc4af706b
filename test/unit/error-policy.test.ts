import { GraphQLError, locatedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { describe, expect, it } from "vitest";
import {
  BadInputError,
  ConfigInvalidError,
  DomainError,
  SeedInvalidError,
  StoreUnavailableError,
} from "../../src/domain/errors";
import { decideError, INTERNAL_CODE, MASKED_MESSAGE } from "../../src/server/error-policy";

const production = { exposeInternals: false };
const development = { exposeInternals: true };

/** What a resolver's failure looks like by the time Apollo hands it over. */
const fromResolver = (err: unknown) => locatedError(err, [], ["company"]);

describe("the error policy", () => {
  it("passes client mistakes and outages through with their status, scalar details only, unlogged", () => {
    for (const [err, code, status] of [
      [
        new BadInputError("first must be at most 100", { argument: "first", max: 100, rows: [1] }),
        "BAD_USER_INPUT",
        400,
      ],
      [new StoreUnavailableError("Neo4j at bolt://db:7687 is unreachable", { retry: true }), "STORE_UNAVAILABLE", 503],
    ] as const) {
      for (const thrown of [err, fromResolver(err)]) {
        const d = decideError(thrown, production);
        expect(d).toMatchObject({ code, status, message: err.message, log: false, cause: err });
        expect(Object.values(d.details).every((v) => ["string", "number", "boolean"].includes(typeof v))).toBe(true);
      }
    }
    expect(decideError(new BadInputError("x", { argument: "first", rows: [1] }), production).details).toEqual({
      argument: "first",
    });
  });

  it("masks and logs INTERNAL and every other domain code a request should never meet", () => {
    for (const err of [
      new DomainError("INTERNAL", "Neo4j query failed: boom", { neo4jCode: "Neo.X" }),
      new SeedInvalidError(["companies[0]: no id"]),
      new ConfigInvalidError(["PORT=x: not a number"]),
    ]) {
      expect(decideError(fromResolver(err), production)).toEqual({
        code: INTERNAL_CODE,
        message: MASKED_MESSAGE,
        status: 500,
        details: {},
        log: true,
        cause: err,
      });
    }
  });

  it("masks and logs anything that is not a domain error, including thrown non-errors", () => {
    for (const thrown of [new TypeError("x is undefined"), "a string", undefined, { status: 500, expose: false }]) {
      expect(decideError(thrown, production)).toMatchObject({
        code: INTERNAL_CODE,
        message: MASKED_MESSAGE,
        log: true,
      });
    }
    // graphql-js's own execution errors (a null in a non-null field) are bugs of ours, not the client's.
    const nonNull = new GraphQLError("Cannot return null for non-nullable field Company.name.");
    expect(decideError(nonNull, production)).toMatchObject({ code: INTERNAL_CODE, status: 500, log: true });
  });

  it("shows internal messages and scalar details in development, still under the internal code", () => {
    const err = new DomainError("INTERNAL", "Neo4j query failed: boom", { neo4jCode: "Neo.X", records: [{}] });
    expect(decideError(err, development)).toMatchObject({
      code: INTERNAL_CODE,
      message: "Neo4j query failed: boom",
      status: 500,
      details: { neo4jCode: "Neo.X" },
      log: true,
    });
  });

  it("keeps GraphQL errors that carry a code, with their HTTP status and scalar extensions", () => {
    const tooCostly = new GraphQLError("Query is too costly", {
      extensions: { code: "QUERY_TOO_COSTLY", cost: 60_000, maxCost: 50_000, http: { status: 400 } },
    });
    expect(decideError(tooCostly, production)).toEqual({
      code: "QUERY_TOO_COSTLY",
      message: "Query is too costly",
      status: 400,
      details: { cost: 60_000, maxCost: 50_000 },
      log: false,
      cause: tooCostly,
    });
  });

  it("lists every broken constraint of argument validation under BAD_USER_INPUT", () => {
    const err = new ArgumentValidationError([
      { property: "first", constraints: { max: "first must be between 1 and 100" }, children: [] },
      {
        property: "filter",
        constraints: {},
        children: [{ property: "name", constraints: { length: "name must not be empty" }, children: [] }],
      },
    ]);
    expect(decideError(fromResolver(err), production)).toMatchObject({
      code: "BAD_USER_INPUT",
      message: "Invalid arguments: first must be between 1 and 100; name must not be empty",
      status: 400,
      details: {},
      log: false,
    });
  });

  it("keeps the message of an HTTP error marked safe to expose (a malformed body)", () => {
    const parseFailure = Object.assign(new SyntaxError("Unexpected end of JSON input"), { status: 400, expose: true });
    expect(decideError(parseFailure, production)).toMatchObject({
      code: "BAD_REQUEST",
      status: 400,
      message: "Unexpected end of JSON input",
      log: false,
    });
  });
});
