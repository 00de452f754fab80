import { teamLabels } from '../../format/labels';
import type { BuyerStage } from '../../records/BuyerStage';
import type { SectionSpec } from '../collectionDiff';
import { q } from '../context';
import { lineChanges, renamed, richChange, textChange, valueChange } from '../fieldChanges';

export const stagesSpec: SectionSpec<BuyerStage> = {
  section: 'stages',
  ordered: true,
  label: (stage) => `Stage ${q(stage.name)}`,
  name: (stage) => stage.name,
  fields(before, after, _ctx, make) {
    const label = `Stage ${q(after.name)}`;
    return [
      ...renamed(make, `Stage ${q(before.name)}`, ['name'], before.name, after.name),
      ...textChange(make, label, 'goal', ['goal'], before.goal, after.goal),
      ...lineChanges(make, label, 'entry criterion', ['entryCriteria'], before.entryCriteria, after.entryCriteria),
      ...lineChanges(make, label, 'exit signal', ['exitSignals'], before.exitSignals, after.exitSignals),
      ...valueChange(make, label, 'owner', ['owner'], before.owner, after.owner, (team) => teamLabels[team]),
      ...lineChanges(make, label, 'marketing play', ['plays', 'marketing'], before.plays.marketing, after.plays.marketing),
      ...lineChanges(make, label, 'sales play', ['plays', 'sales'], before.plays.sales, after.plays.sales),
      ...richChange(make, `${label} notes`, ['notes'], before.notes, after.notes),
    ];
  },
};
