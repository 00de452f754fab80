/** A moment said two ways: "5 minutes ago" to scan, and the date and time to be sure. */
export interface When {
  relative: string;
  absolute: string;
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago" — with the absolute time beside it. */
export function describeWhen(iso: string, now: Date, locale?: string, timeZone?: string): When {
  const date = new Date(iso);
  const absolute = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  let amount = (date.getTime() - now.getTime()) / 1000;
  // A clock a little ahead of the server's should not print "in 2 seconds".
  if (Math.abs(amount) < 45) return { relative: 'just now', absolute };
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return { relative: format.format(Math.round(amount), unit), absolute };
    amount /= size;
  }
  return { relative: absolute, absolute };
}
