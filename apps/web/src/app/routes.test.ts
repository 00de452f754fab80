import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './routes';

describe('routes', () => {
  it('reads the home page, the editor, the reader and the workshop from a path', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/playbooks/abc')).toEqual({ name: 'editor', playbookId: 'abc', section: 'stages' });
    expect(parseRoute('/playbooks/abc/content')).toEqual({ name: 'editor', playbookId: 'abc', section: 'content' });
    expect(parseRoute('/playbooks/abc/read')).toEqual({ name: 'reader', playbookId: 'abc', stageId: null });
    expect(parseRoute('/playbooks/abc/read/stages/s1')).toEqual({ name: 'reader', playbookId: 'abc', stageId: 's1' });
    expect(parseRoute('/playbooks/abc/workshop/metrics')).toEqual({ name: 'workshop', playbookId: 'abc', section: 'metrics' });
  });

  it('calls an unknown path not found instead of guessing', () => {
    expect(parseRoute('/playbooks/abc/nope')).toEqual({ name: 'not-found', path: '/playbooks/abc/nope' });
    expect(parseRoute('/elsewhere')).toEqual({ name: 'not-found', path: '/elsewhere' });
  });

  it('writes paths that read back as the same route', () => {
    for (const path of [
      '/',
      '/playbooks/abc/pages',
      '/playbooks/abc/read',
      '/playbooks/abc/read/stages/s-1',
      '/playbooks/abc/workshop/stages',
    ]) {
      const route = parseRoute(path);
      if (route.name === 'not-found') throw new Error(path);
      expect(routePath(route)).toBe(path);
    }
  });

  it('reads the account screens from their own top-level paths, and writes them back', () => {
    for (const name of ['sign-in', 'setup', 'invite', 'profile', 'people', 'tokens', 'audit'] as const) {
      expect(parseRoute(`/${name}`)).toEqual({ name });
      expect(routePath({ name })).toBe(`/${name}`);
    }
    expect(parseRoute('/people/extra')).toEqual({ name: 'not-found', path: '/people/extra' });
  });
});
