/**
 * Fractional-index order keys. An item's position is a string key; the list is read sorted by
 * (key, id). Moving an item rewrites its key only, so concurrent moves can never duplicate or
 * lose it (the last move wins), which delete+insert in a Y.Array cannot promise.
 *
 * Keys are base-62 digits in ASCII order with no trailing "0", so there is always room between
 * two keys. The scheme is the one of Greenspan's "Implementing Fractional Indexing", without the
 * integer part: bulk placement spreads keys evenly, and appending steps by one digit.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_PATTERN = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

/** Whether a string is a usable order key (a buggy peer may have written anything). */
export function isOrderKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_PATTERN.test(value);
}

function digit(char: string | undefined): number {
  return char === undefined ? 0 : DIGITS.indexOf(char);
}

function midpoint(a: string, b: string | null, step: boolean): string {
  if (b !== null) {
    let shared = 0;
    while ((a[shared] ?? '0') === b[shared]) shared++;
    if (shared > 0) return b.slice(0, shared) + midpoint(a.slice(shared), b.slice(shared), step);
  }
  const low = a === '' ? 0 : digit(a[0]);
  const high = b === null ? DIGITS.length : digit(b[0]);
  if (high - low > 1) {
    // Open-ended (appending): step by one digit rather than halving, so adding items one at a
    // time at the end grows keys by one character per ~60 items instead of one per ~6.
    const next = b === null && step ? low + 1 : Math.round((low + high) / 2);
    return DIGITS[next] as string;
  }
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[low] as string) + midpoint(a.slice(1), null, step);
}

function checkBounds(before: string | null, after: string | null): void {
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`order key "${before}" is not before "${after}"`);
  }
}

/** A key strictly between `before` and `after` (null means the start or the end of the list). */
export function keyBetween(before: string | null, after: string | null): string {
  checkBounds(before, after);
  return midpoint(before ?? '', after, true);
}

/** `count` increasing keys strictly between `before` and `after`, spread evenly (bisection keeps them short). */
export function keysBetween(before: string | null, after: string | null, count: number): string[] {
  if (count <= 0) return [];
  checkBounds(before, after);
  const middle = midpoint(before ?? '', after, false);
  const leftCount = Math.floor((count - 1) / 2);
  return [...keysBetween(before, middle, leftCount), middle, ...keysBetween(middle, after, count - 1 - leftCount)];
}
