/** Flags given to `npm run bench -- [suite...] [--flag...]`. */
export interface BenchOptions {
  /** `--cpu-prof`: suites that can profile a server write a .cpuprofile under bench/results/ and summarise it. */
  cpuProf: boolean;
  /** `--peers=fullcourt,hocuspocus`: the peers suite runs only these servers (a quicker loop while working on one). */
  peers: string[] | undefined;
  /** `--trace-txns=N`: replay only the trace's first N transactions (quick runs; figures not comparable with full ones). */
  traceTxns: number | undefined;
}

/** A benchmark suite: prints as it goes and returns its figures for bench/results/latest.json. */
export interface BenchSuite {
  name: string;
  run(options: BenchOptions): Promise<Record<string, unknown>>;
}

/** The median of a list of numbers (the machine is shared and noisy: report medians, not means). */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Rounds for printing and for latest.json: figures from a noisy machine do not deserve more digits. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
