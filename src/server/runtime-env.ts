/**
 * The configuration treats an unset NODE_ENV as production (config.ts). Libraries that read NODE_ENV
 * themselves when they load must agree: outside production graphql-js runs a cross-realm check on
 * every `instanceof` it makes (several per field resolved), and Express answers with HTML error pages
 * that carry stack traces. Entry points import this module first, before those libraries load.
 */
process.env.NODE_ENV ??= "production";
