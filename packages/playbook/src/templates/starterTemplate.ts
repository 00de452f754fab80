import type { PlaybookInput } from '../records/Playbook';
import { defaultLifecycle, defaultRoles } from './defaultLifecycle';
import { STARTER_ATTRIBUTION, starterMetrics, starterSlas } from './starter/agreements';
import { starterContent } from './starter/content';
import { starterPersonas, starterStages } from './starter/journey';
import { starterPages } from './starter/pages';
import { starterResponsibilities } from './starter/team';

/**
 * A realistic B2B starting point: six buyer stages, the default lifecycle with BANT, three SLAs,
 * a dozen assets, three personas, the marketing-vs-sales responsibility list, an introduction,
 * a glossary and the weekly sync, and four quarters of metrics. Ids are readable slugs; they only
 * need to be unique within one playbook, and every new item gets a random id.
 */
export function starterTemplate(): PlaybookInput {
  return {
    title: 'Revenue playbook',
    description: 'How marketing and sales turn strangers into customers, together. Edit anything.',
    stages: starterStages(),
    lifecycle: defaultLifecycle(),
    slas: starterSlas(),
    content: starterContent(),
    personas: starterPersonas(),
    roles: defaultRoles(),
    responsibilities: starterResponsibilities(),
    metrics: { currency: 'USD', periods: starterMetrics() },
    attribution: { markdown: STARTER_ATTRIBUTION },
    pages: starterPages(),
  };
}
