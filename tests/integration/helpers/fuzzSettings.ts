import type { Parameters } from 'fast-check';

/**
 * How a fuzz suite runs: a fixed seed by default, so `npm test` replays the same cases every time
 * and cannot flake on what it generates; `FUZZ_SEED` replays another run (or `random` explores),
 * `FUZZ_RUNS` runs more cases per property, and `FUZZ_PATH` replays one counterexample fast-check
 * printed, `FUZZ_SHRINK=0` skips shrinking. `npm run fuzz` sets a random seed and many runs.
 */
export interface FuzzSettings {
  seed: number;
  /** Cases per property: FUZZ_RUNS when set, else the suite's bounded default. */
  runs(boundedDefault: number): number;
  /** Longest "huge" string a generator makes: small in `npm test`, near the body limit in `npm run fuzz`. */
  hugeChars: number;
  /** fast-check parameters for one property (seed, runs, replay path). */
  parameters<T>(boundedDefault: number): Parameters<T>;
  /** The line to print, so a failing run can be replayed. */
  describe(suite: string, boundedDefault: number): string;
}

export const defaultFuzzSeed = 8_2025;

/** Reads FUZZ_SEED, FUZZ_RUNS, FUZZ_PATH, FUZZ_SHRINK and FUZZ_HUGE_CHARS. */
export function fuzzSettings(env: Record<string, string | undefined> = process.env): FuzzSettings {
  const seed = parseSeed(env.FUZZ_SEED);
  const fixedRuns = env.FUZZ_RUNS ? Number.parseInt(env.FUZZ_RUNS, 10) : undefined;
  if (fixedRuns !== undefined && !(fixedRuns > 0)) throw new Error(`FUZZ_RUNS must be a positive integer, not '${env.FUZZ_RUNS}'`);
  const runs = (boundedDefault: number) => fixedRuns ?? boundedDefault;
  const hugeChars = env.FUZZ_HUGE_CHARS ? Number.parseInt(env.FUZZ_HUGE_CHARS, 10) : fixedRuns ? 1_500_000 : 20_000;
  return {
    seed,
    runs,
    hugeChars,
    parameters: (boundedDefault) => ({
      seed,
      numRuns: runs(boundedDefault),
      ...(env.FUZZ_PATH ? { path: env.FUZZ_PATH } : {}),
      // Each shrinking step replays a case against the real server; FUZZ_SHRINK=0 reports the first failure as found.
      endOnFailure: env.FUZZ_SHRINK === '0',
      verbose: 1,
    }),
    describe: (suite, boundedDefault) =>
      `[fuzz] ${suite}: seed ${seed}, ${runs(boundedDefault)} runs per property, huge strings up to ${hugeChars} chars ` +
      `(replay with FUZZ_SEED=${seed}${fixedRuns ? ` FUZZ_RUNS=${fixedRuns}` : ''})`,
  };
}

function parseSeed(raw: string | undefined): number {
  if (!raw) return defaultFuzzSeed;
  if (raw === 'random') return (Date.now() ^ (process.pid << 16)) | 0;
  const seed = Number.parseInt(raw, 10);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or 'random', not '${raw}'`);
  return seed | 0;
}
