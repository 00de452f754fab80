import { describe, expect, it } from 'vitest';
import { applyJSON } from '../json/applyJSON';
import { toJSON } from '../json/toJSON';
import { PlaybookSchema } from '../records/Playbook';
import { validate } from '../validate/validate';
import { PlaybookDoc } from '../ydoc/PlaybookDoc';
import { emptyPlaybook } from './emptyPlaybook';
import { starterTemplate } from './starterTemplate';

describe('starter template', () => {
  const playbook = PlaybookSchema.parse(starterTemplate());

  it('is a realistic B2B playbook of the promised size', () => {
    expect(playbook.stages.length).toBeGreaterThanOrEqual(5);
    expect(playbook.stages.length).toBeLessThanOrEqual(7);
    expect(playbook.lifecycle.map((s) => s.name)).toEqual(['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Customer']);
    expect(playbook.slas).toHaveLength(3);
    expect(playbook.content).toHaveLength(12);
    expect(playbook.personas).toHaveLength(3);
    expect(playbook.responsibilities.length).toBeGreaterThanOrEqual(10);
    expect(playbook.pages.map((p) => p.title)).toEqual(expect.arrayContaining(['Introduction', 'Glossary']));
    expect(playbook.metrics.periods.length).toBeGreaterThanOrEqual(3);
    expect(playbook.attribution.markdown).toContain('Community / referral');
  });

  it('qualifies SQLs with all four BANT letters', () => {
    const sql = playbook.lifecycle.find((s) => s.name === 'SQL');
    expect(Object.values(sql?.bant ?? {}).every((text) => text.length > 0)).toBe(true);
  });

  it('has no integrity errors', () => {
    expect(validate(playbook, { today: '2026-11-23' }).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('gives a fresh copy each time, so editing one playbook never edits the template', () => {
    const a = starterTemplate();
    a.stages?.pop();
    expect(starterTemplate().stages).toHaveLength(6);
  });

  it('starts a new document that reads back as the template', () => {
    const doc = new PlaybookDoc();
    applyJSON(doc, starterTemplate());
    expect(toJSON(doc)).toEqual(playbook);
  });
});

describe('empty playbook', () => {
  it('has the default lifecycle and roles and nothing else', () => {
    const empty = PlaybookSchema.parse(emptyPlaybook());
    expect(empty.title).toBe('Untitled playbook');
    expect(empty.lifecycle).toHaveLength(6);
    expect(empty.roles.map((r) => r.name)).toEqual(['Marketing', 'Sales', 'Product', 'Community']);
    expect([empty.stages, empty.slas, empty.content, empty.personas, empty.responsibilities, empty.pages]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
  });
});
