import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What one process has used so far, read from /proc (Linux only), so any server can be measured without its help. */
export interface ProcessStats {
  /** User plus system CPU time of every thread of the process, in microseconds. */
  cpuMicros: number;
  /** Resident set size now, in bytes. */
  rssBytes: number;
  /** Highest resident set size so far (VmHWM), in bytes. */
  peakRssBytes: number;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

export function processStats(pid: number): ProcessStats {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name, which may itself hold spaces: state is field 3,
  // utime field 14 and stime field 15 (proc(5)), in clock ticks.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? Number.NaN);
  return {
    cpuMicros: (ticks / clockTicks()) * 1e6,
    rssBytes: kib('VmRSS') * 1024,
    peakRssBytes: kib('VmHWM') * 1024,
  };
}
