import type { BuyerStageInput } from '../../records/BuyerStage';
import type { PersonaInput } from '../../records/Persona';

export const STAGE_IDS = {
  aware: 'stage-aware',
  research: 'stage-research',
  consider: 'stage-consider',
  evaluate: 'stage-evaluate',
  decide: 'stage-decide',
  adopt: 'stage-adopt',
} as const;

export const PERSONA_IDS = {
  revops: 'persona-head-of-revops',
  marketingOps: 'persona-marketing-ops',
  salesLead: 'persona-sales-team-lead',
} as const;

export function starterStages(): BuyerStageInput[] {
  return [
    {
      id: STAGE_IDS.aware,
      name: 'Aware',
      goal: 'Put a name on the problem: marketing and sales disagree on what a good lead is.',
      entryCriteria: ['Visits the site or engages with a post for the first time'],
      exitSignals: ['Reads two or more articles on lead handoff', 'Subscribes to the newsletter'],
      owner: 'marketing',
      plays: { marketing: ['LinkedIn thought leadership', 'SEO articles on lead handoff'], sales: [] },
      notes: { markdown: 'Most buyers arrive here after a **missed quarter**. Speak to the pain, not the product.' },
    },
    {
      id: STAGE_IDS.research,
      name: 'Research',
      goal: 'Learn how other companies align marketing and sales.',
      entryCriteria: ['Known contact with a fitting job title'],
      exitSignals: ['Downloads a guide or the benchmark report', 'Attends a webinar'],
      owner: 'marketing',
      plays: { marketing: ['Gated benchmark report', 'Monthly webinar'], sales: ['Social selling on engaged accounts'] },
      notes: { markdown: 'Nurture by email every two weeks. No sales calls yet unless the lead asks.' },
    },
    {
      id: STAGE_IDS.consider,
      name: 'Consider',
      goal: 'Compare approaches: spreadsheets, CRM add-ons, a shared playbook.',
      entryCriteria: ['Reached MQL'],
      exitSignals: ['Requests a demo', 'Visits pricing twice in a week'],
      owner: 'shared',
      plays: { marketing: ['Comparison pages', 'Retargeting with case studies'], sales: ['SDR outreach within the SLA'] },
      notes: { markdown: 'The handoff happens here. Both teams read the **MQL → SAL** SLA before changing plays.' },
    },
    {
      id: STAGE_IDS.evaluate,
      name: 'Evaluate',
      goal: 'Prove it works for their team and their process.',
      entryCriteria: ['Discovery call held', 'Reached SQL'],
      exitSignals: ['Invites colleagues to the trial', 'Asks for security documents'],
      owner: 'sales',
      plays: { marketing: ['ROI calculator', 'Customer references on demand'], sales: ['Tailored demo', 'Guided trial'] },
      notes: { markdown: 'Success criteria are written with the buyer in the mutual plan.' },
    },
    {
      id: STAGE_IDS.decide,
      name: 'Decide',
      goal: 'Get budget approved and the contract signed with confidence.',
      entryCriteria: ['Opportunity with an amount and a close date'],
      exitSignals: ['Legal review started', 'Procurement contact introduced'],
      owner: 'sales',
      plays: { marketing: ['Executive one-pager'], sales: ['Mutual close plan', 'Executive sponsor call'] },
    },
    {
      id: STAGE_IDS.adopt,
      name: 'Adopt',
      goal: 'Get both teams using the playbook every week.',
      entryCriteria: ['Contract signed'],
      exitSignals: ['Weekly active editors in both teams', 'Agrees to a case study'],
      owner: 'shared',
      plays: { marketing: ['Onboarding email series', 'Invite to the community'], sales: ['Kick-off call with both teams'] },
    },
  ];
}

export function starterPersonas(): PersonaInput[] {
  return [
    {
      id: PERSONA_IDS.revops,
      name: 'Head of Revenue Operations',
      buyingRole: 'decision-maker',
      caresAbout: ['One definition of pipeline', 'Forecast accuracy', 'Clean CRM data'],
    },
    {
      id: PERSONA_IDS.marketingOps,
      name: 'Marketing Operations Manager',
      buyingRole: 'recommender',
      caresAbout: ['Getting credit for sourced pipeline', 'Lead scoring that sales trusts', 'Fewer spreadsheets'],
    },
    {
      id: PERSONA_IDS.salesLead,
      name: 'Sales Team Lead',
      buyingRole: 'user',
      caresAbout: ['Leads that are ready to talk', 'Less time on admin', 'Clear rules for rejecting leads'],
    },
  ];
}
