import { formatDuration } from '@fullcourt/playbook';
import { describe, expect, it } from 'vitest';
import { toAmount, toIso } from './durationAmount';

describe('duration amounts', () => {
  it('shows a duration in the largest unit that states it exactly', () => {
    expect(toAmount('PT4H')).toEqual({ value: 4, unit: 'hours' });
    expect(toAmount('P2D')).toEqual({ value: 2, unit: 'days' });
    expect(toAmount('P14D')).toEqual({ value: 2, unit: 'weeks' });
    expect(toAmount('PT90M')).toEqual({ value: 90, unit: 'minutes' });
    expect(toAmount('P1DT12H')).toEqual({ value: 36, unit: 'hours' });
    expect(toAmount('PT48H')).toEqual({ value: 2, unit: 'days' });
  });

  it('keeps the unit of a zero duration readable', () => {
    expect(toAmount('P0D')).toEqual({ value: 0, unit: 'days' });
    expect(toAmount('PT0H')).toEqual({ value: 0, unit: 'hours' });
  });

  it('refuses what is not a duration', () => {
    expect(toAmount('4 hours')).toBeNull();
  });

  it('writes the ISO value the model stores, which reads back the same', () => {
    expect(toIso({ value: 4, unit: 'hours' })).toBe('PT4H');
    expect(toIso({ value: 10, unit: 'days' })).toBe('P10D');
    expect(toIso({ value: 2.7, unit: 'weeks' })).toBe('P2W');
    expect(formatDuration(toIso({ value: 4, unit: 'hours' }), 'business')).toBe('4 business hours');
    for (const iso of ['PT30M', 'PT4H', 'P2D', 'P3W']) expect(toIso(toAmount(iso) ?? { value: -1, unit: 'days' })).toBe(iso);
  });
});
