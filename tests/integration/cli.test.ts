import { execFile } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaybook } from './helpers/api';
import { createToken } from './helpers/people';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

const run = promisify(execFile);
const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/cli/bin/fullcourt.js');
let env: NodeJS.ProcessEnv = {};
const cli = (server: string, ...args: string[]) =>
  run(process.execPath, [bin, ...args, '--server', server], { env: { ...process.env, ...env } });

afterEach(closeAllTestServers);

describe('the fullcourt command line', () => {
  it('creates, lists and publishes versions, and exports the published playbook as Markdown and HTML', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    env = { FULLCOURT_TOKEN: (await createToken(server.url, { name: 'CLI', scopes: ['read:live', 'write', 'publish'] })).token };
    expect((await cli(server.url, 'version', 'create', id, '--label', 'Q3 kickoff')).stdout).toContain('Saved version 1: Q3 kickoff');
    expect((await cli(server.url, 'version', 'publish', id, '1')).stdout).toContain('Published version 1');
    expect((await cli(server.url, 'version', 'list', id)).stdout).toMatch(/1 {2}published Q3 kickoff/);

    const markdown = (await cli(server.url, 'export', id, '--format', 'md')).stdout;
    expect(markdown).toMatch(/^# Revenue playbook/);
    expect(markdown).toContain('## Service-level agreements');
    const html = (await cli(server.url, 'export', id, '--format', 'html')).stdout;
    expect(html).toContain('<h1>Revenue playbook</h1>');
  });

  it('says what went wrong when the playbook does not exist', async () => {
    const server = await startTestServer();
    env = { FULLCOURT_TOKEN: (await createToken(server.url, { scopes: ['read'] })).token };
    const failure = await cli(server.url, 'export', 'nope').then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Not found.*nope/);
  });

  it('signs in with `fullcourt login`, keeping the token in a file only its owner can read, and asks for one without it', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const configDir = mkdtempSync(join(tmpdir(), 'fullcourt-cli-'));
    env = { FULLCOURT_CONFIG_DIR: configDir, FULLCOURT_TOKEN: '' };
    const unauthenticated = await cli(server.url, 'version', 'list', id).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(unauthenticated?.code).toBe(1);
    expect(unauthenticated?.stderr).toContain('fullcourt login');

    const { token } = await createToken(server.url, { scopes: ['read:live'] });
    const login = cli(server.url, 'login');
    login.child.stdin?.end(`${token}\n`);
    expect((await login).stdout).toContain('Signed in');
    expect(statSync(join(configDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    expect((await cli(server.url, 'version', 'list', id)).stdout).toBe('');
  });
});
