import { describe, expect, it } from 'vitest';
import { BuyerStageSchema } from '../records/BuyerStage';
import { type Playbook, PlaybookSchema } from '../records/Playbook';
import { starterTemplate } from '../templates/starterTemplate';
import { ChangeSchema } from './Change';
import { diff } from './diff';

function starter(): Playbook {
  return PlaybookSchema.parse(starterTemplate());
}

function sentences(before: Playbook, after: Playbook): string[] {
  return diff(before, after).map((c) => c.text);
}

function edit(change: (p: Playbook) => void): [Playbook, Playbook] {
  const before = starter();
  const after = structuredClone(before);
  change(after);
  return [before, after];
}

const sla = (p: Playbook, id: string) => p.slas.find((s) => s.id === id) as Playbook['slas'][number];
const asset = (p: Playbook, id: string) => p.content.find((a) => a.id === id) as Playbook['content'][number];
const stage = (p: Playbook, name: string) => p.stages.find((s) => s.name === name) as Playbook['stages'][number];

describe('business diff', () => {
  it('finds no changes between identical playbooks', () => {
    expect(diff(starter(), starter())).toEqual([]);
  });

  it('words a changed SLA response time as a before → after sentence', () => {
    const [before, after] = edit((p) => {
      sla(p, 'sla-mql-sal').responseTime = { duration: 'PT4H', clock: 'calendar' };
    });
    before.slas[0] = { ...sla(before, 'sla-mql-sal'), responseTime: { duration: 'PT24H', clock: 'calendar' } };
    expect(diff(before, after)).toEqual([
      {
        section: 'slas',
        kind: 'changed',
        itemId: 'sla-mql-sal',
        path: ['responseTime'],
        before: { duration: 'PT24H', clock: 'calendar' },
        after: { duration: 'PT4H', clock: 'calendar' },
        text: 'SLA MQL → SAL: response time 24 hours → 4 hours',
      },
    ]);
  });

  it('says business hours when the SLA counts them', () => {
    const [before, after] = edit((p) => {
      sla(p, 'sla-mql-sal').responseTime.duration = 'PT2H';
    });
    expect(sentences(before, after)).toEqual(['SLA MQL → SAL: response time 4 business hours → 2 business hours']);
  });

  it('words the rest of an SLA: cadence, feedback, reasons, volume, owner and re-links', () => {
    const [before, after] = edit((p) => {
      const s = sla(p, 'sla-mql-sal');
      s.followUp = { attempts: 8, window: 'P14D' };
      s.feedback.rejectWithin = 'P1D';
      s.feedback.reasons = [...s.feedback.reasons.filter((r) => r !== 'Duplicate'), 'Wrong persona'];
      s.volume = { count: 500, per: 'month' };
      s.owner = 'shared';
      s.to = 'state-sql' as never;
    });
    expect(sentences(before, after)).toEqual([
      'SLA MQL → SAL now ends at SQL',
      'SLA MQL → SQL: owner Sales → Marketing and sales',
      'SLA MQL → SQL: follow-up 6 attempts in 10 days → 8 attempts in 14 days',
      'SLA MQL → SQL: reject with a reason within 2 days → 1 day',
      "SLA MQL → SQL: rejection reason added 'Wrong persona'",
      "SLA MQL → SQL: rejection reason removed 'Duplicate'",
      'SLA MQL → SQL: volume commitment 400 per month → 500 per month',
    ]);
  });

  it('words a new SLA with its full sentence', () => {
    const [before, after] = edit((p) => {
      p.slas = p.slas.filter((s) => s.id !== 'sla-mql-sal');
    });
    expect(sentences(after, before)).toEqual([
      'SLA MQL → SAL added: Sales follows up every MQL within 4 business hours, 6 attempts in 10 days, rejects with a reason within 2 days. Marketing commits to 400 MQLs per month.',
    ]);
    expect(sentences(before, after)).toEqual(['SLA MQL → SAL removed']);
  });

  it('says where a new stage was added', () => {
    const [before, after] = edit((p) => {
      const at = p.stages.findIndex((s) => s.name === 'Consider');
      p.stages.splice(at + 1, 0, BuyerStageSchema.parse({ id: 'stage-new', name: 'Shortlist' }));
    });
    const [change] = diff(before, after);
    expect(change).toMatchObject({
      section: 'stages',
      kind: 'added',
      itemId: 'stage-new',
      text: "Stage 'Shortlist' added after 'Consider'",
    });
  });

  it('reports a moved stage once, not every stage it jumped over', () => {
    const [before, after] = edit((p) => {
      const [first, ...rest] = p.stages;
      p.stages = [...rest, first as Playbook['stages'][number]];
    });
    expect(diff(before, after)).toEqual([
      expect.objectContaining({ kind: 'moved', itemId: 'stage-aware', text: "Stage 'Aware' moved after 'Adopt'" }),
    ]);
  });

  it('words stage renames, owners, lists and notes', () => {
    const [before, after] = edit((p) => {
      const s = stage(p, 'Evaluate');
      s.name = 'Validate';
      s.owner = 'shared';
      s.exitSignals.push('Asks for a quote');
      s.plays.sales = ['Tailored demo'];
      s.notes = { markdown: `${s.notes.markdown} Trials last 14 days.` };
    });
    expect(sentences(before, after)).toEqual([
      "Stage 'Evaluate' renamed to 'Validate'",
      "Stage 'Validate': exit signal added 'Asks for a quote'",
      "Stage 'Validate': owner Sales → Marketing and sales",
      "Stage 'Validate': sales play removed 'Guided trial'",
      "Stage 'Validate' notes: added “Trials last 14 days.”",
    ]);
  });

  it('words an asset moved from one stage to another', () => {
    const [before, after] = edit((p) => {
      asset(p, 'asset-roi-calculator').stageIds = ['stage-decide' as never];
    });
    expect(diff(before, after)).toEqual([
      expect.objectContaining({
        section: 'content',
        kind: 'moved',
        itemId: 'asset-roi-calculator',
        path: ['stageIds'],
        text: "Asset 'ROI calculator' moved from Evaluate to Decide",
      }),
    ]);
  });

  it('words added and removed asset links and review dates', () => {
    const [before, after] = edit((p) => {
      const a = asset(p, 'asset-roi-calculator');
      a.stageIds.push('stage-decide' as never);
      a.personaIds = ['persona-sales-team-lead' as never];
      a.reviewBy = '2027-06-01';
    });
    expect(sentences(before, after)).toEqual([
      "Asset 'ROI calculator': review by 2027-03-15 → 2027-06-01",
      "Asset 'ROI calculator' now also in Decide",
      "Asset 'ROI calculator' now for persona 'Sales Team Lead'",
      "Asset 'ROI calculator' no longer for persona 'Head of Revenue Operations'",
    ]);
  });

  it('words RACI changes as who became what for which activity', () => {
    const [before, after] = edit((p) => {
      const r = p.responsibilities.find((x) => x.activity === 'Follow up all MQLs') as Playbook['responsibilities'][number];
      r.raci = { ['role-marketing' as never]: 'C', ['role-sales' as never]: 'A', ['role-product' as never]: 'I' };
      const icp = p.responsibilities[0] as Playbook['responsibilities'][number];
      delete icp.raci['role-community' as never];
    });
    before.responsibilities[2] = {
      ...(before.responsibilities[2] as Playbook['responsibilities'][number]),
      raci: { ['role-marketing' as never]: 'I' },
    };
    expect(sentences(before, after)).toEqual([
      "Community is no longer I for 'Define the ideal customer profile'",
      "Marketing became C for 'Follow up all MQLs' (was I)",
      "Sales became A for 'Follow up all MQLs'",
      "Product became I for 'Follow up all MQLs'",
    ]);
  });

  it('words lifecycle, persona, role, metric and playbook-level changes', () => {
    const [before, after] = edit((p) => {
      p.title = 'Revenue playbook 2027';
      (p.lifecycle[1] as Playbook['lifecycle'][number]).scoreThreshold = 65;
      (p.lifecycle[3] as Playbook['lifecycle'][number]).bant.budget = 'Budget approved';
      (p.personas[0] as Playbook['personas'][number]).buyingRole = 'recommender';
      p.roles.push({ id: 'role-partners' as never, name: 'Partners' });
      (p.metrics.periods[3] as Playbook['metrics']['periods'][number]).revenue.actual = 1_200_000;
    });
    expect(sentences(before, after)).toEqual([
      "Playbook renamed from 'Revenue playbook' to 'Revenue playbook 2027'",
      'MQL: score threshold 60 → 65',
      "SQL: budget criterion 'Budget exists or the buyer can name the process to get it.' → 'Budget approved'",
      "Persona 'Head of Revenue Operations': buying role decision maker → recommender",
      "Role 'Partners' added after 'Community'",
      '2026-Q4: actual revenue not set → $1.2M',
    ]);
  });

  it('shows rich-text changes as added and removed text', () => {
    const [before, after] = edit((p) => {
      const glossary = p.pages.find((x) => x.title === 'Glossary') as Playbook['pages'][number];
      glossary.body = {
        markdown: `${glossary.body.markdown.replace('- **BANT**: budget, authority, need, timeline.\n', '')}\n- **ICP**: ideal customer profile.`,
      };
    });
    const [change] = diff(before, after);
    expect(change).toMatchObject({
      section: 'pages',
      kind: 'changed',
      path: ['body'],
      textChanges: { added: ['ICP: ideal customer profile.'], removed: ['BANT: budget, authority, need, timeline.'] },
      text: "Page 'Glossary': added “ICP: ideal customer profile.”; removed “BANT: budget, authority, need, timeline.”",
    });
  });

  it('words removed items with their old names', () => {
    const [before, after] = edit((p) => {
      p.personas = p.personas.slice(1);
      p.pages = p.pages.slice(0, 2);
    });
    expect(sentences(before, after)).toEqual(["Persona 'Head of Revenue Operations' removed", "Page 'How we run the weekly sync' removed"]);
  });

  it('returns structured changes that fit the published schema', () => {
    const [before, after] = edit((p) => {
      p.stages.reverse();
      p.slas.pop();
      p.attribution = { markdown: 'Last touch wins.' };
    });
    const changes = diff(before, after);
    expect(changes.length).toBeGreaterThan(3);
    for (const change of changes) expect(ChangeSchema.safeParse(change).success).toBe(true);
    expect(changes.at(-1)).toMatchObject({ section: 'attribution', itemId: null });
  });
});
