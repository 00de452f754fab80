/**
 * The servers the peers suite compares, each behind one interface: start on a data directory
 * (again on the same one to restart), a WebSocket base and rooms for the shared client code,
 * and the process to measure, kill -9 or stop. Each runs as its own Node process, the way it
 * is deployed: Fullcourt by its `serve` script, Hocuspocus and the y-websocket server as plain
 * JavaScript on bare Node.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlaybook } from '../../../tests/integration/helpers/api';
import { ownerEnv, signInOwner } from '../../../tests/integration/helpers/auth';
import { unlimited } from '../collab/benchServer';
import type { Dialect } from '../collab/wire';
import { type PeerProcess, spawnPeer } from './peerProcess';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RunningPeer extends PeerProcess {
  wsBase: string;
  /** Credentials on every upgrade (Fullcourt's owner session; the others take anyone). */
  headers?: Record<string, string>;
  /** A room for a new document: Fullcourt creates an empty playbook; the others open one on first use. */
  createRoom(title: string): Promise<string>;
}

export interface PeerServer {
  /** Stable key for latest.json and file names. */
  key: string;
  label: string;
  dialect: Dialect;
  /** Script URLs of the server's own code, for the profile's inclusive view. */
  ownCode: RegExp;
  start(dataDir: string, options?: { inspect?: boolean }): Promise<RunningPeer>;
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A room name for servers that open any document they are asked for. */
function anyRoom(title: string): Promise<string> {
  return Promise.resolve(`${title.replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}`);
}

/**
 * Fullcourt as `npm run serve` starts it (read from package.json, so the bench follows when that
 * script changes, say to compiled JavaScript), every setting at its default but address and data:
 * the environment the script sets (`NAME=value` words before `node`) and node's arguments.
 */
function fullcourtCommand(): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const serve = pkg.scripts.serve ?? '';
  const words = serve.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
    const [name, ...value] = (words.shift() as string).split('=');
    env[name as string] = value.join('=');
  }
  const [command, ...args] = words;
  if (command !== 'node') throw new Error(`the peers bench runs "npm run serve" as "[NAME=value...] node <args>"; it is "${serve}"`);
  return { env, args };
}

let built = false;

/** `npm run serve` runs the compiled server: build it from the sources as they are now, once per bench run, so a stale build is never measured. */
function buildServerOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [join(root, 'apps/server/scripts/build.mjs')], { stdio: 'inherit' });
  built = true;
}

export const fullcourt: PeerServer = {
  key: 'fullcourt',
  label: 'Fullcourt',
  dialect: 'y-websocket',
  // The compiled server bundles its dependencies but the collaboration hot path's (see apps/server/scripts/build.mjs).
  ownCode: /^file:\/\/.*\/apps\/server\/(src|dist)\//,
  async start(dataDir, options = {}) {
    buildServerOnce();
    const serve = fullcourtCommand();
    const process = await spawnPeer({
      args: serve.args,
      // The same checks run, with limits no single benchmark client reaches (the peers have none).
      env: { ...serve.env, HOST: '127.0.0.1', DATA_DIR: dataDir, ...ownerEnv, ...unlimited },
      cwd: root,
      inspect: options.inspect,
    });
    // Every client edits as the owner, as a signed-in person in a browser does.
    const cookie = await signInOwner(process.httpUrl, dataDir);
    return {
      ...process,
      wsBase: `ws://127.0.0.1:${process.port}/collab`,
      headers: { cookie },
      createRoom: (title) => createPlaybook(process.httpUrl, title, 'empty'),
    };
  },
};

export const hocuspocus: PeerServer = {
  key: 'hocuspocus',
  label: `Hocuspocus ${packageVersion('@hocuspocus/server')} + SQLite`,
  dialect: 'hocuspocus',
  ownCode: /\/node_modules\/@hocuspocus\//,
  async start(dataDir, options = {}) {
    const process = await spawnPeer({
      args: [fileURLToPath(new URL('./hocuspocusServer.mjs', import.meta.url))],
      env: { DATABASE: join(dataDir, 'hocuspocus.sqlite') },
      cwd: root,
      inspect: options.inspect,
    });
    return { ...process, wsBase: `ws://127.0.0.1:${process.port}`, createRoom: anyRoom };
  },
};

/** The reference server's own executable, with its LevelDB persistence switched on (YPERSISTENCE). */
export const yWebsocketServer: PeerServer = {
  key: 'y-websocket-server',
  label: `y-websocket-server ${packageVersion('@y/websocket-server')} + LevelDB`,
  dialect: 'y-websocket',
  ownCode: /\/node_modules\/@y\/websocket-server\//,
  async start(dataDir, options = {}) {
    const process = await spawnPeer({
      args: [join(root, 'node_modules/@y/websocket-server/src/server.js')],
      env: { HOST: '127.0.0.1', YPERSISTENCE: join(dataDir, 'leveldb') },
      cwd: root,
      inspect: options.inspect,
    });
    return { ...process, wsBase: `ws://127.0.0.1:${process.port}`, createRoom: anyRoom };
  },
};

export const peerServers: PeerServer[] = [fullcourt, hocuspocus, yWebsocketServer];
