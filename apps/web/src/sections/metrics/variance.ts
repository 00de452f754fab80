/** How an actual compares with what was planned (predicted leads, forecast revenue). */
export interface Variance {
  /** actual ÷ planned; null when either is unknown or nothing was planned. */
  ratio: number | null;
  /** "99% of forecast", "not known yet". */
  label: string;
  /** Whether the actual fell short by more than a tenth, which the chart and table call out. */
  short: boolean;
}

export function variance(planned: number | null, actual: number | null, noun = 'forecast'): Variance {
  if (planned === null || actual === null) return { ratio: null, label: 'not known yet', short: false };
  if (planned === 0) return { ratio: null, label: actual === 0 ? `as ${noun}` : `no ${noun}`, short: false };
  const ratio = actual / planned;
  return { ratio, label: `${Math.round(ratio * 100)}% of ${noun}`, short: ratio < 0.9 };
}

/** Bar lengths in [0, 1] for values sharing one scale (the largest is 1); null values draw no bar. */
export function barLengths(values: readonly (number | null)[]): (number | null)[] {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values.map((v) => (v === null ? null : max === 0 ? 0 : v / max));
}
