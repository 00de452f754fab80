/**
 * The automerge-paper editing trace: every keystroke made while writing a LaTeX paper.
 * Prepared by Martin Kleppmann for automerge-perf, as distributed in Joseph Gentle's
 * editing-traces collection; CC BY 4.0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type * as Y from 'yjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Where the trace is: EDITING_TRACE if set, else `shared/data` beside the repository (as in CI), else the workplace copy. */
export const traceFile =
  [
    process.env.EDITING_TRACE,
    resolve(repoRoot, '../shared/data/automerge-paper.json.gz'),
    '/work/shared/data/automerge-paper.json.gz',
  ].find((file): file is string => Boolean(file && existsSync(file))) ?? resolve(repoRoot, '../shared/data/automerge-paper.json.gz');
export const traceAttribution =
  "automerge-paper editing trace by Martin Kleppmann (automerge-perf), via Joseph Gentle's editing-traces; CC BY 4.0";

/** [position, deleteCount, insertText], positions in characters of the text before the patch. */
export type Patch = [number, number, string];

export interface EditingTrace {
  startContent: string;
  endContent: string;
  txns: { patches: Patch[] }[];
}

export function loadEditingTrace(): EditingTrace {
  return JSON.parse(gunzipSync(readFileSync(traceFile)).toString('utf8')) as EditingTrace;
}

/** Applies one recorded transaction to a Y.Text in one Yjs transaction, so it yields one update. */
export function applyTxn(doc: Y.Doc, text: Y.Text, txn: { patches: Patch[] }): void {
  doc.transact(() => {
    for (const [position, deleteCount, insertText] of txn.patches) {
      if (deleteCount > 0) text.delete(position, deleteCount);
      if (insertText.length > 0) text.insert(position, insertText);
    }
  });
}
