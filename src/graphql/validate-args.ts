import { validateSync, type ValidatorOptions } from "class-validator";
import { ArgumentValidationError, type ValidatorFn } from "type-graphql";

const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const validatable = (v: unknown): v is object => v !== null && typeof v === "object";

/**
 * Argument validation with class-validator, synchronously. type-graphql's built-in path loads
 * class-validator with a dynamic import on every call, which resolves a macrotask later; sibling
 * fields then reach the DataLoaders in different turns and one level of a query becomes many
 * store calls. Same rules and errors, no waiting.
 */
export const validateArgs: ValidatorFn = (argValue) => {
  const values = Array.isArray(argValue) ? argValue.filter(validatable) : validatable(argValue) ? [argValue] : [];
  const errors = values.flatMap((v) => validateSync(v, OPTIONS));
  if (errors.length > 0) throw new ArgumentValidationError(errors);
};
