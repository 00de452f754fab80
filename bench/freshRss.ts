/**
 * The peers suite's fresh-RSS figure alone, a few times over, for iterating on memory at boot:
 * `node --import tsx bench/freshRss.ts [rounds] [--peers=fullcourt,hocuspocus]`. Each server starts
 * exactly as in the peers suite (./suites/peers/peerServers.ts: Fullcourt built and run by its
 * `serve` script, its owner signed in), its RSS is read 2 s after it first answers, and it stops
 * before the next starts. Rounds alternate the order; the medians and the ratio to the last peer
 * named (Hocuspocus by default) are printed, since one run on a shared machine varies by MiBs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { median, round } from './suite';
import { peerServers } from './suites/peers/peerServers';

const freshSettleMs = 2_000;
const args = process.argv.slice(2);
const rounds = Number(args.find((arg) => !arg.startsWith('--')) ?? 5);
const keys = (args.find((arg) => arg.startsWith('--peers='))?.slice('--peers='.length) ?? 'fullcourt,hocuspocus').split(',');
const servers = keys.map((key) => {
  const peer = peerServers.find((candidate) => candidate.key === key);
  if (!peer) throw new Error(`unknown peer ${key} (known: ${peerServers.map((p) => p.key).join(' ')})`);
  return peer;
});

const rss: Record<string, number[]> = Object.fromEntries(keys.map((key) => [key, []]));
for (let r = 0; r < rounds; r += 1) {
  for (const peer of r % 2 === 0 ? servers : [...servers].reverse()) {
    const dir = mkdtempSync(join(tmpdir(), `fullcourt-fresh-${peer.key}-`));
    const server = await peer.start(dir);
    try {
      await sleep(freshSettleMs);
      rss[peer.key]?.push(round(server.stats().rssBytes / 2 ** 20, 1));
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
const reference = median(rss[keys[keys.length - 1] as string] ?? []);
for (const key of keys) {
  const runs = rss[key] ?? [];
  console.log(`${key.padEnd(20)} median ${median(runs).toFixed(1)} MiB  ×${(median(runs) / reference).toFixed(2)}  runs ${runs.join(' ')}`);
}
