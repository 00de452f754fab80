import type { AssetId, ContentAsset } from '../records/ContentAsset';
import type { Playbook } from '../records/Playbook';

/** The content map as people read it: stages down, personas across, assets in the cells. */
export interface ContentMatrix {
  stages: { id: string; name: string }[];
  personas: { id: string; name: string }[];
  /** `cells[stageId][personaId]` lists the assets mapped to both, in content order. */
  cells: Record<string, Record<string, AssetId[]>>;
  /** Assets mapped to a stage but to no persona ("for everyone in the stage"), by stage. */
  anyPersona: Record<string, AssetId[]>;
  /** Assets mapped to no live stage: they appear nowhere in the matrix. */
  unmapped: AssetId[];
}

/** What the matrix is built from: the names of stages and personas, and each asset's links. */
export interface ContentMatrixInput {
  stages: readonly { id: string; name: string }[];
  personas: readonly { id: string; name: string }[];
  content: readonly Pick<ContentAsset, 'id' | 'stageIds' | 'personaIds'>[];
}

/** Builds the stage × persona matrix of a playbook's content. Links to deleted stages or personas are left out. */
export function contentMatrix(playbook: Playbook | ContentMatrixInput): ContentMatrix {
  const stages = playbook.stages.map(({ id, name }) => ({ id, name }));
  const personas = playbook.personas.map(({ id, name }) => ({ id, name }));
  const personaIds = new Set<string>(personas.map((p) => p.id));
  const cells: ContentMatrix['cells'] = {};
  const anyPersona: ContentMatrix['anyPersona'] = {};
  for (const stage of stages) {
    cells[stage.id] = Object.fromEntries(personas.map((p) => [p.id, [] as AssetId[]]));
    anyPersona[stage.id] = [];
  }
  const unmapped: AssetId[] = [];
  for (const asset of playbook.content) {
    const liveStages = asset.stageIds.filter((id) => id in cells);
    if (liveStages.length === 0) unmapped.push(asset.id);
    const livePersonas = asset.personaIds.filter((id) => personaIds.has(id));
    for (const stageId of liveStages) place(cells, anyPersona, stageId, livePersonas, asset);
  }
  return { stages, personas, cells, anyPersona, unmapped };
}

function place(
  cells: ContentMatrix['cells'],
  anyPersona: ContentMatrix['anyPersona'],
  stageId: string,
  personaIds: string[],
  asset: Pick<ContentAsset, 'id'>,
): void {
  if (personaIds.length === 0) {
    anyPersona[stageId]?.push(asset.id);
    return;
  }
  for (const personaId of personaIds) cells[stageId]?.[personaId]?.push(asset.id);
}
