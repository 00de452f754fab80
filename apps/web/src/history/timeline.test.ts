import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '../api/versions';
import { groupTimeline, versionName } from './timeline';

function version(number: number, createdAt: string, kind: VersionSummary['kind'] = 'named', published = false): VersionSummary {
  return { number, kind, label: `v${number}`, note: '', author: 'Ada', authorId: 'user-ada', createdAt, published, stateBytes: 100 };
}

const options = { now: new Date('2026-11-23T15:00:00Z'), locale: 'en-GB', timeZone: 'UTC' };

describe('groupTimeline', () => {
  const versions = [
    version(1, '2026-11-20T09:00:00Z'),
    version(2, '2026-11-22T23:30:00Z', 'checkpoint'),
    version(3, '2026-11-23T08:00:00Z', 'checkpoint'),
    version(5, '2026-11-23T14:00:00Z'),
    version(4, '2026-11-23T10:00:00Z', 'named', true),
  ];

  it('groups versions by day, newest first, naming today and yesterday', () => {
    const days = groupTimeline(versions, { ...options, showCheckpoints: true });
    expect(days.map((d) => [d.heading, d.entries.map((v) => v.number)])).toEqual([
      ['Today', [5, 4, 3]],
      ['Yesterday', [2]],
      ['Friday, 20 November 2026', [1]],
    ]);
  });

  it('counts the checkpoints it hides instead of showing them', () => {
    const days = groupTimeline(versions, { ...options, showCheckpoints: false });
    expect(days.map((d) => [d.key, d.entries.map((v) => v.number), d.hiddenCheckpoints])).toEqual([
      ['2026-11-23', [5, 4], 1],
      ['2026-11-22', [], 1],
      ['2026-11-20', [1], 0],
    ]);
  });

  it('keeps a published checkpoint visible: it is what other tools read', () => {
    const days = groupTimeline([version(7, '2026-11-23T12:00:00Z', 'checkpoint', true)], { ...options, showCheckpoints: false });
    expect(days[0]?.entries.map((v) => v.number)).toEqual([7]);
  });

  it('places a day by the reader’s time zone', () => {
    const late = [version(1, '2026-11-22T23:30:00Z')];
    expect(groupTimeline(late, { ...options, showCheckpoints: true })[0]?.heading).toBe('Yesterday');
    expect(groupTimeline(late, { ...options, timeZone: 'Europe/Berlin', showCheckpoints: true })[0]?.heading).toBe('Today');
  });
});

describe('versionName', () => {
  it('names a version by number and label, so two equal labels stay apart', () => {
    expect(versionName({ number: 3, label: 'Q3 kickoff' })).toBe('version 3, Q3 kickoff');
  });
});
