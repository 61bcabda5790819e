import type { Compilable, CompiledQuery } from 'kysely';
import { keepPlanned, type Db } from './dialect.ts';

/** Stands for the i-th parameter while the query is compiled; never a real value (a NUL byte). */
const PLACEHOLDER = '\u0000wd-param:';

/**
 * A query built and compiled once per database handle, then run with new string parameters. For
 * the few queries every request runs (authentication): building a Kysely query costs more CPU
 * than running it on SQLite. The builder is the same Kysely code as anywhere else; only its
 * compiled SQL is kept, and its parameters are swapped in by position; PostgreSQL also keeps its
 * plan (a named prepared statement per connection, see keepPlanned). Transactions are other
 * handles and compile anew.
 */
export function prepared<R>(build: (db: Db, ...params: string[]) => Compilable<R>) {
  const compiledFor = new WeakMap<Db, CompiledQuery<R>>();
  return async (db: Db, ...params: string[]): Promise<R[]> => {
    let compiled = compiledFor.get(db);
    if (!compiled) {
      compiled = build(db, ...params.map((_, i) => `${PLACEHOLDER}${i}`)).compile();
      keepPlanned(compiled.sql);
      compiledFor.set(db, compiled);
    }
    const parameters = compiled.parameters.map((p) => {
      if (typeof p !== 'string' || !p.startsWith(PLACEHOLDER)) return p;
      const i = Number(p.slice(PLACEHOLDER.length));
      if (!(i < params.length)) throw new Error(`prepared query: no parameter ${i}`);
      return params[i];
    });
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
