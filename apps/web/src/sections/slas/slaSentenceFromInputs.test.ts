import { SlaSchema, slaSentence } from '@fullcourt/playbook';
import { describe, expect, it } from 'vitest';
import { toAmount, toIso } from './durationAmount';

const states = [
  { id: 'mql', name: 'MQL' },
  { id: 'sal', name: 'SAL' },
];

describe('an SLA card', () => {
  it('reads back as the agreed sentence what its inputs set', () => {
    const sla = SlaSchema.parse({
      id: 'sla-1',
      from: 'mql',
      to: 'sal',
      owner: 'sales',
      responseTime: { duration: toIso({ value: 4, unit: 'hours' }), clock: 'business' },
      followUp: { attempts: 6, window: toIso({ value: 10, unit: 'days' }) },
      feedback: { rejectWithin: toIso({ value: 2, unit: 'days' }), reasons: ['No budget'] },
    });
    expect(slaSentence(sla, states)).toBe(
      'Sales follows up every MQL within 4 business hours, 6 attempts in 10 days, rejects with a reason within 2 days.',
    );
  });

  it('shows stored durations in the inputs as a person would state them', () => {
    expect(toAmount('PT4H')).toEqual({ value: 4, unit: 'hours' });
    expect(toAmount('P10D')).toEqual({ value: 10, unit: 'days' });
  });

  it('keeps the sentence readable when a state was deleted under it', () => {
    const sla = SlaSchema.parse({ id: 'sla-2', from: 'gone', to: 'sal' });
    expect(slaSentence(sla, states)).toMatch(/^Sales follows up every \(deleted state\) within/);
  });
});
