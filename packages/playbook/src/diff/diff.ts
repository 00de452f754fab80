import type { Playbook } from '../records/Playbook';
import type { Change } from './Change';
import { diffCollection } from './collectionDiff';
import { changeMaker, type DiffContext, namesOf, q } from './context';
import { richChange, textChange, valueChange } from './fieldChanges';
import { contentSpec } from './sections/content';
import { lifecycleSpec } from './sections/lifecycle';
import { metricsSpec } from './sections/metrics';
import { pagesSpec } from './sections/pages';
import { personasSpec, rolesSpec } from './sections/people';
import { responsibilitiesSpec } from './sections/responsibilities';
import { slasSpec } from './sections/slas';
import { stagesSpec } from './sections/stages';

/**
 * The changes from playbook `before` to `after` (both canonical JSON), worded for a business
 * reader: "SLA MQL → SAL: response time 24 hours → 4 hours", "Stage 'Evaluate' added after
 * 'Consider'", "Sales became A for 'Follow up all MQLs'". Sections come in playbook order.
 */
export function diff(before: Playbook, after: Playbook): Change[] {
  const ctx: DiffContext = { before: namesOf(before), after: namesOf(after) };
  const playbook = changeMaker('playbook', null);
  return [
    ...(before.title === after.title
      ? []
      : [
          playbook('changed', ['title'], `Playbook renamed from ${q(before.title)} to ${q(after.title)}`, {
            before: before.title,
            after: after.title,
          }),
        ]),
    ...textChange(playbook, 'Playbook', 'description', ['description'], before.description, after.description),
    ...valueChange(playbook, 'Metrics', 'currency', ['metrics', 'currency'], before.metrics.currency, after.metrics.currency, String),
    ...diffCollection(stagesSpec, before.stages, after.stages, ctx),
    ...diffCollection(lifecycleSpec, before.lifecycle, after.lifecycle, ctx),
    ...diffCollection(slasSpec, before.slas, after.slas, ctx),
    ...diffCollection(contentSpec, before.content, after.content, ctx),
    ...diffCollection(personasSpec, before.personas, after.personas, ctx),
    ...diffCollection(rolesSpec, before.roles, after.roles, ctx),
    ...diffCollection(responsibilitiesSpec, before.responsibilities, after.responsibilities, ctx),
    ...diffCollection(metricsSpec, before.metrics.periods, after.metrics.periods, ctx),
    ...richChange(changeMaker('attribution', null), 'Attribution rules', ['attribution'], before.attribution, after.attribution),
    ...diffCollection(pagesSpec, before.pages, after.pages, ctx),
  ];
}
