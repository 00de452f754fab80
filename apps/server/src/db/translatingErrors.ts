/**
 * Wraps every method of a store so a driver's errors leave db/ as StorageErrors: nothing above
 * db/ needs to know a driver's error codes. `translate` is the driver's own (translateSqliteError,
 * translatePostgresError); it returns the error unchanged when it is not a storage failure.
 * Store methods are all async.
 */
export function translatingErrors<T extends object>(store: T, translate: (error: unknown) => unknown): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    wrapped[name] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (value as (...a: unknown[]) => unknown).apply(store, args);
            } catch (error) {
              throw translate(error);
            }
          }
        : value;
  }
  return wrapped as T;
}

/** translatingErrors for each store of `stores` (a Storage's stores, by name). */
export function translatingEachStore<S extends Record<string, object>>(stores: S, translate: (error: unknown) => unknown): S {
  return Object.fromEntries(Object.entries(stores).map(([name, store]) => [name, translatingErrors(store, translate)])) as S;
}
