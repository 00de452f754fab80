import { applyJSON, PlaybookDoc, starterTemplate, toJSON } from '@fullcourt/playbook';
import { describe, expect, it } from 'vitest';
import { stageDigest } from './stageDigest';

function starterState() {
  const doc = new PlaybookDoc();
  applyJSON(doc, starterTemplate());
  return toJSON(doc);
}

describe('stage digest', () => {
  const state = starterState();
  const consider = state.stages.find((s) => s.entryCriteria.some((c) => c.includes('MQL')));

  it('gathers the SLAs of the lifecycle states a stage names', () => {
    if (!consider) throw new Error('the starter template has a stage entered at MQL');
    const digest = stageDigest(state, consider.id);
    expect(digest?.states.map((s) => s.name)).toContain('MQL');
    expect(digest?.slas.length).toBeGreaterThan(0);
    expect(digest?.responsibilities.some((r) => r.activity.includes('MQL'))).toBe(true);
  });

  it('groups the stage content by persona and links the neighbouring stages', () => {
    const first = state.stages[0];
    const digest = stageDigest(state, first?.id ?? '');
    expect(digest?.previous).toBeNull();
    expect(digest?.next?.id).toBe(state.stages[1]?.id);
    const assetCount = state.content.filter((a) => a.stageIds.includes(first?.id as never)).length;
    const grouped = new Set(digest?.content.flatMap((g) => g.assets.map((a) => a.id)));
    expect(grouped.size).toBe(assetCount);
  });

  it('answers null for a stage that no longer exists', () => {
    expect(stageDigest(state, 'gone')).toBeNull();
  });
});
