import { validateSync, type ValidationError, type ValidatorOptions } from "class-validator";
import { ArgumentValidationError, type ValidatorFn } from "type-graphql";

const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const validatable = (v: unknown): v is object => v !== null && typeof v === "object";

/** Argument sets seen recently; a nested read validates the same `customers(first: 10)` hundreds of times. */
const MAX_REMEMBERED = 1_000;
const verdicts = new Map<string, readonly ValidationError[]>();

/**
 * Argument validation with class-validator, synchronously. type-graphql's built-in path loads
 * class-validator with a dynamic import on every call, which resolves a macrotask later; sibling
 * fields then reach the DataLoaders in different turns and one level of a query becomes many
 * store calls. Same rules and errors, no waiting. Validation is a pure function of the argument
 * values and their class, so each distinct set is validated once and its verdict remembered.
 */
export const validateArgs: ValidatorFn = (argValue) => {
  const values = Array.isArray(argValue) ? argValue.filter(validatable) : validatable(argValue) ? [argValue] : [];
  const errors = values.flatMap(verdictOf);
  if (errors.length > 0) throw new ArgumentValidationError([...errors]);
};

function verdictOf(value: object): readonly ValidationError[] {
  const key = `${value.constructor.name}:${JSON.stringify(value)}`;
  let errors = verdicts.get(key);
  if (errors === undefined) {
    errors = validateSync(value, OPTIONS);
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
    verdicts.set(key, errors);
  }
  return errors;
}
