/**
 * Preloaded into each server under BENCH_CPU_PROF=<folder> (Node refuses `--cpu-prof` in
 * NODE_OPTIONS): samples the whole life of the process and writes `<pid>.cpuprofile` there when it
 * exits. The in-process inspector answers synchronously, so the exit handler can still write.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const folder = process.env.BENCH_CPU_PROF;
if (folder) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1_000 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(folder, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
