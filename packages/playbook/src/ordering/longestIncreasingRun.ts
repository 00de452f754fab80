/**
 * Indices of a longest strictly increasing subsequence of `values`, skipping nulls (patience
 * sorting, O(n log n)). Both "which order keys can stay" and "which items were moved" come down
 * to it: the items outside the longest run kept in order are the ones that moved.
 */
export function longestIncreasingRun<T extends string | number>(values: readonly (T | null)[]): number[] {
  const tails: number[] = [];
  const parent = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    if (value === null) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] as number] as T) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[i] = tails[lo - 1] as number;
    tails[lo] = i;
  });
  const run: number[] = [];
  for (let i = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; i >= 0; i = parent[i] as number) run.push(i);
  return run.reverse();
}
