import { describe, expect, it } from 'vitest';
import { type ConnectionEvent, initialConnection, nextConnection } from './connectionState';

const run = (events: ConnectionEvent[], online = true) => events.reduce(nextConnection, initialConnection(online));

describe('connection state', () => {
  it('is connected only once the document has synced', () => {
    expect(run([{ type: 'status', status: 'connected' }]).status).toBe('connecting');
    expect(run([{ type: 'status', status: 'connected' }, { type: 'synced' }]).status).toBe('connected');
  });

  it('says reconnecting after losing a synced connection, connecting before the first sync', () => {
    expect(run([{ type: 'synced' }, { type: 'status', status: 'disconnected' }]).status).toBe('reconnecting');
    expect(run([{ type: 'status', status: 'disconnected' }]).status).toBe('connecting');
  });

  it('stays offline while the browser is offline, whatever the socket does', () => {
    const state = run([{ type: 'synced' }, { type: 'browser-offline' }, { type: 'status', status: 'connecting' }]);
    expect(state.status).toBe('offline');
    expect(nextConnection(state, { type: 'browser-online' }).status).toBe('reconnecting');
  });

  it('stops for good when the playbook is too large, and explains why', () => {
    const state = run([{ type: 'synced' }, { type: 'closed-by-server', code: 4413, reason: 'too large' }, { type: 'synced' }]);
    expect(state.status).toBe('stopped');
    expect(state.detail).toMatch(/size limit/);
  });

  it('stops instead of resending a change the server refused as too big, and says what to do', () => {
    const state = run([{ type: 'synced' }, { type: 'closed-by-server', code: 1009, reason: 'Message of 3000000 bytes exceeds the limit' }]);
    expect(state.status).toBe('stopped');
    expect(state.detail).toMatch(/Undo it/);
  });

  it('keeps retrying when the server could not load the playbook, with a reason', () => {
    const state = run([{ type: 'closed-by-server', code: 4500, reason: '' }]);
    expect(state.status).toBe('connecting');
    expect(state.detail).toMatch(/could not load/);
  });

  it('keeps retrying after a rate limit (4429) or a busy server (1013), and says the edits are kept', () => {
    for (const code of [4429, 1013]) {
      const state = run([{ type: 'synced' }, { type: 'closed-by-server', code, reason: 'Over 100 messages a second' }]);
      expect(state.status).toBe('reconnecting');
      expect(state.detail).toMatch(/edits are kept/);
    }
  });
});
