import { describe, expect, it } from 'vitest';
import type { PlaybookAccessRecord } from '../db/accountStorage';
import { type Actor, anonymousActor, systemActor } from '../identity/actor';
import { refusal, workspace } from './authorize';
import { playbookRoleOf } from './playbookRole';

const access = (over: Partial<PlaybookAccessRecord> = {}): PlaybookAccessRecord => ({
  playbookId: 'p1',
  defaultAccess: 'none',
  createdBy: null,
  deletedAt: null,
  grants: [],
  ...over,
});
const person = (role: Actor['role'], over: Partial<Actor> = {}): Actor => ({
  kind: 'user',
  id: 'u1',
  name: 'U',
  role,
  teamIds: [],
  ...over,
});

describe('the role someone holds on a playbook', () => {
  it('is the best of the default access, their own grant and their teams’ grants', () => {
    const shared = access({
      defaultAccess: 'view',
      grants: [
        { subjectKind: 'team', subjectId: 'sales', role: 'editor' },
        { subjectKind: 'user', subjectId: 'u2', role: 'manager' },
      ],
    });
    expect(playbookRoleOf(person('member'), shared)).toBe('viewer');
    expect(playbookRoleOf(person('member', { teamIds: ['sales'] }), shared)).toBe('editor');
    expect(playbookRoleOf(person('member', { id: 'u2', teamIds: ['sales'] }), shared)).toBe('manager');
  });

  it('caps workspace viewers at viewer, and gives owners and admins manager everywhere', () => {
    const granted = access({ grants: [{ subjectKind: 'user', subjectId: 'u1', role: 'manager' }] });
    expect(playbookRoleOf(person('viewer'), granted)).toBe('viewer');
    expect(playbookRoleOf(person('viewer'), access())).toBeNull();
    expect(playbookRoleOf(person('admin'), access())).toBe('manager');
    expect(playbookRoleOf(anonymousActor, access({ defaultAccess: 'edit' }))).toBeNull();
  });
});

describe('refusals', () => {
  const resource = { kind: 'playbook', access: access({ defaultAccess: 'edit' }) } as const;
  const token = (scopes: string[], playbookIds: string[] | null = null): Actor =>
    person('owner', { kind: 'token', token: { id: 't', kind: 'personal', scopes: scopes as never, playbookIds } });

  it('say why: no credentials, hidden, role or scope', () => {
    expect(refusal(anonymousActor, 'playbook.readLive', resource)).toBe('unauthenticated');
    expect(refusal(person('member'), 'playbook.readLive', { kind: 'playbook', access: access() })).toBe('hidden');
    expect(refusal(person('member'), 'version.publish', resource)).toBe('role');
    expect(refusal(token(['read']), 'playbook.readLive', resource)).toBe('scope');
    expect(refusal(token(['read:live'], ['p2']), 'playbook.readLive', resource)).toBe('hidden');
    expect(refusal(token(['write'], ['p1']), 'playbook.create', workspace)).toBe('scope');
  });

  it('hide what is in the trash from everyone but the server', () => {
    const trashed = { kind: 'playbook', access: access({ defaultAccess: 'edit', deletedAt: new Date() }) } as const;
    expect(refusal(person('owner'), 'playbook.readLive', trashed)).toBe('hidden');
    expect(refusal(systemActor, 'version.create', trashed)).toBeNull();
  });

  it('keep people-only actions from every token, whatever its scopes', () => {
    const all = token(['read', 'read:live', 'write', 'publish', 'webhooks']);
    expect(refusal(all, 'playbook.share', resource)).toBe('scope');
    expect(refusal(all, 'people.manage', workspace)).toBe('scope');
    expect(refusal(all, 'version.publish', resource)).toBeNull();
  });
});
