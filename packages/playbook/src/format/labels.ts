import type { AssetFormat } from '../records/ContentAsset';
import type { PeriodUnit } from '../records/Duration';
import type { Bant } from '../records/LeadState';
import type { BuyingRole } from '../records/Persona';
import type { RaciLetter } from '../records/Responsibility';
import type { Team } from '../records/Team';

/** How each enum value reads in a sentence or a label; the web app shows the same words. */
export const teamLabels: Record<Team, string> = { marketing: 'Marketing', sales: 'Sales', shared: 'Marketing and sales' };

export const buyingRoleLabels: Record<BuyingRole, string> = {
  'decision-maker': 'decision maker',
  recommender: 'recommender',
  influencer: 'influencer',
  user: 'user',
};

export const raciLabels: Record<RaciLetter, string> = {
  R: 'responsible',
  A: 'accountable',
  C: 'consulted',
  I: 'informed',
};

export const bantLabels: Record<keyof Bant, string> = {
  budget: 'budget',
  authority: 'authority',
  need: 'need',
  timeline: 'timeline',
};

export const periodUnitLabels: Record<PeriodUnit, string> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

export const assetFormatLabels: Record<AssetFormat, string> = {
  article: 'article',
  calculator: 'calculator',
  'case-study': 'case study',
  checklist: 'checklist',
  datasheet: 'datasheet',
  deck: 'deck',
  demo: 'demo',
  ebook: 'e-book',
  email: 'email',
  guide: 'guide',
  'one-pager': 'one-pager',
  video: 'video',
  webinar: 'webinar',
  whitepaper: 'white paper',
  other: 'other',
};

/** "1 attempt", "6 attempts". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A money amount in the playbook's currency, compact for large values ("$1.2M"). */
export function formatAmount(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: amount >= 100_000 ? 'compact' : 'standard',
      maximumFractionDigits: amount >= 100_000 ? 1 : 0,
    }).format(amount);
  } catch {
    // An unknown currency code must not break a sentence.
    return `${amount} ${currency}`;
  }
}
