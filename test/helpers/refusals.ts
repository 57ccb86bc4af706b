import { expect } from "vitest";
import { DomainError, type ErrorCode } from "../../src/domain/errors";

/** The domain error `promise` rejects with; fails the test when it resolves or throws anything else. */
export async function refusalOf(promise: Promise<unknown>, code: ErrorCode = "BAD_USER_INPUT"): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}
