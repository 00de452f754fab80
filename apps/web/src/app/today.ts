/** Today as YYYY-MM-DD in the person's own time zone: a review due "today" is not late yet where they sit. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
