import { teamLabels } from '../../format/labels';
import { BANT_KEYS, type LeadState } from '../../records/LeadState';
import type { SectionSpec } from '../collectionDiff';
import { q } from '../context';
import { renamed, textChange, valueChange } from '../fieldChanges';

export const lifecycleSpec: SectionSpec<LeadState> = {
  section: 'lifecycle',
  ordered: true,
  label: (state) => `Lifecycle state ${q(state.name)}`,
  name: (state) => state.name,
  fields(before, after, _ctx, make) {
    const label = after.name.trim() === '' ? 'An unnamed lifecycle state' : after.name;
    return [
      ...renamed(make, `Lifecycle state ${q(before.name)}`, ['name'], before.name, after.name),
      ...textChange(make, label, 'definition', ['definition'], before.definition, after.definition),
      ...BANT_KEYS.flatMap((key) => textChange(make, label, `${key} criterion`, ['bant', key], before.bant[key], after.bant[key])),
      ...valueChange(make, label, 'score threshold', ['scoreThreshold'], before.scoreThreshold, after.scoreThreshold, (t) =>
        t === null ? 'none' : String(t),
      ),
      ...valueChange(make, label, 'owner', ['owner'], before.owner, after.owner, (team) => teamLabels[team]),
    ];
  },
};
