import type { Change, ChangeKind, StepMeter } from '@fullcourt/playbook';
import { sectionLabels, sectionOfFinding } from '../editor/sections';

/** Changes of one part of the playbook, headed the way the editor's navigation names it. */
export interface ChangeGroup {
  heading: string;
  changes: Change[];
}

export const changeKindLabels: Record<ChangeKind, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  moved: 'Moved',
};

/** The editor section a change is made in; the title, description and currency belong to the playbook itself. */
function headingOf(change: Change): string {
  if (change.section === 'playbook') return 'Playbook';
  return sectionLabels[sectionOfFinding({ path: [change.section] })];
}

/** Groups changes under section headings, in the order the server lists them (playbook order). */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  for (const change of changes) {
    const heading = headingOf(change);
    const group = groups.find((g) => g.heading === heading);
    if (group) group.changes.push(change);
    else groups.push({ heading, changes: [change] });
  }
  return groups;
}

/**
 * The sentence to head a text change whose words are shown inline below it. The server's
 * sentence ends with a shortened list of the added and removed snippets ("Page 'Glossary': added
 * “…”; removed “…”"); with the words shown in place, the subject ("Page 'Glossary'") says enough.
 */
export function changeHeadline(change: Pick<Change, 'text' | 'textChanges'>, meter?: StepMeter): string {
  if (!change.textChanges) return change.text;
  const text = change.text;
  // Where the list of snippets (or the one-word summary) starts: found with indexOf, in one pass.
  const snippets = [text.indexOf('added “'), text.indexOf('removed “')].filter((at) => at >= 0);
  const summary = ['formatting changed', 'rewritten'].find((word) => text.endsWith(word));
  const at = snippets.length > 0 ? Math.min(...snippets) : summary ? text.length - summary.length : -1;
  if (meter) meter.steps += text.length * 4; // the four indexOf/endsWith scans
  if (at < 0) return text;
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1] as string)) {
    if (meter) meter.steps++;
    end--;
  }
  if (text[end - 1] === ':') end--;
  return end === 0 ? text : text.slice(0, end);
}

/** The before and after texts of a change that has them as strings (rich text arrives as Markdown). */
export function textSides(change: Pick<Change, 'before' | 'after' | 'textChanges'>): { before: string; after: string } | null {
  if (!change.textChanges) return null;
  const before = typeof change.before === 'string' ? change.before : '';
  const after = typeof change.after === 'string' ? change.after : '';
  return before === '' && after === '' ? null : { before, after };
}
