import type { ContentAssetInput } from '../../records/ContentAsset';
import { PERSONA_IDS as P, STAGE_IDS as S } from './journey';

export function starterContent(): ContentAssetInput[] {
  const asset = (
    id: string,
    title: string,
    format: ContentAssetInput['format'],
    stageIds: string[],
    personaIds: string[],
    lastReviewed: string,
    reviewBy: string,
    owner = 'Marketing',
  ): ContentAssetInput => ({
    id: `asset-${id}`,
    title,
    url: `https://example.com/resources/${id}`,
    format,
    owner,
    lastReviewed,
    reviewBy,
    stageIds,
    personaIds,
  });
  return [
    asset('handoff-guide', 'The lead handoff guide', 'guide', [S.aware, S.research], [P.revops, P.marketingOps], '2026-09-01', '2027-03-01'),
    asset('benchmark-2026', '2026 pipeline alignment benchmark', 'ebook', [S.research], [P.revops], '2026-06-15', '2026-12-15'),
    asset('sla-checklist', 'SLA checklist for marketing and sales', 'checklist', [S.research, S.consider], [P.marketingOps, P.salesLead], '2026-10-01', '2027-04-01'),
    asset('monthly-webinar', 'Monthly webinar: fixing the MQL', 'webinar', [S.research], [P.marketingOps], '2026-11-01', '2026-12-01'),
    asset('comparison', 'Shared playbook vs. spreadsheets vs. CRM add-ons', 'article', [S.consider], [P.revops, P.marketingOps], '2026-08-20', '2027-02-20'),
    asset('case-study-acme', 'Case study: Acme cut lead response time to 4 hours', 'case-study', [S.consider, S.evaluate], [P.revops, P.salesLead], '2026-07-10', '2027-01-10'),
    asset('product-tour', 'Product tour video', 'video', [S.consider], [P.marketingOps, P.salesLead], '2026-10-20', '2027-04-20'),
    asset('roi-calculator', 'ROI calculator', 'calculator', [S.evaluate], [P.revops], '2026-09-15', '2027-03-15', 'Sales enablement'),
    asset('demo-script', 'Tailored demo script', 'demo', [S.evaluate], [P.salesLead], '2026-10-05', '2027-01-05', 'Sales'),
    asset('security-overview', 'Security and data processing overview', 'datasheet', [S.evaluate, S.decide], [P.revops], '2026-05-01', '2026-11-01', 'Product'),
    asset('exec-one-pager', 'Executive one-pager', 'one-pager', [S.decide], [P.revops], '2026-10-12', '2027-04-12'),
    asset('onboarding-emails', 'Onboarding email series', 'email', [S.adopt], [P.marketingOps, P.salesLead], '2026-09-30', '2027-03-30', 'Customer success'),
  ];
}
