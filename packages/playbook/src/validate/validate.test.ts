import { describe, expect, it } from 'vitest';
import { type Playbook, PlaybookSchema } from '../records/Playbook';
import { starterTemplate } from '../templates/starterTemplate';
import { validate } from './validate';

const today = '2026-11-23';

function starter(): Playbook {
  return PlaybookSchema.parse(starterTemplate());
}

function codes(playbook: unknown): string[] {
  return validate(playbook, { today }).map((f) => f.code);
}

describe('integrity validator', () => {
  it('finds nothing wrong in the starter template but its one overdue asset review', () => {
    expect(validate(starter(), { today })).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'asset-review-overdue', itemId: 'asset-security-overview' }),
    ]);
  });

  it('reports an SLA pointing at a deleted lifecycle state, with its path and id', () => {
    const p = starter();
    p.lifecycle = p.lifecycle.filter((s) => s.name !== 'SAL');
    const found = validate(p, { today }).filter((f) => f.code === 'sla-dangling-state');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      severity: 'error',
      path: ['slas', 0, 'to'],
      itemId: 'sla-mql-sal',
      message: 'SLA MQL → (deleted state) points at a lifecycle state that was deleted (to).',
    });
  });

  it('reports an SLA without states, going nowhere, backwards or defined twice', () => {
    const p = starter();
    const [first, second] = p.slas as [Playbook['slas'][number], Playbook['slas'][number]];
    p.slas.push({ ...structuredClone(first), id: 'copy' as never });
    p.slas.push({ ...structuredClone(first), id: 'open' as never, from: null, to: null });
    p.slas.push({ ...structuredClone(first), id: 'loop' as never, to: first.from });
    second.from = 'state-sql' as never;
    second.to = 'state-sal' as never;
    expect(codes(p)).toEqual(expect.arrayContaining(['duplicate-sla', 'sla-missing-state', 'sla-same-state', 'sla-backwards']));
  });

  it('reports an SLA whose numbers do not fit together', () => {
    const p = starter();
    const sla = p.slas[0] as Playbook['slas'][number];
    sla.followUp = { attempts: 0, window: 'PT2H' };
    sla.feedback.reasons = ['  '];
    expect(codes(p)).toEqual(expect.arrayContaining(['sla-no-follow-up', 'sla-window-shorter-than-response', 'sla-no-reject-reasons']));
  });

  it('notes an SLA owned by another team than its target state', () => {
    const p = starter();
    (p.slas[0] as Playbook['slas'][number]).owner = 'marketing';
    expect(validate(p, { today })).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        code: 'sla-owner-mismatch',
        message: 'SLA MQL → SAL is owned by Marketing, but SAL is owned by Sales.',
      }),
    );
  });

  it('reports two roles accountable for one activity as an error', () => {
    const p = starter();
    const activity = p.responsibilities.find((r) => r.activity === 'Follow up all MQLs');
    if (!activity) throw new Error('template activity missing');
    activity.raci = { ...activity.raci, ['role-marketing' as never]: 'A' };
    expect(validate(p, { today })).toContainEqual({
      severity: 'error',
      code: 'raci-multiple-accountable',
      path: ['responsibilities', 2, 'raci'],
      itemId: activity.id,
      message: "Marketing and Sales are both A for 'Follow up all MQLs'; only one role can be accountable.",
    });
  });

  it('warns about an activity nobody is accountable for, and letters of deleted roles', () => {
    const p = starter();
    p.responsibilities.push({ id: 'r' as never, activity: 'Orphan', raci: { ['role-gone' as never]: 'R' } });
    expect(codes(p)).toEqual(expect.arrayContaining(['raci-no-accountable', 'raci-dangling-role']));
  });

  it("does not count a deleted role's A: the live A beside it is the one accountable role", () => {
    const p = starter();
    const marketing = p.roles[0]?.id as string;
    p.responsibilities.push({ id: 'r' as never, activity: 'Handover', raci: { [marketing]: 'A', ['role-gone' as never]: 'A' } as never });
    const found = validate(p, { today }).filter((f) => f.itemId === 'r');
    expect(found.map((f) => f.code)).toEqual(['raci-dangling-role']);
  });

  it('says nobody is accountable when the only A belongs to a deleted role', () => {
    const p = starter();
    p.responsibilities.push({ id: 'r' as never, activity: 'Handover', raci: { ['role-gone' as never]: 'A' } });
    const found = validate(p, { today }).filter((f) => f.itemId === 'r');
    expect(found.map((f) => f.code).sort()).toEqual(['raci-dangling-role', 'raci-no-accountable']);
  });

  it('warns about duplicate and empty names, as concurrent adds leave them', () => {
    const p = starter();
    p.stages.push({ ...structuredClone(p.stages[0] as Playbook['stages'][number]), id: 'dup' as never });
    p.personas.push({ id: 'nameless' as never, name: ' ', buyingRole: 'user', caresAbout: [] });
    const found = validate(p, { today });
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'duplicate-name', message: "Two stages are called 'Aware'.", itemId: 'dup' }),
    );
    expect(found).toContainEqual(expect.objectContaining({ code: 'empty-name', path: ['personas', 3, 'name'] }));
  });

  it('checks assets: dangling links, unmapped, bad URL and review dates', () => {
    const p = starter();
    const asset = p.content[0] as Playbook['content'][number];
    asset.stageIds = ['stage-gone' as never];
    asset.personaIds = ['persona-gone' as never];
    asset.url = 'notes.docx';
    asset.lastReviewed = '2027-01-10';
    asset.reviewBy = '2026-12-01';
    (p.content[1] as Playbook['content'][number]).stageIds = [];
    (p.content[2] as Playbook['content'][number]).lastReviewed = '2026-12-24';
    expect(codes(p)).toEqual(
      expect.arrayContaining([
        'asset-dangling-stage',
        'asset-dangling-persona',
        'asset-url',
        'asset-review-dates',
        'asset-unmapped',
        'asset-reviewed-in-future',
      ]),
    );
  });

  it('checks the lifecycle: not empty, score thresholds rising', () => {
    const p = starter();
    (p.lifecycle[3] as Playbook['lifecycle'][number]).scoreThreshold = 40;
    expect(validate(p, { today })).toContainEqual(
      expect.objectContaining({ code: 'score-threshold-order', message: 'SQL needs a score of 40, lower than MQL before it (60).' }),
    );
    expect(codes({ ...p, lifecycle: [], slas: [] })).toContain('lifecycle-empty');
  });

  it('checks metric period labels and duplicates', () => {
    const p = starter();
    (p.metrics.periods[0] as Playbook['metrics']['periods'][number]).period = 'Q1 2026';
    (p.metrics.periods[2] as Playbook['metrics']['periods'][number]).period = '2026-Q2';
    expect(codes(p)).toEqual(expect.arrayContaining(['metric-period-label', 'metric-period-duplicate']));
  });

  it('lists errors before warnings before notes', () => {
    const p = starter();
    (p.slas[0] as Playbook['slas'][number]).owner = 'marketing';
    (p.slas[1] as Playbook['slas'][number]).to = null;
    const severities = validate(p, { today }).map((f) => f.severity);
    expect(severities).toEqual(
      [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
    );
    expect(severities[0]).toBe('error');
  });

  it('reports JSON that does not parse as schema findings instead of throwing', () => {
    expect(() => validate(undefined)).not.toThrow();
    expect(validate({ stages: 'nope' })).toEqual([expect.objectContaining({ severity: 'error', code: 'schema', path: ['stages'] })]);
    expect(validate(null)[0]?.code).toBe('schema');
  });
});
