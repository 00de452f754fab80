import type { LeadStateInput } from '../records/LeadState';
import type { RoleInput } from '../records/Role';

/** Ids of the default lifecycle states, so templates can point SLAs at them. */
export const LIFECYCLE_IDS = {
  lead: 'state-lead',
  mql: 'state-mql',
  sal: 'state-sal',
  sql: 'state-sql',
  opportunity: 'state-opportunity',
  customer: 'state-customer',
} as const;

/** The lead lifecycle every playbook starts with: Lead, MQL, SAL, SQL, Opportunity, Customer, with BANT. */
export function defaultLifecycle(): LeadStateInput[] {
  return [
    {
      id: LIFECYCLE_IDS.lead,
      name: 'Lead',
      definition: 'Anyone who gave us contact details and fits our target market.',
      bant: { need: 'Works at a company in our target segments.' },
      owner: 'marketing',
    },
    {
      id: LIFECYCLE_IDS.mql,
      name: 'MQL',
      definition: 'A lead whose fit and engagement say sales should talk to them now.',
      bant: {
        authority: 'Job title is manager or above in a buying-team function.',
        need: 'Engaged with content about the problem we solve (pricing page, demo request or two high-intent assets).',
      },
      scoreThreshold: 60,
      owner: 'marketing',
    },
    {
      id: LIFECYCLE_IDS.sal,
      name: 'SAL',
      definition: 'An MQL that sales has accepted and committed to work within the SLA.',
      bant: {
        authority: 'We know who else is in the buying team.',
        need: 'The lead confirmed the problem in their own words.',
      },
      owner: 'sales',
    },
    {
      id: LIFECYCLE_IDS.sql,
      name: 'SQL',
      definition: 'An accepted lead that sales has qualified on a discovery call.',
      bant: {
        budget: 'Budget exists or the buyer can name the process to get it.',
        authority: 'The decision maker is identified and aware of the project.',
        need: 'A problem we solve, with a cost the buyer can state.',
        timeline: 'A decision is expected within two quarters.',
      },
      owner: 'sales',
    },
    {
      id: LIFECYCLE_IDS.opportunity,
      name: 'Opportunity',
      definition: 'A qualified deal with an amount, a close date and a mutual plan in the CRM.',
      bant: {
        budget: 'Amount agreed as a range with the decision maker.',
        authority: 'Decision maker has joined at least one call.',
        need: 'Success criteria written down with the buyer.',
        timeline: 'Close date confirmed by the buyer.',
      },
      owner: 'sales',
    },
    {
      id: LIFECYCLE_IDS.customer,
      name: 'Customer',
      definition: 'A signed contract.',
      owner: 'shared',
    },
  ];
}

/** The roles of the responsibility matrix every playbook starts with; users add and rename freely. */
export function defaultRoles(): RoleInput[] {
  return [
    { id: 'role-marketing', name: 'Marketing' },
    { id: 'role-sales', name: 'Sales' },
    { id: 'role-product', name: 'Product' },
    { id: 'role-community', name: 'Community' },
  ];
}
