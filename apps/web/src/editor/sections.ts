import type { Finding } from '@fullcourt/playbook';
import { SECTION_IDS, type SectionId } from '../app/routes';
import type { ListKey } from './playbookStore';

/** The collections whose sizes the navigation shows (any array per collection: records or ids). */
export type SectionLists = Pick<
  Record<ListKey, readonly unknown[]>,
  'stages' | 'slas' | 'content' | 'responsibilities' | 'personas' | 'metrics' | 'pages'
>;

/** How each section is named in navigation, headings and the workshop. */
export const sectionLabels: Record<SectionId, string> = {
  stages: 'Buyer stages',
  lifecycle: 'Lead lifecycle & SLAs',
  content: 'Content map',
  responsibilities: 'Responsibilities',
  'buying-team': 'Buying team',
  metrics: 'Metrics & credit',
  pages: 'Pages',
};

/** Which section shows the part of the canonical JSON a finding's path starts with. */
const SECTION_OF_PATH: Record<string, SectionId> = {
  stages: 'stages',
  lifecycle: 'lifecycle',
  slas: 'lifecycle',
  content: 'content',
  roles: 'responsibilities',
  responsibilities: 'responsibilities',
  personas: 'buying-team',
  metrics: 'metrics',
  attribution: 'metrics',
  pages: 'pages',
};

/** The section a finding belongs to; findings about the whole playbook land on the first section. */
export function sectionOfFinding(finding: Pick<Finding, 'path'>): SectionId {
  const head = finding.path[0];
  return (typeof head === 'string' && SECTION_OF_PATH[head]) || 'stages';
}

/** One navigation entry: its item count and how many findings of each severity it holds. */
export interface SectionSummary {
  id: SectionId;
  label: string;
  count: number;
  errors: number;
  warnings: number;
}

/** The item count shown beside each section name. */
export function sectionCount(id: SectionId, state: SectionLists): number {
  switch (id) {
    case 'stages':
      return state.stages.length;
    case 'lifecycle':
      return state.slas.length;
    case 'content':
      return state.content.length;
    case 'responsibilities':
      return state.responsibilities.length;
    case 'buying-team':
      return state.personas.length;
    case 'metrics':
      return state.metrics.length;
    case 'pages':
      return state.pages.length;
  }
}

export function summarizeSections(state: SectionLists, findings: readonly Finding[]): SectionSummary[] {
  return SECTION_IDS.map((id) => {
    const mine = findings.filter((f) => sectionOfFinding(f) === id);
    return {
      id,
      label: sectionLabels[id],
      count: sectionCount(id, state),
      errors: mine.filter((f) => f.severity === 'error').length,
      warnings: mine.filter((f) => f.severity === 'warning').length,
    };
  });
}

/** "3 stages, 1 error, 2 warnings": the navigation entry as a screen reader announces it. */
export function describeSection(summary: SectionSummary): string {
  const parts = [`${summary.count} ${summary.count === 1 ? 'item' : 'items'}`];
  if (summary.errors) parts.push(`${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'}`);
  if (summary.warnings) parts.push(`${summary.warnings} ${summary.warnings === 1 ? 'warning' : 'warnings'}`);
  return `${summary.label}, ${parts.join(', ')}`;
}
