import { parseDuration } from '@fullcourt/playbook';

/** The units a person picks from when stating an SLA duration. */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A duration as the inputs show it: one whole number and one unit. */
export interface DurationAmount {
  value: number;
  unit: DurationUnit;
}

const MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 24 * 60, weeks: 7 * 24 * 60 };

/**
 * An ISO duration as one number and the largest unit that states it exactly ("PT90M" → 90 minutes,
 * "P1DT12H" → 36 hours). Months and years are read as 30 and 365 days: SLAs are not stated in
 * them, but a value someone typed into the API must still show. Null when it is not a duration.
 */
export function toAmount(iso: string): DurationAmount | null {
  const p = parseDuration(iso);
  if (!p) return null;
  const days = p.years * 365 + p.months * 30;
  const minutes = ((p.weeks * 7 + p.days + days) * 24 + p.hours) * 60 + p.minutes + Math.round(p.seconds / 60);
  for (const unit of [...DURATION_UNITS].reverse()) {
    if (minutes > 0 && minutes % MINUTES[unit] === 0) return { value: minutes / MINUTES[unit], unit };
  }
  if (minutes > 0) return { value: minutes, unit: 'minutes' };
  // Zero: keep the unit that was written ("P0D" stays days), so the select does not jump.
  return { value: 0, unit: /T\d+M/.test(iso) ? 'minutes' : iso.includes('T') ? 'hours' : /W/.test(iso) ? 'weeks' : 'days' };
}

/** The ISO duration of a number and a unit: 4 hours → "PT4H", 2 days → "P2D". */
export function toIso({ value, unit }: DurationAmount): string {
  const n = Math.max(0, Math.trunc(value));
  switch (unit) {
    case 'minutes':
      return `PT${n}M`;
    case 'hours':
      return `PT${n}H`;
    case 'days':
      return `P${n}D`;
    case 'weeks':
      return `P${n}W`;
  }
}
