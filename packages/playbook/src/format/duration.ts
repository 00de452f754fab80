import type { Clock } from '../records/Duration';

/** The parts of an ISO 8601 duration, each a whole number. */
export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses an ISO 8601 duration (`PT4H`, `P2D`, `P1DT12H`); null when it is not one. */
export function parseDuration(iso: string): DurationParts | null {
  const match = PATTERN.exec(iso);
  if (!match) return null;
  const n = (i: number) => Number(match[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

const UNITS: [keyof DurationParts, string, boolean][] = [
  // [part, singular noun, whether "business" applies: only working days and hours are business time]
  ['years', 'year', false],
  ['months', 'month', false],
  ['weeks', 'week', false],
  ['days', 'day', true],
  ['hours', 'hour', true],
  ['minutes', 'minute', true],
  ['seconds', 'second', false],
];

/**
 * A duration as people say it: `PT4H` + business → "4 business hours", `P2D` → "2 days",
 * `P1DT12H` → "1 day and 12 hours". Never throws: an unreadable value is returned as written.
 */
export function formatDuration(iso: string, clock: Clock = 'calendar'): string {
  const parts = parseDuration(iso);
  if (!parts) return iso;
  const words = UNITS.filter(([part]) => parts[part] > 0).map(([part, noun, businessApplies]) => {
    const value = parts[part];
    const adjective = clock === 'business' && businessApplies ? 'business ' : '';
    return `${value} ${adjective}${noun}${value === 1 ? '' : 's'}`;
  });
  if (words.length === 0) return 'no time';
  if (words.length === 1) return words[0] as string;
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Roughly how long a duration is in hours, for comparisons such as "is the follow-up window
 * longer than the response time". Calendar approximations (a month is 30 days) are fine there.
 */
export function approximateHours(iso: string): number | null {
  const p = parseDuration(iso);
  if (!p) return null;
  return (p.years * 365 + p.months * 30 + p.weeks * 7 + p.days) * 24 + p.hours + p.minutes / 60 + p.seconds / 3600;
}
