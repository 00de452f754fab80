import { assetFormatLabels } from '../../format/labels';
import type { ContentAsset } from '../../records/ContentAsset';
import type { Change } from '../Change';
import type { SectionSpec } from '../collectionDiff';
import { type ChangeMaker, type DiffContext, q, refName } from '../context';
import { renamed, textChange, valueChange } from '../fieldChanges';

export const contentSpec: SectionSpec<ContentAsset> = {
  section: 'content',
  ordered: false,
  label: (asset) => `Asset ${q(asset.title)}`,
  name: (asset) => asset.title,
  added(asset, ctx) {
    const stages = asset.stageIds.map((id) => refName(ctx, 'stages', id, 'stage'));
    return stages.length === 0 ? `Asset ${q(asset.title)} added` : `Asset ${q(asset.title)} added to ${andList(stages)}`;
  },
  fields(before, after, ctx, make) {
    const label = `Asset ${q(after.title)}`;
    const date = (d: string | null) => d ?? 'none';
    return [
      ...renamed(make, `Asset ${q(before.title)}`, ['title'], before.title, after.title),
      ...textChange(make, label, 'link', ['url'], before.url, after.url),
      ...valueChange(make, label, 'format', ['format'], before.format, after.format, (f) => assetFormatLabels[f]),
      ...textChange(make, label, 'owner', ['owner'], before.owner, after.owner),
      ...valueChange(make, label, 'last reviewed', ['lastReviewed'], before.lastReviewed, after.lastReviewed, date),
      ...valueChange(make, label, 'review by', ['reviewBy'], before.reviewBy, after.reviewBy, date),
      ...stageMoves(make, label, before.stageIds, after.stageIds, ctx),
      ...personaLinks(make, label, before.personaIds, after.personaIds, ctx),
    ];
  },
};

/** One stage swapped for another reads as a move ("moved from Consider to Decide"); anything else as links. */
function stageMoves(make: ChangeMaker, label: string, before: string[], after: string[], ctx: DiffContext): Change[] {
  const removed = before.filter((id) => !after.includes(id));
  const added = after.filter((id) => !before.includes(id));
  const name = (id: string) => refName(ctx, 'stages', id, 'stage');
  if (removed.length === 1 && added.length === 1) {
    const [from, to] = [removed[0] as string, added[0] as string];
    return [make('moved', ['stageIds'], `${label} moved from ${name(from)} to ${name(to)}`, { before: from, after: to })];
  }
  return [
    ...added.map((id) => make('added', ['stageIds'], `${label} now also in ${name(id)}`, { after: id })),
    ...removed.map((id) => make('removed', ['stageIds'], `${label} no longer in ${name(id)}`, { before: id })),
  ];
}

function personaLinks(make: ChangeMaker, label: string, before: string[], after: string[], ctx: DiffContext): Change[] {
  const name = (id: string) => q(refName(ctx, 'personas', id, 'persona'));
  return [
    ...after
      .filter((id) => !before.includes(id))
      .map((id) => make('added', ['personaIds'], `${label} now for persona ${name(id)}`, { after: id })),
    ...before
      .filter((id) => !after.includes(id))
      .map((id) => make('removed', ['personaIds'], `${label} no longer for persona ${name(id)}`, { before: id })),
  ];
}

function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
