/**
 * Hot-path queries compiled once: Kysely rebuilds and recompiles a query's tree on every call, which on a small
 * indexed read costs more than running it. A prepared query is built once per database with placeholder arguments,
 * and each call substitutes the real values into the compiled parameters.
 */
import { type Compilable, type CompiledQuery, type Kysely } from "kysely";
import { type Database } from "./schema.js";

/** Wraps a query builder; arguments must be plain values (strings, numbers), each used as a bound parameter. */
export function preparedQuery<Args extends readonly (string | number)[], Row>(
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): (db: Kysely<Database>, ...args: Args) => Promise<Row[]> {
  const cache = new WeakMap<Kysely<Database>, { compiled: CompiledQuery<Row>; slots: number[] }>();
  return async (db, ...args) => {
    let entry = cache.get(db);
    if (!entry) {
      // Sentinels no real value can equal: NUL characters never reach here from validated input.
      const sentinels = args.map((_, i) => `\u0000prepared-${i}\u0000`);
      const compiled = build(db, ...(sentinels as unknown as Args)).compile();
      entry = { compiled, slots: compiled.parameters.map((p) => sentinels.indexOf(p as string)) };
      cache.set(db, entry);
    }
    const { compiled, slots } = entry;
    const parameters = compiled.parameters.map((p, i) => {
      const slot = slots[i] ?? -1;
      return slot >= 0 ? args[slot] : p;
    });
    return (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
  };
}
