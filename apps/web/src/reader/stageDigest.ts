import type { BuyerStage, ContentAsset, LeadState, Persona, Playbook, Responsibility, Sla } from '@fullcourt/playbook';

/** Everything a new hire needs about one buyer stage, gathered from every section. */
export interface StageDigest {
  stage: BuyerStage;
  index: number;
  previous: BuyerStage | null;
  next: BuyerStage | null;
  /** Lifecycle states the stage's own words name ("Reached MQL"). */
  states: LeadState[];
  /** SLAs starting or ending at one of those states. */
  slas: Sla[];
  /** Assets mapped to the stage, by persona; `null` holds the ones for any persona. */
  content: { persona: Persona | null; assets: ContentAsset[] }[];
  /** Activities that name the stage or one of its states, e.g. "Follow up all MQLs". */
  responsibilities: Responsibility[];
}

function mentions(text: string, name: string): boolean {
  const trimmed = name.trim();
  if (trimmed.length < 2) return false;
  const escaped = trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // "MQL" matches "MQLs" and "MQL," but not "SMQL": a word start, then the name.
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}`, 'iu').test(text);
}

/**
 * The stage page's content. The model does not link stages to lifecycle states or activities, so
 * the link is read from the words the teams wrote: a state the stage's criteria, signals or plays
 * name applies to it, and so do activities naming the stage or its states.
 */
export function stageDigest(state: Playbook, stageId: string): StageDigest | null {
  const index = state.stages.findIndex((s) => s.id === stageId);
  const stage = state.stages[index];
  if (!stage) return null;
  const stageWords = [stage.goal, ...stage.entryCriteria, ...stage.exitSignals, ...stage.plays.marketing, ...stage.plays.sales].join('\n');
  const states = state.lifecycle.filter((l) => mentions(stageWords, l.name));
  const stateIds = new Set<string>(states.map((s) => s.id));
  const slas = state.slas.filter((sla) => (sla.from !== null && stateIds.has(sla.from)) || (sla.to !== null && stateIds.has(sla.to)));
  const assets = state.content.filter((a) => a.stageIds.includes(stage.id));
  const personaIds = new Set<string>(state.personas.map((p) => p.id));
  const content = [
    ...state.personas.map((persona) => ({ persona, assets: assets.filter((a) => a.personaIds.includes(persona.id)) })),
    { persona: null, assets: assets.filter((a) => !a.personaIds.some((id) => personaIds.has(id))) },
  ].filter((group) => group.assets.length > 0);
  const names = [stage.name, ...states.map((s) => s.name)];
  const responsibilities = state.responsibilities.filter((r) => names.some((name) => mentions(r.activity, name)));
  return {
    stage,
    index,
    previous: state.stages[index - 1] ?? null,
    next: state.stages[index + 1] ?? null,
    states,
    slas,
    content,
    responsibilities,
  };
}
