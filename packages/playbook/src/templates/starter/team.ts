import type { RaciLetter, ResponsibilityInput } from '../../records/Responsibility';

const ROLE = { m: 'role-marketing', s: 'role-sales', p: 'role-product', c: 'role-community' } as const;

/** The marketing-vs-sales responsibility list, RACI letters in the order marketing, sales, product, community. */
export function starterResponsibilities(): ResponsibilityInput[] {
  const row = (id: string, activity: string, letters: string): ResponsibilityInput => {
    const raci: Record<string, RaciLetter> = {};
    [ROLE.m, ROLE.s, ROLE.p, ROLE.c].forEach((roleId, i) => {
      const letter = letters[i];
      if (letter && letter !== '-') raci[roleId] = letter as RaciLetter;
    });
    return { id: `resp-${id}`, activity, raci };
  };
  return [
    row('icp', 'Define the ideal customer profile', 'ARCI'),
    row('scoring', 'Set lead scoring thresholds', 'AC-I'),
    row('mql-follow-up', 'Follow up all MQLs', 'IA--'),
    row('reject-reasons', 'Reject leads with a listed reason', 'IA--'),
    row('nurture', 'Nurture recycled leads', 'AI-C'),
    row('webinars', 'Run the monthly webinar', 'ACRR'),
    row('case-studies', 'Produce customer case studies', 'ARCC'),
    row('crm-fields', 'Keep lifecycle fields in the CRM accurate', 'RA--'),
    row('forecast', 'Forecast revenue per quarter', 'CA--'),
    row('lead-forecast', 'Predict lead volume per quarter', 'AC--'),
    row('sourced-revenue', 'Report marketing-sourced revenue', 'ACI-'),
    row('weekly-sync', 'Run the weekly pipeline sync', 'RAI-'),
    row('win-loss', 'Collect win/loss feedback', 'CAI-'),
    row('launches', 'Launch messaging for new features', 'ACRI'),
    row('referrals', 'Run the customer referral programme', 'CIIA'),
  ];
}
