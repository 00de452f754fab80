import { describe, expect, it } from 'vitest';
import { localToday } from '../../app/today';
import { cellKey, isReviewOverdue, moveLinks, parseCellKey } from './contentCells';

describe('content map cells', () => {
  it('round-trips a cell through its key, with or without a persona', () => {
    for (const cell of [
      { stageId: 'aware', personaId: 'cfo' },
      { stageId: 'aware', personaId: null },
    ]) {
      expect(parseCellKey(cellKey(cell))).toEqual(cell);
    }
    expect(parseCellKey('nonsense')).toBeNull();
  });

  it('moves a card to another stage by swapping only the stage link', () => {
    const asset = { stageIds: ['aware', 'research'], personaIds: ['cfo'] };
    expect(moveLinks(asset, { stageId: 'aware', personaId: 'cfo' }, { stageId: 'decide', personaId: 'cfo' })).toEqual({
      unlinkStage: 'aware',
      linkStage: 'decide',
      unlinkPersona: null,
      linkPersona: null,
    });
  });

  it('moves a card to another persona, or to everyone in the stage', () => {
    const asset = { stageIds: ['aware'], personaIds: ['cfo'] };
    expect(moveLinks(asset, { stageId: 'aware', personaId: 'cfo' }, { stageId: 'aware', personaId: 'ops' })).toEqual({
      unlinkStage: null,
      linkStage: null,
      unlinkPersona: 'cfo',
      linkPersona: 'ops',
    });
    expect(moveLinks(asset, { stageId: 'aware', personaId: 'cfo' }, { stageId: 'aware', personaId: null }).linkPersona).toBeNull();
  });

  it('does not link twice what the asset already has', () => {
    const asset = { stageIds: ['aware', 'decide'], personaIds: ['cfo'] };
    expect(moveLinks(asset, { stageId: 'aware', personaId: 'cfo' }, { stageId: 'decide', personaId: 'cfo' }).linkStage).toBeNull();
  });

  it('calls a review overdue only after its date', () => {
    expect(isReviewOverdue({ reviewBy: '2026-11-22' }, '2026-11-23')).toBe(true);
    expect(isReviewOverdue({ reviewBy: '2026-11-23' }, '2026-11-23')).toBe(false);
    expect(isReviewOverdue({ reviewBy: null }, '2026-11-23')).toBe(false);
    expect(localToday(new Date(2026, 10, 3))).toBe('2026-11-03');
  });
});
