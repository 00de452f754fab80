import { describe, expect, it } from 'vitest';
import { translatingEachStore, translatingErrors } from './translatingErrors';

class Translated extends Error {}
const translate = (error: unknown) =>
  error instanceof Error && error.message === 'disk full' ? new Translated('full', { cause: error }) : error;

describe('translatingErrors', () => {
  it('returns what a store method returns, with the store as `this`', async () => {
    const store = {
      base: 2,
      async twice(n: number) {
        return n * this.base;
      },
    };
    await expect(translatingErrors(store, translate).twice(21)).resolves.toBe(42);
  });

  it('throws what translate makes of an error, and other errors unchanged', async () => {
    const failure = new Error('constraint');
    const store = {
      async full(): Promise<void> {
        throw new Error('disk full');
      },
      async bug(): Promise<void> {
        throw failure;
      },
    };
    const wrapped = translatingErrors(store, translate);
    await expect(wrapped.full()).rejects.toBeInstanceOf(Translated);
    await expect(wrapped.bug()).rejects.toBe(failure);
  });

  it('translates the errors a synchronous method throws too (SQLite stores run their queries synchronously)', async () => {
    const store = {
      full(): Promise<void> {
        throw new Error('disk full');
      },
    };
    await expect(translatingErrors(store, translate).full()).rejects.toBeInstanceOf(Translated);
  });
});

describe('translatingEachStore', () => {
  it('wraps every store it is given, by name', async () => {
    const stores = translatingEachStore(
      {
        a: {
          async fail(): Promise<void> {
            throw new Error('disk full');
          },
        },
        b: {
          async fail(): Promise<void> {
            throw new Error('disk full');
          },
        },
      },
      translate,
    );
    expect(Object.keys(stores)).toEqual(['a', 'b']);
    await expect(stores.a.fail()).rejects.toBeInstanceOf(Translated);
    await expect(stores.b.fail()).rejects.toBeInstanceOf(Translated);
  });
});
