import { createWriteStream, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { z } from '@hono/zod-openapi';
import type { versionSummary } from '../../server/src/http/routes/versions/schema';
import { ApiError, FullcourtClient } from './client';
import { storeToken, tokenFor } from './credentials';
import { terminalText } from './terminalText';

const usage = `Usage: fullcourt <command> [options]

Commands:
  export <playbook> [--format json|md|html] [--version live|published|<n>] [--out FILE]
  version list <playbook>
  version create <playbook> --label "Q3 kickoff" [--note "agreed in workshop"]
  version publish <playbook> <number>
  admin backup --out FILE
                 download a consistent backup of the server's database while people edit (owners;
                 a token with the backup scope)
  admin restore --from FILE [--data-dir DIR]
                 put a backup in place as DIR's database (default: $DATA_DIR or ./data), with the
                 server stopped; the database it replaces is kept beside it
  login          store an API token for the server (read from standard input), readable only by you
  logout         forget the stored token

Options:
  --server URL   the Fullcourt server (default: $FULLCOURT_SERVER or http://localhost:3000)

Authentication: an API token (create one in the app, or POST /api/v1/tokens) in $FULLCOURT_TOKEN,
or stored by \`fullcourt login\`. Tokens are sent as \`Authorization: Bearer\`, never in URLs.
  --help         show this help`;

/** A version as /api/v1 answers it: the type of the server's own response schema (a type only; nothing of the server is bundled). */
type VersionSummary = z.infer<typeof versionSummary>;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string', default: process.env.FULLCOURT_SERVER ?? 'http://localhost:3000' },
      format: { type: 'string', default: 'json' },
      version: { type: 'string' },
      out: { type: 'string', short: 'o' },
      label: { type: 'string' },
      note: { type: 'string', default: '' },
      from: { type: 'string' },
      'data-dir': { type: 'string', default: process.env.DATA_DIR ?? './data' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  if (command === 'login') return login(values.server);
  if (command === 'logout') {
    console.log(`Forgot the token for ${values.server} (${storeToken(values.server, undefined)}).`);
    return 0;
  }
  // Offline: needs the data folder, not a server or a token.
  if (command === 'admin' && rest[0] === 'restore') return restore(values.from, values['data-dir']);
  const client = new FullcourtClient(values.server, tokenFor(values.server));

  if (command === 'admin') {
    const [action] = rest;
    if (action !== 'backup') return fail(`Unknown admin action '${action ?? ''}': use backup or restore.`);
    if (!values.out) return fail('Say where to write the backup: fullcourt admin backup --out FILE');
    return backup(client, values.out);
  }

  if (command === 'export') {
    const [playbook] = rest;
    if (!playbook) return fail('Name the playbook to export: fullcourt export <playbook>');
    if (!['json', 'md', 'html'].includes(values.format)) return fail(`Unknown format '${values.format}': use json, md or html.`);
    const query = new URLSearchParams({ format: values.format, ...(values.version ? { version: values.version } : {}) });
    const body = await (await client.request('GET', `/playbooks/${encodeURIComponent(playbook)}/export?${query}`)).text();
    if (values.out) writeFileSync(values.out, body);
    else process.stdout.write(process.stdout.isTTY ? terminalText(body) : body);
    return 0;
  }

  if (command === 'version') {
    const [action, playbook, number] = rest;
    if (!playbook) return fail('Name the playbook: fullcourt version list|create|publish <playbook>');
    const base = `/playbooks/${encodeURIComponent(playbook)}/versions`;
    if (action === 'list') {
      const { items } = await client.json<{ items: VersionSummary[] }>('GET', base);
      for (const v of items) {
        console.log(
          terminalText(
            `${String(v.number).padStart(4)}  ${v.published ? 'published ' : ''}${v.kind === 'checkpoint' ? '(checkpoint) ' : ''}${v.label} — ${v.author}, ${v.createdAt}`,
          ),
        );
      }
      return 0;
    }
    if (action === 'create') {
      if (!values.label) return fail('Give the version a label: --label "Q3 kickoff"');
      const v = await client.json<VersionSummary>('POST', base, { label: values.label, note: values.note });
      console.log(terminalText(`Saved version ${v.number}: ${v.label}`));
      return 0;
    }
    if (action === 'publish') {
      if (!number || !/^\d+$/.test(number))
        return fail('Name the version number to publish: fullcourt version publish <playbook> <number>');
      const { published } = await client.json<{ published: VersionSummary }>('POST', `${base}/${number}/publish`);
      console.log(terminalText(`Published version ${published.number}: ${published.label}`));
      return 0;
    }
    return fail(`Unknown version action '${action ?? ''}': use list, create or publish.`);
  }
  return fail(`Unknown command '${command}'.\n\n${usage}`);
}

/** Streams the server's backup into `out`, through a temporary name so a cut download never looks like a backup. */
async function backup(client: FullcourtClient, out: string): Promise<number> {
  const res = await client.request('POST', '/admin/backup');
  if (!res.body) return fail('The server sent an empty backup.');
  const partial = `${out}.partial`;
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(partial));
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  console.log(`Wrote the backup to ${out} (${statSync(out).size} bytes).`);
  return 0;
}

/** Puts a backup in place as a data folder's database, offline (the server's own restore, which refuses while a server runs). */
async function restore(from: string | undefined, dataDir: string): Promise<number> {
  if (!from) return fail('Name the backup to restore: fullcourt admin restore --from FILE [--data-dir DIR]');
  // Loaded only here: the other commands never open a database.
  const { restoreSqliteBackup, InvalidBackupError, InstanceLockedError } = await import('../../server/src/db');
  try {
    const { database, keptAside } = restoreSqliteBackup(resolve(from), resolve(dataDir));
    console.log(`Restored ${from} as ${database}.`);
    if (keptAside) console.log(`The database it replaced is kept as ${keptAside}.`);
    console.log('Start the server on that folder; sign-ins need the same AUTH_SECRET (or DATA_DIR/auth-secret) as before.');
    return 0;
  } catch (error) {
    if (error instanceof InvalidBackupError || error instanceof InstanceLockedError) {
      console.error(`Nothing was restored: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** Reads a token from standard input, checks it against the server, and stores it (mode 0600). */
async function login(server: string): Promise<number> {
  if (process.stdin.isTTY) process.stderr.write(`Paste an API token for ${server} (fc_…), then press Enter: `);
  const token = (await readLine()).trim();
  if (!token.startsWith('fc_')) return fail('That is not a Fullcourt API token: they start with fc_.');
  await new FullcourtClient(server, token).request('GET', '/playbooks?limit=1');
  console.log(`Signed in to ${server}; the token is stored in ${storeToken(server, token)}.`);
  return 0;
}

async function readLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (process.stdin.isTTY && text.includes('\n')) break;
  }
  return text.split('\n')[0] ?? '';
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ApiError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(terminalText((error as Error).message));
    process.exitCode = 1;
  } else {
    throw error;
  }
}
