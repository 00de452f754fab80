/**
 * Preloaded into the server under soak (`--import`): every SOAK_SAMPLE_MS it prints one JSON line
 * with its memory and the event-loop delay of the last interval, plus the delay since the soak's
 * warm-up ended (the parent sends SIGUSR2 then). The server itself is not changed: what is
 * measured is the process a team would run. Delays are sampled every millisecond and include that
 * millisecond (an idle loop reads about 1 ms).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const everyMs = Number(process.env.SOAK_SAMPLE_MS ?? 10_000);
const started = performance.now();
const interval = monitorEventLoopDelay({ resolution: 1 });
const sinceWarmup = monitorEventLoopDelay({ resolution: 1 });
interval.enable();
process.on('SIGUSR2', () => {
  sinceWarmup.reset();
  sinceWarmup.enable();
});

type Histogram = ReturnType<typeof monitorEventLoopDelay>;
const ms = (h: Histogram) => ({
  p50: h.count ? h.percentile(50) / 1e6 : 0,
  p99: h.count ? h.percentile(99) / 1e6 : 0,
  max: h.count ? h.max / 1e6 : 0,
  count: h.count,
});

setInterval(() => {
  const memory = process.memoryUsage();
  console.log(
    JSON.stringify({
      level: 30,
      time: Date.now(),
      msg: 'soak sample',
      atMs: Math.round(performance.now() - started),
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
      loop: ms(interval),
      loopSinceWarmup: ms(sinceWarmup),
    }),
  );
  interval.reset();
}, everyMs).unref();
