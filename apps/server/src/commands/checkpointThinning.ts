const hour = 3_600_000;
const day = 24 * hour;

/**
 * Which automatic checkpoints to delete so history stays cheap: every checkpoint from the
 * last day, the newest of each hour for a week, the newest of each day after that.
 */
export function checkpointsToThin(checkpoints: { id: string; createdAt: Date }[], now: Date): string[] {
  const keep = new Set<string>();
  const newestPerBucket = new Map<string, { id: string; at: number }>();
  for (const { id, createdAt } of checkpoints) {
    const at = createdAt.getTime();
    const age = now.getTime() - at;
    if (age < day) {
      keep.add(id);
      continue;
    }
    const bucket = age < 7 * day ? `h${Math.floor(at / hour)}` : `d${Math.floor(at / day)}`;
    const current = newestPerBucket.get(bucket);
    if (!current || at > current.at) newestPerBucket.set(bucket, { id, at });
  }
  for (const { id } of newestPerBucket.values()) keep.add(id);
  return checkpoints.filter((c) => !keep.has(c.id)).map((c) => c.id);
}

/**
 * Which "Before restoring" backups to delete so repeated restores cannot grow history without
 * end: the newest `keep` stay (by version number, so the one just saved is never among those deleted).
 */
export function backupsToThin(backups: { id: string; number: number }[], keep: number): string[] {
  return [...backups]
    .sort((a, b) => b.number - a.number)
    .slice(keep)
    .map((b) => b.id);
}
