import type { RichText } from '../records/RichText';
import type { Change } from './Change';
import { type ChangeMaker, q } from './context';
import { textChanges } from './textDiff';

// Sentence builders for the kinds of fields records have. `label` names the item ("Stage 'Evaluate'").

/** "Stage 'Consider' renamed to 'Evaluate'". */
export function renamed(make: ChangeMaker, label: string, path: string[], before: string, after: string): Change[] {
  if (before === after) return [];
  return [make('changed', path, `${label} renamed to ${q(after)}`, { before, after })];
}

const LONG = 80;

/** "Stage 'Evaluate': goal 'a' → 'b'"; long texts are worded as added and removed text instead. */
export function textChange(make: ChangeMaker, label: string, field: string, path: string[], before: string, after: string): Change[] {
  if (before === after) return [];
  if (before.length <= LONG && after.length <= LONG) {
    const show = (s: string) => (s.trim() === '' ? '(empty)' : `'${s}'`);
    return [make('changed', path, `${label}: ${field} ${show(before)} → ${show(after)}`, { before, after })];
  }
  const changes = textChanges(before, after);
  return [make('changed', path, `${label}: ${field} ${describeText(changes)}`, { before, after, textChanges: changes })];
}

/** A rich-text field: "Page 'Glossary': added “…”; removed “…”". */
export function richChange(make: ChangeMaker, label: string, path: string[], before: RichText, after: RichText): Change[] {
  if (before.markdown === after.markdown) return [];
  const changes = textChanges(before.markdown, after.markdown);
  return [
    make('changed', path, `${label}: ${describeText(changes)}`, {
      before: before.markdown,
      after: after.markdown,
      textChanges: changes,
    }),
  ];
}

/** "added “A”; removed “B”", at most two snippets of each, shortened; "formatting changed" when no words moved. */
export function describeText(changes: { added: string[]; removed: string[]; rewritten?: true }): string {
  if (changes.rewritten) return 'rewritten';
  const list = (snippets: string[]) => {
    const shown = snippets.slice(0, 2).map((s) => `“${s.length > 60 ? `${s.slice(0, 59).trimEnd()}…` : s}”`);
    const more = snippets.length - shown.length;
    return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
  };
  const parts: string[] = [];
  if (changes.added.length > 0) parts.push(`added ${list(changes.added)}`);
  if (changes.removed.length > 0) parts.push(`removed ${list(changes.removed)}`);
  return parts.length > 0 ? parts.join('; ') : 'formatting changed';
}

/** A list of short lines: "Stage 'Evaluate': exit signal added 'Asks for a quote'". Lines are compared as a multiset. */
export function lineChanges(make: ChangeMaker, label: string, noun: string, path: string[], before: string[], after: string[]): Change[] {
  const remaining = new Map<string, number>();
  for (const line of before) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of after) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) remaining.set(line, left - 1);
    else added.push(line);
  }
  const removed = [...remaining].flatMap(([line, count]) => Array<string>(count).fill(line));
  return [
    ...added.map((line) => make('added', path, `${label}: ${noun} added ${q(line)}`, { after: line })),
    ...removed.map((line) => make('removed', path, `${label}: ${noun} removed ${q(line)}`, { before: line })),
  ];
}

/** An atomic value with its own wording: "SLA MQL → SAL: response time 24 hours → 4 hours". */
export function valueChange<T>(
  make: ChangeMaker,
  label: string,
  field: string,
  path: string[],
  before: T,
  after: T,
  format: (value: T) => string,
): Change[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [make('changed', path, `${label}: ${field} ${format(before)} → ${format(after)}`, { before, after })];
}
