/** Longest base name of an export file: enough to recognise the playbook, short enough for any header or file system. */
const MAX_BASE = 80;

const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;

/**
 * The file name an export is offered under: the title's letters, digits, `_` and `-`, with every
 * other run of characters as one `-`, at most MAX_BASE long, so any title (even one stored
 * over-long before the limits) makes a short, safe `Content-Disposition`. One pass, stopping once
 * the name is full.
 */
export function exportFileName(title: string, extension: string, meter?: { steps: number }): string {
  let base = '';
  let gap = false;
  for (let i = 0; i < title.length && base.length < MAX_BASE; i++) {
    if (meter) meter.steps++;
    const code = title.charCodeAt(i);
    if (!isWordChar(code)) {
      gap = base !== '';
      continue;
    }
    if (gap && base.length < MAX_BASE - 1) base += '-';
    gap = false;
    base += title[i];
  }
  while (base.endsWith('-')) base = base.slice(0, -1);
  return `${base || 'playbook'}.${extension}`;
}
