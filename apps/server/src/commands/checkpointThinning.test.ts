import { describe, expect, it } from 'vitest';
import { backupsToThin, checkpointsToThin } from './checkpointThinning';

const now = new Date('2026-11-23T12:00:00Z');
const ago = (hours: number, id = `h${hours}`) => ({ id, createdAt: new Date(now.getTime() - hours * 3_600_000) });

describe('checkpoint thinning', () => {
  it('keeps every checkpoint from the last day', () => {
    expect(checkpointsToThin([ago(0.1), ago(1), ago(5), ago(23)], now)).toEqual([]);
  });

  it('keeps the newest checkpoint of each hour within a week', () => {
    const older = { id: 'older', createdAt: new Date('2026-11-20T09:10:00Z') };
    const newer = { id: 'newer', createdAt: new Date('2026-11-20T09:50:00Z') };
    const otherHour = { id: 'other', createdAt: new Date('2026-11-20T10:05:00Z') };
    expect(checkpointsToThin([older, newer, otherHour], now)).toEqual(['older']);
  });

  it('keeps the newest checkpoint of each day after a week', () => {
    const morning = { id: 'morning', createdAt: new Date('2026-11-01T08:00:00Z') };
    const evening = { id: 'evening', createdAt: new Date('2026-11-01T20:00:00Z') };
    const nextDay = { id: 'next', createdAt: new Date('2026-11-02T08:00:00Z') };
    expect(checkpointsToThin([morning, evening, nextDay], now)).toEqual(['morning']);
  });
});

describe('restore backup thinning', () => {
  it('keeps the newest backups by version number and deletes the rest', () => {
    const backups = [4, 9, 2, 7, 5].map((number) => ({ id: `v${number}`, number }));
    expect(backupsToThin(backups, 3).sort()).toEqual(['v2', 'v4']);
  });

  it('deletes nothing while there are no more backups than kept', () => {
    expect(backupsToThin([{ id: 'v1', number: 1 }], 1)).toEqual([]);
  });
});
