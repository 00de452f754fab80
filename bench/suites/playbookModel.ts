/**
 * The playbook model on a large playbook (50 stages, 500 assets, 200 responsibilities, 20 pages
 * of text): toJSON and the business diff run on every version, webhook and export, so both
 * should stay under 20 ms. Reports medians of repeated runs after a warm-up.
 */

import { applyJSON, diff, largePlaybook, type Playbook, PlaybookDoc, toJSON, validate } from '@fullcourt/playbook';
import * as Y from 'yjs';
import { type BenchSuite, median } from '../suite';

const RUNS = 30;
const WARMUP = 5;

function time(fn: () => void): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** A realistic batch of edits between two versions: renames, an SLA, a move, RACI, page text. */
function edit(doc: PlaybookDoc): void {
  doc.transact(() => {
    doc.stages.update('stage-3', { name: 'Evaluate (renamed)' });
    doc.stages.move('stage-10', 'start');
    doc.slas.update('sla-mql-sal', { responseTime: { duration: 'PT2H', clock: 'business' } });
    doc.content.update('asset-42', { stageIds: ['stage-7'] });
    doc.setRaci('resp-5', 'role-sales', 'A');
    const page = doc.pages.get('page-4');
    if (page) doc.pages.update('page-4', { body: { markdown: `${page.body.markdown}\n\nA new closing paragraph.` } });
    doc.content.delete('asset-100');
    doc.stages.add({ name: 'Expansion' }, { after: 'stage-20' });
  });
}

export default {
  name: 'playbook-model',
  async run() {
    const doc = new PlaybookDoc();
    const applyStart = performance.now();
    applyJSON(doc, largePlaybook());
    const applyJsonMs = performance.now() - applyStart;
    const docBytes = Y.encodeStateAsUpdate(doc.ydoc).byteLength;

    let before: Playbook = toJSON(doc);
    const toJsonMs = median(
      time(() => {
        before = toJSON(doc);
      }),
    );
    const toJsonWithTiptapMs = median(time(() => toJSON(doc, { tiptap: true })));

    edit(doc);
    const after = toJSON(doc);
    let changes = 0;
    const diffMs = median(
      time(() => {
        changes = diff(before, after).length;
      }),
    );
    const diffIdenticalMs = median(time(() => diff(before, before)));
    const validateMs = median(time(() => validate(after, { today: '2026-11-23' })));

    const figures = {
      toJsonMs: round(toJsonMs),
      toJsonWithTiptapMs: round(toJsonWithTiptapMs),
      diffMs: round(diffMs),
      diffIdenticalMs: round(diffIdenticalMs),
      diffChanges: changes,
      validateMs: round(validateMs),
      applyJsonOnceMs: round(applyJsonMs),
      docBytes,
      runs: RUNS,
      targetMs: 20,
    };
    console.log(`toJSON ${figures.toJsonMs} ms (with Tiptap JSON ${figures.toJsonWithTiptapMs} ms), target < 20 ms`);
    console.log(`diff ${figures.diffMs} ms for ${changes} changes (identical: ${figures.diffIdenticalMs} ms), target < 20 ms`);
    console.log(`validate ${figures.validateMs} ms; applyJSON into an empty doc ${figures.applyJsonOnceMs} ms; ${docBytes} bytes`);
    return figures;
  },
} satisfies BenchSuite;

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
