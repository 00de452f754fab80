import type * as Y from 'yjs';
import type { ContentAsset } from '../records/ContentAsset';
import type { Playbook } from '../records/Playbook';
import type { ReadContext } from '../ydoc/field';
import { PlaybookDoc } from '../ydoc/PlaybookDoc';

/** Options of toJSON. */
export interface ToJSONOptions {
  /** Include Tiptap JSON next to the Markdown of every rich-text field (editors and lossless copies want it). */
  tiptap?: boolean;
}

/**
 * The canonical JSON of a playbook. Whatever merges produced, the result parses under
 * PlaybookSchema: unusable stored values read as their defaults, dangling references are kept
 * (the validator reports them), and order is deterministic so every peer produces the same JSON.
 */
export function toJSON(source: Y.Doc | PlaybookDoc, options: ToJSONOptions = {}): Playbook {
  const doc = source instanceof PlaybookDoc ? source : new PlaybookDoc(source);
  const context: ReadContext = { tiptap: options.tiptap ?? false };
  const stages = doc.stages.list(context);
  const personas = doc.personas.list(context);
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    stages,
    lifecycle: doc.lifecycle.list(context),
    slas: doc.slas.list(context),
    content: inReadingOrder(doc.content.list(context), stages, personas),
    personas,
    roles: doc.roles.list(context),
    responsibilities: doc.responsibilities.list(context),
    metrics: { currency: doc.currency, periods: doc.metrics.list(context) },
    attribution: doc.attribution(context),
    pages: doc.pages.list(context),
  };
}

/** An asset's links are sets; list them in stage and persona order, which is how people read them. */
function inReadingOrder(assets: ContentAsset[], stages: { id: string }[], personas: { id: string }[]): ContentAsset[] {
  const stageRank = new Map(stages.map((s, i) => [s.id as string, i]));
  const personaRank = new Map(personas.map((p, i) => [p.id as string, i]));
  const byRank = (rank: Map<string, number>) => (a: string, b: string) =>
    (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER) || (a < b ? -1 : a > b ? 1 : 0);
  for (const asset of assets) {
    asset.stageIds.sort(byRank(stageRank));
    asset.personaIds.sort(byRank(personaRank));
  }
  return assets;
}
