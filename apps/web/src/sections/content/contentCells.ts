/** A cell of the content map: a stage, and a persona or none ("for everyone in the stage"). */
export interface Cell {
  stageId: string;
  personaId: string | null;
}

const ANY_PERSONA = '*';

/** A cell as one string, for drop targets and React keys. Ids never contain "|". */
export function cellKey(cell: Cell): string {
  return `${cell.stageId}|${cell.personaId ?? ANY_PERSONA}`;
}

export function parseCellKey(key: string): Cell | null {
  const [stageId, persona, extra] = key.split('|');
  if (!stageId || !persona || extra !== undefined) return null;
  return { stageId, personaId: persona === ANY_PERSONA ? null : persona };
}

/** The links to change so an asset shown in `from` shows in `to` instead. */
export interface LinkChanges {
  unlinkStage: string | null;
  linkStage: string | null;
  unlinkPersona: string | null;
  linkPersona: string | null;
}

/**
 * Moving a card from one cell to another swaps the stage link and the persona link that the two
 * cells differ in; the asset's other links (it may sit in several cells) are left as they are.
 */
export function moveLinks(asset: { stageIds: readonly string[]; personaIds: readonly string[] }, from: Cell, to: Cell): LinkChanges {
  const changes: LinkChanges = { unlinkStage: null, linkStage: null, unlinkPersona: null, linkPersona: null };
  if (from.stageId !== to.stageId) {
    changes.unlinkStage = from.stageId;
    if (!asset.stageIds.includes(to.stageId)) changes.linkStage = to.stageId;
  }
  if (from.personaId !== to.personaId) {
    changes.unlinkPersona = from.personaId;
    if (to.personaId !== null && !asset.personaIds.includes(to.personaId)) changes.linkPersona = to.personaId;
  }
  return changes;
}

// The validator's rule, from the package, so the badge and the finding never disagree.
export { isReviewOverdue } from '@fullcourt/playbook';
