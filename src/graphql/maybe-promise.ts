/**
 * A value a resolver may have at once or only later. graphql-js completes a value it is handed at
 * once in the same turn, and a promise a microtask later with a promise for its parent object: a
 * list of a nested read that is already in hand must not cost a promise per item.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === "function";
}

/** `then(value)` at once when `value` is in hand, else once it resolves. */
export function thenOrNow<T, U>(value: MaybePromise<T>, then: (value: T) => U): MaybePromise<U> {
  return value instanceof Promise ? value.then(then) : then(value);
}
