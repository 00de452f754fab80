import { describe, expect, it } from 'vitest';
import { type CpuProfile, summarizeProfile } from './cpuProfile';

// The server's files as the profile names them: URLs under this repository.
const own = new URL('../../../apps/server/src/collab/connection.ts', import.meta.url).href;
const lib = 'file:///srv/app/node_modules/yjs/dist/yjs.mjs';

/** root → handle (own) → [applyUpdate (yjs) → writev (native)], handle → handle (recursion), plus idle. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: [2, 6] },
    { id: 2, callFrame: { functionName: 'handle', url: own, lineNumber: 0, columnNumber: 0 }, children: [3, 5] },
    { id: 3, callFrame: { functionName: 'applyUpdate', url: lib, lineNumber: 99, columnNumber: 0 }, children: [4] },
    { id: 4, callFrame: { functionName: 'writev', url: '', lineNumber: -1, columnNumber: -1 } },
    { id: 5, callFrame: { functionName: 'handle', url: own, lineNumber: 0, columnNumber: 0 } },
    { id: 6, callFrame: { functionName: '(idle)', url: '', lineNumber: -1, columnNumber: -1 } },
  ],
  startTime: 0,
  endTime: 1_000,
  // Each sample's time is the next delta: 100 in handle (id 2), 200 applyUpdate, 300 writev, 400 nested handle, 1000 idle.
  samples: [2, 3, 4, 5, 6, 6],
  timeDeltas: [0, 100, 200, 300, 400, 500, 500],
};

describe('summarising a server CPU profile', () => {
  const summary = summarizeProfile(profile, 10, (url) => url.includes('/apps/server/src/'));
  const row = (rows: { what: string; share: number; microsPerUpdate: number }[], what: string) => rows.find((r) => r.what.startsWith(what));

  it('leaves idle time out and apportions the measured CPU per update by share', () => {
    expect(summary.busyMs).toBe(1);
    expect(row(summary.topFunctions, 'applyUpdate')).toMatchObject({ share: 0.2, microsPerUpdate: 2 });
    expect(summary.topFunctions.some((r) => r.what.includes('(idle)'))).toBe(false);
  });

  it('names native code after its caller and counts it in the caller’s package', () => {
    expect(row(summary.topFunctions, 'writev')?.what).toBe('writev (native) from applyUpdate yjs/dist/yjs.mjs:100');
    expect(row(summary.byArea, 'yjs')).toMatchObject({ share: 0.5 });
    expect(row(summary.byArea, 'apps/server/src/collab')).toMatchObject({ share: 0.5 });
  });

  it('counts a recursive function of the server’s own code once, with everything it called', () => {
    expect(summary.ownInclusive).toEqual([{ what: 'handle apps/server/src/collab/connection.ts', share: 1, microsPerUpdate: 10 }]);
  });
});
