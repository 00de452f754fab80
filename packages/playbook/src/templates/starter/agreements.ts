import type { MetricPeriodInput } from '../../records/MetricPeriod';
import type { SlaInput } from '../../records/Sla';
import { LIFECYCLE_IDS } from '../defaultLifecycle';

export function starterSlas(): SlaInput[] {
  return [
    {
      id: 'sla-mql-sal',
      from: LIFECYCLE_IDS.mql,
      to: LIFECYCLE_IDS.sal,
      owner: 'sales',
      responseTime: { duration: 'PT4H', clock: 'business' },
      followUp: { attempts: 6, window: 'P10D' },
      feedback: {
        rejectWithin: 'P2D',
        reasons: ['Not our target segment', 'Student or job seeker', 'Existing customer', 'No contact possible', 'Duplicate'],
      },
      volume: { count: 400, per: 'month' },
    },
    {
      id: 'sla-sal-sql',
      from: LIFECYCLE_IDS.sal,
      to: LIFECYCLE_IDS.sql,
      owner: 'sales',
      responseTime: { duration: 'P2D', clock: 'business' },
      followUp: { attempts: 8, window: 'P14D' },
      feedback: { rejectWithin: 'P5D', reasons: ['No budget this year', 'No project', 'Chose to stay on spreadsheets'] },
      volume: { count: 150, per: 'month' },
    },
    {
      id: 'sla-sql-opportunity',
      from: LIFECYCLE_IDS.sql,
      to: LIFECYCLE_IDS.opportunity,
      owner: 'sales',
      responseTime: { duration: 'PT24H', clock: 'business' },
      followUp: { attempts: 4, window: 'P7D' },
      feedback: { rejectWithin: 'P3D', reasons: ['Lost to competitor', 'Project postponed', 'Decision maker not reachable'] },
    },
  ];
}

export function starterMetrics(): MetricPeriodInput[] {
  return [
    {
      id: 'metrics-2026-q1',
      period: '2026-Q1',
      leads: { predicted: 1100, actual: 1042 },
      revenue: { forecast: 820_000, actual: 760_000 },
      costPerClose: 6_900,
      closesBySource: { sales: 21, marketing: 34, community: 9 },
    },
    {
      id: 'metrics-2026-q2',
      period: '2026-Q2',
      leads: { predicted: 1200, actual: 1288 },
      revenue: { forecast: 900_000, actual: 955_000 },
      costPerClose: 6_400,
      closesBySource: { sales: 24, marketing: 41, community: 12 },
    },
    {
      id: 'metrics-2026-q3',
      period: '2026-Q3',
      leads: { predicted: 1300, actual: 1236 },
      revenue: { forecast: 1_000_000, actual: 1_040_000 },
      costPerClose: 6_100,
      closesBySource: { sales: 26, marketing: 44, community: 15 },
    },
    {
      id: 'metrics-2026-q4',
      period: '2026-Q4',
      leads: { predicted: 1400, actual: null },
      revenue: { forecast: 1_150_000, actual: null },
      costPerClose: null,
      closesBySource: { sales: null, marketing: null, community: null },
    },
  ];
}

export const STARTER_ATTRIBUTION = `We credit a closed deal to **one source**, the first touch that created the opportunity:

- **Marketing** when the first known touch is a marketing asset, event or campaign.
- **Sales** when an account executive or SDR sourced the contact through outbound.
- **Community / referral** when a customer, partner or community member introduced the buyer.

Influence is reported separately: every asset a buyer consumed before the close is listed on the deal, but only the source gets the credit. Disputes go to the weekly sync, not to email.`;
