import type { Playbook } from '../../records/Playbook';

/** What the rules share: the playbook plus the lookups most of them need, built once. */
export interface RuleContext {
  playbook: Playbook;
  /** Today's date (YYYY-MM-DD), for review dates; injected so tests and servers agree on it. */
  today: string;
  stateNames: Map<string, string>;
  stateIndex: Map<string, number>;
  stageNames: Map<string, string>;
  personaNames: Map<string, string>;
  roleNames: Map<string, string>;
}

export function ruleContext(playbook: Playbook, today: string): RuleContext {
  return {
    playbook,
    today,
    stateNames: new Map(playbook.lifecycle.map((s) => [s.id, s.name])),
    stateIndex: new Map(playbook.lifecycle.map((s, i) => [s.id, i])),
    stageNames: new Map(playbook.stages.map((s) => [s.id, s.name])),
    personaNames: new Map(playbook.personas.map((p) => [p.id, p.name])),
    roleNames: new Map(playbook.roles.map((r) => [r.id, r.name])),
  };
}

/** "'Evaluate'" or "an unnamed stage": how an item is named in a finding. */
export function quoted(name: string, kind: string): string {
  return name.trim() === '' ? `an unnamed ${kind}` : `'${name}'`;
}
