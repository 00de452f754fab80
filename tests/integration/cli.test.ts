import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaybook } from './helpers/api';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

const run = promisify(execFile);
const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/cli/bin/fullcourt.js');
const cli = (server: string, ...args: string[]) => run(process.execPath, [bin, ...args, '--server', server]);

afterEach(closeAllTestServers);

describe('the fullcourt command line', () => {
  it('creates, lists and publishes versions, and exports the published playbook as Markdown and HTML', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    expect((await cli(server.url, 'version', 'create', id, '--label', 'Q3 kickoff')).stdout).toContain('Saved version 1: Q3 kickoff');
    expect((await cli(server.url, 'version', 'publish', id, '1')).stdout).toContain('Published version 1');
    expect((await cli(server.url, 'version', 'list', id)).stdout).toMatch(/1 {2}published Q3 kickoff/);

    const markdown = (await cli(server.url, 'export', id, '--format', 'md')).stdout;
    expect(markdown).toMatch(/^# Revenue playbook/);
    expect(markdown).toContain('## Service-level agreements');
    const html = (await cli(server.url, 'export', id, '--format', 'html')).stdout;
    expect(html).toContain('<h1>Revenue playbook</h1>');
  });

  it('prints labels without the terminal escape sequences someone typed into them', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const label = 'Q3\u001b]0;pwned\u0007 kickoff\u001b[2J\rforged';
    expect((await cli(server.url, 'version', 'create', id, '--label', label)).stdout).toBe(
      'Saved version 1: Q3]0;pwned kickoff[2Jforged\n',
    );
    const listed = (await cli(server.url, 'version', 'list', id)).stdout;
    expect(listed).toContain('Q3]0;pwned kickoff[2Jforged');
    for (const control of ['\u001b', '\u0007', '\r']) expect(listed).not.toContain(control);
  });

  it('says what went wrong when the playbook does not exist', async () => {
    const server = await startTestServer();
    const failure = await cli(server.url, 'export', 'nope').then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Not found.*nope/);
  });
});
