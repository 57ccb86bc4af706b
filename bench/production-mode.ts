/**
 * Everything the benchmark measures runs as a deployment runs it, with NODE_ENV=production: graphql-js
 * and Express read that variable themselves, whatever the project's configuration says, and without
 * it graphql-js runs development checks that about double the nested read's execution time. Imported
 * first by run.ts, before any module reads it; the server processes inherit it.
 */
process.env.NODE_ENV = "production";
