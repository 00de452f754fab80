import { describe, expect, it } from 'vitest';
import { BuyerStageSchema } from './BuyerStage';
import { IsoDurationSchema } from './Duration';
import { isId, newId } from './id';
import { LeadStateSchema } from './LeadState';
import { PlaybookSchema } from './Playbook';
import { ResponsibilitySchema, rolesWithLetter } from './Responsibility';
import { SlaSchema } from './Sla';

describe('records', () => {
  it('fill every field a user may leave out with a default', () => {
    expect(BuyerStageSchema.parse({ id: 'aware' })).toEqual({
      id: 'aware',
      name: '',
      goal: '',
      entryCriteria: [],
      exitSignals: [],
      owner: 'shared',
      plays: { marketing: [], sales: [] },
      notes: { markdown: '' },
    });
    expect(SlaSchema.parse({ id: 's' })).toMatchObject({
      from: null,
      to: null,
      responseTime: { duration: 'PT24H', clock: 'business' },
      volume: null,
    });
    expect(LeadStateSchema.parse({ id: 'l' }).bant).toEqual({ budget: '', authority: '', need: '', timeline: '' });
  });

  it('accept only URL-safe ids, and generate such ids', () => {
    expect(BuyerStageSchema.safeParse({ id: 'has space' }).success).toBe(false);
    expect(BuyerStageSchema.safeParse({ id: '' }).success).toBe(false);
    expect(isId(newId())).toBe(true);
    expect(isId('x'.repeat(65))).toBe(false);
  });

  it('accept ISO 8601 durations only', () => {
    for (const ok of ['PT4H', 'P2D', 'P1DT12H', 'P1W', 'PT30M']) expect(IsoDurationSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['4h', 'P', 'PT', 'P1.5D', 'PT4']) expect(IsoDurationSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('let an activity hold two A letters, for the validator to report', () => {
    const r = ResponsibilitySchema.parse({ id: 'r', activity: 'Follow up', raci: { marketing: 'A', sales: 'A', product: 'I' } });
    expect(rolesWithLetter(r, 'A')).toEqual(['marketing', 'sales']);
  });

  it('refuse a playbook whose section holds two items with one id', () => {
    const result = PlaybookSchema.safeParse({ pages: [{ id: 'p' }, { id: 'p' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['pages', 1, 'id']);
  });

  it('default an empty playbook completely', () => {
    expect(PlaybookSchema.parse({})).toMatchObject({
      id: null,
      title: 'Untitled playbook',
      metrics: { currency: 'USD', periods: [] },
      attribution: { markdown: '' },
    });
  });
});
