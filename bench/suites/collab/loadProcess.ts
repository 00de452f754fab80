import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * A load generator in its own process, driven over the IPC channel. The clients run apart from
 * the server under test so that, on a 2-core machine, the server has a core to itself as it
 * would in production, and client-side Yjs work is not billed to the server's event loop.
 * The child inherits `--import tsx` through execArgv.
 */
/** `Up` is what the child sends; `Down` what the parent sends after the start-up input. */
export class LoadProcess<Up, Down = never> {
  private readonly child: ChildProcess;
  private readonly inbox: Up[] = [];
  private waiter: { resolve: (message: Up) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  readonly exited: Promise<number | null>;

  constructor(script: URL, input: object) {
    this.child = fork(fileURLToPath(script), [JSON.stringify(input)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message) => {
      if (this.waiter) {
        const { resolve } = this.waiter;
        this.waiter = undefined;
        resolve(message as Up);
      } else {
        this.inbox.push(message as Up);
      }
    });
    this.exited = new Promise((done) => {
      this.child.once('exit', (code) => {
        this.failure = new Error(`load process ${script.pathname} exited with ${code}`);
        this.waiter?.reject(this.failure);
        this.waiter = undefined;
        done(code);
      });
    });
  }

  send(message: Down): void {
    this.child.send(message as object);
  }

  /** The next message from the child, in order. */
  receive(timeoutMs = 120_000): Promise<Up> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`no message from the load process within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = {
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  /** Stops the child if it is still running. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    await this.exited;
  }
}

const parentInbox: unknown[] = [];
let parentWaiter: ((message: unknown) => void) | undefined;

/** In the child: the input the parent passed. Call it first: it also starts listening to the parent. */
export function loadInput<In>(): In {
  // Listen before anything async happens, so a message the parent sends early is kept.
  process.on('message', (message) => {
    if (parentWaiter) {
      const waiter = parentWaiter;
      parentWaiter = undefined;
      waiter(message);
    } else {
      parentInbox.push(message);
    }
  });
  return JSON.parse(process.argv[2] ?? '{}') as In;
}

/** In the child: sends a message to the parent and resolves once it is handed to the channel. */
export function tellParent<Up>(message: Up): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('not started by LoadProcess: there is no IPC channel'));
      return;
    }
    process.send(message as object, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** In the child: the next message from the parent. */
export function hearFromParent<Down>(): Promise<Down> {
  if (parentInbox.length > 0) return Promise.resolve(parentInbox.shift() as Down);
  return new Promise((resolve) => {
    parentWaiter = (message) => resolve(message as Down);
  });
}
