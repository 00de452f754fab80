import { describe, expect, it } from 'vitest';
import { QuietTimer } from './quietTimer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('quiet timer', () => {
  it('runs a key’s task once, after touches for that key have stopped for the quiet period', async () => {
    const runs: string[] = [];
    const timer = new QuietTimer(
      60,
      async (key) => void runs.push(key),
      () => {},
    );
    for (let i = 0; i < 6; i++) {
      timer.touch('a');
      await sleep(20);
    }
    expect(runs).toEqual([]);
    await sleep(120);
    expect(runs).toEqual(['a']);
  });

  it('keeps keys apart and runs what is pending on flush', async () => {
    const runs: string[] = [];
    const timer = new QuietTimer(
      10_000,
      async (key) => void runs.push(key),
      () => {},
    );
    timer.touch('a');
    timer.touch('b');
    await timer.flush();
    expect(runs.sort()).toEqual(['a', 'b']);
    await timer.flush();
    expect(runs).toHaveLength(2);
  });

  it('reports a failing task instead of throwing', async () => {
    const errors: string[] = [];
    const timer = new QuietTimer(
      5,
      async () => Promise.reject(new Error('disk full')),
      (key, error) => errors.push(`${key}: ${(error as Error).message}`),
    );
    timer.touch('a');
    await sleep(60);
    expect(errors).toEqual(['a: disk full']);
  });
});
