import type { Sla } from '../records/Sla';
import { formatDuration } from './duration';
import { periodUnitLabels, plural, teamLabels } from './labels';

/** The lifecycle state names an SLA sentence needs, by id. */
export type StateNames = ReadonlyMap<string, string> | readonly { id: string; name: string }[];

/** The name of a lifecycle state, or a visible placeholder when the reference dangles. */
export function stateName(states: StateNames, id: string | null): string {
  if (id === null) return '(no state)';
  const name = 'get' in states ? states.get(id) : states.find((s) => s.id === id)?.name;
  if (name === undefined) return '(deleted state)';
  return name.trim() === '' ? '(unnamed state)' : name;
}

/** "SLA MQL → SAL": how an SLA is named in lists, findings and change sentences. */
export function slaTitle(sla: Pick<Sla, 'from' | 'to'>, states: StateNames): string {
  return `SLA ${stateName(states, sla.from)} → ${stateName(states, sla.to)}`;
}

/**
 * The SLA as one sentence: "Sales follows up every MQL within 4 business hours, 6 attempts in
 * 10 days, rejects with a reason within 2 days. Marketing commits to 400 MQLs per month."
 */
export function slaSentence(sla: Sla, states: StateNames): string {
  const from = stateName(states, sla.from);
  const owner = teamLabels[sla.owner];
  const verb = sla.owner === 'shared' ? 'follow' : 'follows';
  const rejects = sla.owner === 'shared' ? 'reject' : 'rejects';
  const response = formatDuration(sla.responseTime.duration, sla.responseTime.clock);
  const cadence = `${plural(sla.followUp.attempts, 'attempt')} in ${formatDuration(sla.followUp.window)}`;
  const feedback = `${rejects} with a reason within ${formatDuration(sla.feedback.rejectWithin)}`;
  let sentence = `${owner} ${verb} up every ${from} within ${response}, ${cadence}, ${feedback}.`;
  if (sla.volume) {
    sentence += ` Marketing commits to ${sla.volume.count} ${from}${sla.volume.count === 1 ? '' : 's'} per ${periodUnitLabels[sla.volume.per]}.`;
  }
  return sentence;
}
