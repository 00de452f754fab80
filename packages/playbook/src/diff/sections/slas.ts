import { formatDuration } from '../../format/duration';
import { periodUnitLabels, plural, teamLabels } from '../../format/labels';
import { slaSentence, slaTitle } from '../../format/slaSentence';
import type { Sla } from '../../records/Sla';
import type { SectionSpec } from '../collectionDiff';
import { refName } from '../context';
import { lineChanges, valueChange } from '../fieldChanges';

export const slasSpec: SectionSpec<Sla> = {
  section: 'slas',
  ordered: false,
  label: (sla, ctx, side) => slaTitle(sla, ctx[side].states),
  name: (sla) => sla.id,
  added: (sla, ctx) => `${slaTitle(sla, ctx.after.states)} added: ${slaSentence(sla, ctx.after.states)}`,
  fields(before, after, ctx, make) {
    // Re-links are worded with the old title (that is the SLA readers know); the rest with the new one.
    const oldTitle = slaTitle(before, ctx.before.states);
    const label = slaTitle(after, ctx.after.states);
    const state = (id: string | null) => (id === null ? 'no state' : refName(ctx, 'states', id, 'state'));
    const relinks = (['from', 'to'] as const)
      .filter((end) => before[end] !== after[end])
      .map((end) =>
        make('changed', [end], `${oldTitle} now ${end === 'from' ? 'starts at' : 'ends at'} ${state(after[end])}`, {
          before: before[end],
          after: after[end],
        }),
      );
    return [
      ...relinks,
      ...valueChange(make, label, 'owner', ['owner'], before.owner, after.owner, (team) => teamLabels[team]),
      ...valueChange(make, label, 'response time', ['responseTime'], before.responseTime, after.responseTime, (r) =>
        formatDuration(r.duration, r.clock),
      ),
      ...valueChange(
        make,
        label,
        'follow-up',
        ['followUp'],
        before.followUp,
        after.followUp,
        (f) => `${plural(f.attempts, 'attempt')} in ${formatDuration(f.window)}`,
      ),
      ...valueChange(
        make,
        label,
        'reject with a reason within',
        ['feedback', 'rejectWithin'],
        before.feedback.rejectWithin,
        after.feedback.rejectWithin,
        (d) => formatDuration(d),
      ),
      ...lineChanges(make, label, 'rejection reason', ['feedback', 'reasons'], before.feedback.reasons, after.feedback.reasons),
      ...valueChange(make, label, 'volume commitment', ['volume'], before.volume, after.volume, (v) =>
        v === null ? 'none' : `${v.count} per ${periodUnitLabels[v.per]}`,
      ),
    ];
  },
};
