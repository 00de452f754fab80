/**
 * The columns of `table` named in `names`, as a map for drizzle's `select()` / `returning()`.
 * A record's column names are listed once (db/records/*) and picked from either dialect's table
 * (db/schema.ts, db/postgres/schema.ts): the two schemas name their columns alike (the test
 * db/postgres/schema.test.ts checks they agree), so one list serves both.
 */
export function pickColumns<T extends object, const K extends keyof T>(table: T, names: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const name of names) picked[name] = table[name];
  return picked;
}
