import type { Playbook } from '../records/Playbook';
import type { Change, ChangeKind, SectionName, TextChanges } from './Change';

/** The names a sentence needs from one side of the diff, by id. */
export interface Names {
  states: Map<string, string>;
  stages: Map<string, string>;
  personas: Map<string, string>;
  roles: Map<string, string>;
  currency: string;
}

/** Both sides' names: sentences about removed things use the old names, the rest the new ones. */
export interface DiffContext {
  before: Names;
  after: Names;
}

export function namesOf(playbook: Playbook): Names {
  const byId = (items: { id: string; name: string }[]) => new Map(items.map((item) => [item.id as string, item.name]));
  return {
    states: byId(playbook.lifecycle),
    stages: byId(playbook.stages),
    personas: byId(playbook.personas),
    roles: byId(playbook.roles),
    currency: playbook.metrics.currency,
  };
}

/** The name of a referenced item, preferring the new name; "a deleted stage" when neither side knows it. */
export function refName(ctx: DiffContext, kind: Exclude<keyof Names, 'currency'>, id: string, noun: string): string {
  const name = ctx.after[kind].get(id) ?? ctx.before[kind].get(id);
  if (name === undefined) return `a deleted ${noun}`;
  return name.trim() === '' ? `an unnamed ${noun}` : name;
}

/** 'Evaluate' in quotes, or "(unnamed)". */
export function q(name: string): string {
  return name.trim() === '' ? '(unnamed)' : `'${name}'`;
}

/** Extra structured data of a change. */
export interface ChangeDetails {
  before?: unknown;
  after?: unknown;
  textChanges?: TextChanges;
}

/** Builds the changes of one item: section and id are fixed, the rest varies per change. */
export type ChangeMaker = (kind: ChangeKind, path: (string | number)[], text: string, details?: ChangeDetails) => Change;

export function changeMaker(section: SectionName, itemId: string | null): ChangeMaker {
  return (kind, path, text, details = {}) => ({ section, kind, itemId, path, ...details, text });
}
