import { applyJSON, PlaybookDoc, starterTemplate, toJSON, validate } from '@fullcourt/playbook';
import { describe, expect, it } from 'vitest';
import { snapshotToPlaybook } from './findingsStore';
import type { PlaybookState } from './playbookStore';
import { describeSection, sectionOfFinding, summarizeSections } from './sections';

function starterState(): PlaybookState {
  const doc = new PlaybookDoc();
  applyJSON(doc, starterTemplate());
  const json = toJSON(doc);
  return { ...json, currency: json.metrics.currency, metrics: json.metrics.periods };
}

describe('section navigation', () => {
  it('files each finding under the section that shows its item', () => {
    expect(sectionOfFinding({ path: ['slas', 0, 'to'] })).toBe('lifecycle');
    expect(sectionOfFinding({ path: ['roles', 1] })).toBe('responsibilities');
    expect(sectionOfFinding({ path: ['personas', 0, 'name'] })).toBe('buying-team');
    expect(sectionOfFinding({ path: ['attribution'] })).toBe('metrics');
    expect(sectionOfFinding({ path: [] })).toBe('stages');
  });

  it('counts items and findings per section, and says so in one sentence', () => {
    const state = starterState();
    const findings = validate(snapshotToPlaybook(state));
    const summaries = summarizeSections(state, [
      ...findings,
      { severity: 'error', code: 'raci-multiple-accountable', path: ['responsibilities', 0, 'raci'], itemId: null, message: 'two A' },
    ]);
    const responsibilities = summaries.find((s) => s.id === 'responsibilities');
    expect(responsibilities?.count).toBe(state.responsibilities.length);
    expect(responsibilities?.errors).toBe(1);
    expect(describeSection({ id: 'stages', label: 'Buyer stages', count: 1, errors: 0, warnings: 2 })).toBe(
      'Buyer stages, 1 item, 2 warnings',
    );
  });
});
