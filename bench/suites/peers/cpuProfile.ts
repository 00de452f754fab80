/**
 * `--cpu-prof` for a server in another process: the bench attaches to the V8 inspector the
 * server was started with (`--inspect=127.0.0.1:0`) and samples exactly the interval it cares
 * about (the saturated trace replay), which Node's own `--cpu-prof` cannot do: that profiles
 * the whole life of the process and writes nothing when it is killed with -9.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket from 'ws';

/** The parts of a V8 CPU profile (Chrome DevTools' .cpuprofile format) the summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** One Chrome DevTools Protocol session over the inspector's WebSocket. */
export class InspectorSession {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    });
  }

  static connect(url: string): Promise<InspectorSession> {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new InspectorSession(socket)));
      socket.once('error', reject);
    });
  }

  post<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (result) => resolve(result as T), reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Starts sampling every `intervalMicros` (Node's `--cpu-prof` default is 1,000). */
  async startProfiling(intervalMicros = 1_000): Promise<void> {
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: intervalMicros });
    await this.post('Profiler.start');
  }

  async stopProfiling(): Promise<CpuProfile> {
    const { profile } = await this.post<{ profile: CpuProfile }>('Profiler.stop');
    return profile;
  }

  close(): void {
    this.socket.close();
  }
}

const rootUrl = pathToFileURL(resolve(dirname(fileURLToPath(import.meta.url)), '../../..')).href;

/** A script URL without the repository's own location: `apps/server/src/...`, or the package path after node_modules. */
function shortFile(url: string): string {
  const inPackage = url.lastIndexOf('/node_modules/');
  if (inPackage >= 0) return url.slice(inPackage + '/node_modules/'.length);
  return url.startsWith(`${rootUrl}/`) ? url.slice(rootUrl.length + 1) : url;
}

/** Where a function's code comes from, coarse enough to compare servers built from different parts: a package, or a source folder. */
function areaOf(url: string): string {
  if (url.startsWith('node:')) return 'node:internal';
  const file = shortFile(url);
  const pkg = /^((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (url.includes('/node_modules/') && pkg) return pkg[1] as string;
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : file;
}

export interface ProfileRow {
  what: string;
  /** Share of the sampled busy time (everything but "(idle)"). */
  share: number;
  /** That share of the CPU time per update measured from /proc over the same interval. */
  microsPerUpdate: number;
}

export interface ProfileSummary {
  sampledMs: number;
  /** The server's own functions by inclusive time (self plus what they call): where an update's time goes, in its terms. */
  ownInclusive: ProfileRow[];
  /** Sampled time not idle. On a shared machine it counts time the process waited for a core, so only shares are used. */
  busyMs: number;
  byArea: ProfileRow[];
  topFunctions: ProfileRow[];
}

/**
 * Self time by area (package or source folder) and by function, the top `limit` of each.
 * Native code and builtins (no script URL: `writev`, `JSON.parse`) are named with and counted in
 * the area of the script that called them, so socket writes land with the code that sends.
 * Samples are wall-clock intervals, so on a loaded machine a descheduled process still gets
 * samples; their shares are apportioned to `cpuMicrosPerUpdate`, measured by the caller.
 */
export function summarizeProfile(
  profile: CpuProfile,
  cpuMicrosPerUpdate: number,
  isOwnCode: (url: string) => boolean,
  limit = 15,
): ProfileSummary {
  const selfMicros = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample's time is the gap to the next one (how DevTools attributes it).
  for (let i = 0; i < samples.length; i += 1) {
    const node = samples[i] as number;
    selfMicros.set(node, (selfMicros.get(node) ?? 0) + (deltas[i + 1] ?? 0));
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  /** The nearest caller (or the node itself) that has a script URL. */
  const scripted = (id: number) => {
    let node = byId.get(id);
    while (node && node.callFrame.url === '') node = byId.get(parentOf.get(node.id) ?? -1);
    return node;
  };

  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const ownInclusive = inclusiveTimes(profile, selfMicros, isOwnCode);
  let busy = 0;
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy += micros;
    let area: string;
    let key: string;
    if (url !== '') {
      area = areaOf(url);
      key = `${functionName || '(anonymous)'} ${fileAndLine(url, lineNumber)}`;
    } else {
      const caller = functionName.startsWith('(') ? undefined : scripted(node.id);
      area = caller ? areaOf(caller.callFrame.url) : functionName;
      key = caller
        ? `${functionName} (native) from ${caller.callFrame.functionName || '(anonymous)'} ${fileAndLine(caller.callFrame.url, caller.callFrame.lineNumber)}`
        : functionName;
    }
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const rows = (table: Map<string, number>) =>
    [...table.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([what, micros]) => {
        const share = micros / busy;
        return { what, share: Math.round(share * 1000) / 1000, microsPerUpdate: Math.round(share * cpuMicrosPerUpdate * 10) / 10 };
      });
  return {
    sampledMs: Math.round((profile.endTime - profile.startTime) / 1000),
    busyMs: Math.round(busy / 1000),
    ownInclusive: rows(ownInclusive),
    byArea: rows(byArea),
    topFunctions: rows(byFunction),
  };
}

/** Line numbers of code compiled on the fly (tsx) all read 1: leave them out there. */
function fileAndLine(url: string, lineNumber: number): string {
  return lineNumber > 0 ? `${shortFile(url)}:${lineNumber + 1}` : shortFile(url);
}

/** Inclusive time per function of the server's own code, a function that recurses counted once per stack. */
function inclusiveTimes(profile: CpuProfile, selfMicros: Map<number, number>, isOwnCode: (url: string) => boolean): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const children = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  const keyOf = (node: CpuProfile['nodes'][number]) => `${node.callFrame.functionName || '(anonymous)'} ${shortFile(node.callFrame.url)}`;
  const subtree = new Map<number, number>();
  const onStack = new Map<string, number>();
  const inclusive = new Map<string, number>();
  // Iterative post-order walk: profiles of deep recursion would overflow a recursive one.
  const stack = profile.nodes.filter((node) => !children.has(node.id)).map((node) => ({ id: node.id, entered: false }));
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as { id: number; entered: boolean };
    const node = byId.get(frame.id);
    if (!node) {
      stack.pop();
      continue;
    }
    const key = keyOf(node);
    if (!frame.entered) {
      frame.entered = true;
      onStack.set(key, (onStack.get(key) ?? 0) + 1);
      for (const child of node.children ?? []) stack.push({ id: child, entered: false });
      continue;
    }
    stack.pop();
    const depth = (onStack.get(key) ?? 1) - 1;
    onStack.set(key, depth);
    let micros = selfMicros.get(node.id) ?? 0;
    for (const child of node.children ?? []) micros += subtree.get(child) ?? 0;
    subtree.set(node.id, micros);
    if (depth === 0 && isOwnCode(node.callFrame.url)) inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
  }
  return inclusive;
}
