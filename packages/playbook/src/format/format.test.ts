import { describe, expect, it } from 'vitest';
import { SlaSchema } from '../records/Sla';
import { approximateHours, formatDuration, parseDuration } from './duration';
import { formatAmount } from './labels';
import { slaSentence, slaTitle } from './slaSentence';

describe('ISO duration formatter', () => {
  it('says business hours when the clock is business', () => {
    expect(formatDuration('PT4H', 'business')).toBe('4 business hours');
    expect(formatDuration('P2D', 'business')).toBe('2 business days');
  });

  it('says calendar time plainly, singular and plural', () => {
    expect(formatDuration('PT24H')).toBe('24 hours');
    expect(formatDuration('P1D')).toBe('1 day');
    expect(formatDuration('P1W')).toBe('1 week');
    expect(formatDuration('PT30M')).toBe('30 minutes');
  });

  it('joins several units with "and"', () => {
    expect(formatDuration('P1DT12H')).toBe('1 day and 12 hours');
    expect(formatDuration('P1Y2M3D')).toBe('1 year, 2 months and 3 days');
    expect(formatDuration('P1DT4H', 'business')).toBe('1 business day and 4 business hours');
  });

  it('returns what it cannot read instead of throwing', () => {
    expect(formatDuration('four hours')).toBe('four hours');
    expect(formatDuration('PT0H')).toBe('no time');
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('PT')).toBeNull();
  });

  it('parses durations into parts and rough hours', () => {
    expect(parseDuration('P2DT3H')).toMatchObject({ days: 2, hours: 3, minutes: 0 });
    expect(approximateHours('P1DT6H')).toBe(30);
    expect(approximateHours('nope')).toBeNull();
  });
});

describe('SLA sentence', () => {
  const states = [
    { id: 'mql', name: 'MQL' },
    { id: 'sal', name: 'SAL' },
  ];
  const sla = SlaSchema.parse({
    id: 'sla',
    from: 'mql',
    to: 'sal',
    owner: 'sales',
    responseTime: { duration: 'PT4H', clock: 'business' },
    followUp: { attempts: 6, window: 'P10D' },
    feedback: { rejectWithin: 'P2D', reasons: ['Duplicate'] },
  });

  it('reads as one sentence a sales rep would say', () => {
    expect(slaSentence(sla, states)).toBe(
      'Sales follows up every MQL within 4 business hours, 6 attempts in 10 days, rejects with a reason within 2 days.',
    );
  });

  it('adds marketing’s volume commitment when there is one', () => {
    expect(slaSentence({ ...sla, volume: { count: 400, per: 'month' } }, states)).toMatch(/Marketing commits to 400 MQLs per month\.$/);
  });

  it('names the SLA by its states, and shows deleted or missing ones', () => {
    expect(slaTitle(sla, states)).toBe('SLA MQL → SAL');
    expect(slaTitle({ from: 'gone' as never, to: null }, new Map([['mql', 'MQL']]))).toBe('SLA (deleted state) → (no state)');
  });

  it('uses plural verbs when both teams share the SLA', () => {
    expect(slaSentence({ ...sla, owner: 'shared', followUp: { attempts: 1, window: 'P1D' } }, states)).toBe(
      'Marketing and sales follow up every MQL within 4 business hours, 1 attempt in 1 day, reject with a reason within 2 days.',
    );
  });
});

describe('money amounts', () => {
  it('is compact for large amounts and exact for small ones', () => {
    expect(formatAmount(1_200_000, 'USD')).toBe('$1.2M');
    expect(formatAmount(6400, 'EUR')).toBe('€6,400');
  });
});
