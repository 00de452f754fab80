/**
 * `npm run bench`: runs every suite (each prints a short table as it goes) and writes all their
 * figures to bench/results/latest.json. Suites are benchmarks, not tests: they report medians and
 * ratios against a peer measured in the same run, and never fail on a number.
 * `npm run bench -- <suite name>...` runs only the named suites (`npm run bench -- peers`: the
 * peer servers' table alone); `--cpu-prof` also profiles the servers where a suite can (peers);
 * `--peers=fullcourt,hocuspocus` and `--trace-txns=N` make the peers suite quicker to iterate on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import browserLoad from '../apps/web/bench/browserLoad';
import type { BenchOptions, BenchSuite } from './suite';
import collabFanout from './suites/collabFanout';
import collabThroughput from './suites/collabThroughput';
import peers from './suites/peers';
import playbookModel from './suites/playbookModel';
import readerPush from './suites/readerPush';
import restReads from './suites/restReads';
import scaleOut from './suites/scaleOut';
import typing from './suites/typing';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const only = args.filter((arg) => !arg.startsWith('--'));
const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const traceTxns = flag('trace-txns');
const options: BenchOptions = {
  cpuProf: args.includes('--cpu-prof'),
  peers: flag('peers')?.split(','),
  traceTxns: traceTxns === undefined ? undefined : Number(traceTxns),
};
const known = ['--cpu-prof', '--peers=', '--trace-txns='];
const unknown = args.filter((arg) => arg.startsWith('--') && !known.some((k) => (k.endsWith('=') ? arg.startsWith(k) : arg === k)));
if (unknown.length > 0) throw new Error(`unknown bench option(s): ${unknown.join(' ')} (known: ${known.join(' ')})`);
if (options.traceTxns !== undefined && !(Number.isInteger(options.traceTxns) && options.traceTxns > 0)) {
  throw new Error('--trace-txns takes a positive whole number');
}

const suites: BenchSuite[] = [collabFanout, collabThroughput, peers, playbookModel, restReads, readerPush, browserLoad, typing, scaleOut];
const unknownSuites = only.filter((name) => !suites.some((suite) => suite.name === name));
if (unknownSuites.length > 0)
  throw new Error(`unknown suite(s): ${unknownSuites.join(' ')} (known: ${suites.map((s) => s.name).join(' ')})`);

// The machine is shared: the load around the run says how much to trust its figures.
const loadBefore = loadavg();
const results: Record<string, unknown> = {};
let failed = false;
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  console.log(`\n## ${suite.name}`);
  try {
    results[suite.name] = await suite.run(options);
  } catch (error) {
    // One broken suite must not cost the others' figures; the exit code still says it broke.
    failed = true;
    results[suite.name] = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    console.error(`${suite.name} failed:`, error);
  }
}

const out = join(here, 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
const machine = { cpus: availableParallelism(), loadAverageBefore: loadBefore, loadAverageAfter: loadavg() };
writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, machine, results }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
if (failed) process.exitCode = 1;
