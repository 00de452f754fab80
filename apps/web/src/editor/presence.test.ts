import { describe, expect, it } from 'vitest';
import { currentPresenter, peersFrom } from './presence';

describe('presence', () => {
  it('lists the others with their name, colour and section, not oneself', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Me', color: '#111111' }, section: 'stages' }],
      [2, { user: { name: 'Bo', color: '#1d4ed8' }, section: 'content', mode: 'workshop', presenting: true }],
      [3, { user: { name: 'Al', color: 'not a colour' }, section: 'nowhere' }],
    ]);
    expect(peersFrom(states, 1)).toEqual([
      { clientId: 3, name: 'Al', color: '#4b5563', section: null, mode: 'editor', presenting: false },
      { clientId: 2, name: 'Bo', color: '#1d4ed8', section: 'content', mode: 'workshop', presenting: true },
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
});
