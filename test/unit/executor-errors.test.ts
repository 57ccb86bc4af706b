import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { isConnectionError } from "../../src/store/neo4j/executor";

/** A driver error as the driver raises it: a message and a code. */
const newError = (message: string, code: string) => new Neo4jError(message, code, "50N42", "");

describe("which driver failures mean Neo4j cannot be reached", () => {
  it("counts a socket the channel lost, whatever code it was raised under", () => {
    // The driver's own words when Neo4j is killed during a handshake (seen under load in the outage test).
    const reset = newError(
      "Failed to connect to server. Please ensure that your database is listening on the correct host and port. Caused by: read ECONNRESET",
      "ProtocolError",
    );
    expect(isConnectionError(reset)).toBe(true);
    expect(isConnectionError(newError("Connection was closed by server", "ProtocolError"))).toBe(true);
    expect(isConnectionError(newError("anything", "ServiceUnavailable"))).toBe(true);
  });

  it("does not count a protocol error about the conversation itself, or a query's own failure", () => {
    expect(isConnectionError(newError("Unknown Bolt protocol version: 9.9", "ProtocolError"))).toBe(false);
    expect(isConnectionError(newError("Invalid input 'nope'", "Neo.ClientError.Statement.SyntaxError"))).toBe(false);
  });
});
