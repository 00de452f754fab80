import { describe, expect, it } from 'vitest';
import { currentPresenter, newRestores, peersFrom } from './presence';

describe('presence', () => {
  it('lists the others with their name, colour and section, not oneself', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Me', color: '#111111' }, section: 'stages' }],
      [2, { user: { name: 'Bo', color: '#1d4ed8' }, section: 'content', mode: 'workshop', presenting: true }],
      [3, { user: { name: 'Al', color: 'not a colour' }, section: 'nowhere' }],
    ]);
    expect(peersFrom(states, 1)).toEqual([
      { clientId: 3, name: 'Al', color: '#4b5563', section: null, mode: 'editor', presenting: false, restored: null },
      { clientId: 2, name: 'Bo', color: '#1d4ed8', section: 'content', mode: 'workshop', presenting: true, restored: null },
    ]);
  });

  it('skips states without a name, such as a client that has not introduced itself yet', () => {
    expect(
      peersFrom(
        new Map<number, unknown>([
          [5, {}],
          [6, null],
          [7, { user: { name: ' ' } }],
        ]),
        1,
      ),
    ).toEqual([]);
  });

  it('agrees on one presenter when two present at once', () => {
    const peers = peersFrom(
      new Map<number, unknown>([
        [9, { user: { name: 'Zed', color: '#1d4ed8' }, presenting: true }],
        [4, { user: { name: 'Ann', color: '#1d4ed8' }, presenting: true }],
      ]),
      1,
    );
    expect(currentPresenter(peers)?.clientId).toBe(4);
    expect(currentPresenter([])).toBeNull();
  });

  it('reads the version a peer restored, ignoring a malformed mark', () => {
    const peers = peersFrom(
      new Map<number, unknown>([
        [2, { user: { name: 'Bo', color: '#1d4ed8' }, restored: { number: 3, label: 'Q3 kickoff', at: 100 } }],
        [3, { user: { name: 'Cy', color: '#1d4ed8' }, restored: { number: 'three', label: 'x', at: 1 } }],
      ]),
      1,
    );
    expect(peers.map((p) => p.restored)).toEqual([{ number: 3, label: 'Q3 kickoff', at: 100 }, null]);
  });

  it('announces a restore once, and not one made before this client met the peer', () => {
    const seen = new Map<number, number>();
    const bo = (restored: { number: number; label: string; at: number } | null) => ({
      clientId: 2,
      name: 'Bo',
      color: '#1d4ed8',
      section: null,
      mode: 'editor' as const,
      presenting: false,
      restored,
    });
    expect(newRestores([bo({ number: 1, label: 'Old', at: 50 })], seen)).toEqual([]);
    expect(newRestores([bo({ number: 1, label: 'Old', at: 50 })], seen)).toEqual([]);
    expect(newRestores([bo({ number: 3, label: 'Q3 kickoff', at: 90 })], seen)).toEqual([
      { number: 3, label: 'Q3 kickoff', at: 90, name: 'Bo' },
    ]);
    expect(newRestores([bo({ number: 3, label: 'Q3 kickoff', at: 90 })], seen)).toEqual([]);
  });
});
