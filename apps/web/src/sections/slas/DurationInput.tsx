import type { Clock } from '@fullcourt/playbook';

import { EnumSelect } from '../../ui/EnumSelect';
import { NumberInput } from '../../ui/NumberInput';
import { DURATION_UNITS, type DurationUnit, toAmount, toIso } from './durationAmount';

const UNIT_LABELS: Record<DurationUnit, string> = { minutes: 'minutes', hours: 'hours', days: 'days', weeks: 'weeks' };
const CLOCKS = ['business', 'calendar'] as const satisfies readonly Clock[];
const CLOCK_LABELS: Record<Clock, string> = { business: 'business time', calendar: 'calendar time' };

interface Props {
  /** What the duration is, e.g. "Response time"; names the group and each input. */
  label: string;
  iso: string;
  onChange: (iso: string) => void;
  /** When given, a business/calendar choice is shown beside the amount. */
  clock?: { value: Clock; onChange: (clock: Clock) => void };
}

/** A duration as a number and a unit (and optionally business or calendar time); the ISO string stays out of sight. */
export function DurationInput({ label, iso, onChange, clock }: Props) {
  const amount = toAmount(iso) ?? { value: 0, unit: 'hours' as DurationUnit };
  return (
    <fieldset>
      <legend>{label}</legend>
      <NumberInput
        label={`${label} amount`}
        hideLabel
        value={amount.value}
        onChange={(v) => onChange(toIso({ ...amount, value: v ?? 0 }))}
      />
      <EnumSelect
        label={`${label} unit`}
        hideLabel
        options={DURATION_UNITS}
        labels={UNIT_LABELS}
        value={amount.unit}
        onChange={(unit) => onChange(toIso({ ...amount, unit }))}
      />
      {clock && (
        <EnumSelect
          label={`${label} clock`}
          hideLabel
          options={CLOCKS}
          labels={CLOCK_LABELS}
          value={clock.value}
          onChange={clock.onChange}
        />
      )}
    </fieldset>
  );
}
