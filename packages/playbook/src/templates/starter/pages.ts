import type { PageInput } from '../../records/Page';

export function starterPages(): PageInput[] {
  return [
    {
      id: 'page-introduction',
      title: 'Introduction',
      body: {
        markdown: `# Our revenue playbook

This playbook is **the one place** where marketing and sales agree on how buyers move from first touch to customer. Everything in it is editable: change a stage, an SLA or a definition, and both teams see it at once.

## How to use it

- Read the **buyer stages** before planning a campaign or a sequence.
- Check the **SLAs** when a lead feels stuck.
- Propose changes in the weekly sync; small fixes can be made directly.`,
      },
    },
    {
      id: 'page-glossary',
      title: 'Glossary',
      body: {
        markdown: `- **Lead**: a contact in our target market who gave us their details.
- **MQL** (marketing qualified lead): a lead whose fit and engagement reach the scoring threshold.
- **SAL** (sales accepted lead): an MQL sales agreed to work within the SLA.
- **SQL** (sales qualified lead): a lead qualified on a discovery call, using BANT.
- **BANT**: budget, authority, need, timeline.
- **SLA**: the service-level agreement between marketing and sales for one handoff.
- **Sourced**: the first touch that created the opportunity gets the credit.`,
      },
    },
    {
      id: 'page-weekly-sync',
      title: 'How we run the weekly sync',
      body: {
        markdown: `Every Monday, 30 minutes, marketing and sales leads together.

1. **Numbers** (5 min): MQLs, acceptance rate, SLA misses last week.
2. **Rejects** (10 min): review rejected leads by reason; agree on scoring changes.
3. **Pipeline** (10 min): opportunities that moved or stalled.
4. **Playbook changes** (5 min): accept or decline proposed edits.

- [ ] Post the summary in the shared channel after the meeting`,
      },
    },
  ];
}
