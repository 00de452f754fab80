import { readFileSync } from 'node:fs';

/** What this process has written so far, from /proc/self/io (Linux only). */
export interface WrittenBytes {
  /** Bytes handed to write()/pwrite() and friends, sockets included: what SQLite asked to write. */
  syscall: number;
  /** Bytes this process dirtied in the page cache for storage: roughly what reaches the disk. */
  storage: number;
}

/** Undefined where /proc/self/io does not exist; the suite then reports file growth only. */
export function writtenBytes(): WrittenBytes | undefined {
  let io: string;
  try {
    io = readFileSync('/proc/self/io', 'utf8');
  } catch {
    return undefined;
  }
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? Number.NaN);
  return { syscall: field('wchar'), storage: field('write_bytes') };
}

/** Bytes written between two readings, per item; undefined when either reading is missing. */
export function writtenPer(before: WrittenBytes | undefined, after: WrittenBytes | undefined, items: number): WrittenBytes | undefined {
  if (!before || !after || items === 0) return undefined;
  return {
    syscall: Math.round((after.syscall - before.syscall) / items),
    storage: Math.round((after.storage - before.storage) / items),
  };
}
