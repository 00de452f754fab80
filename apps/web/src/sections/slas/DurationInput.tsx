import type { Clock } from '@fullcourt/playbook';
import { useId } from 'react';
import { NumberInput } from '../../ui/NumberInput';
import { DURATION_UNITS, type DurationUnit, toAmount, toIso } from './durationAmount';

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
  const id = useId();
  const amount = toAmount(iso) ?? { value: 0, unit: 'hours' as DurationUnit };
  return (
    <fieldset className="duration-input">
      <legend>{label}</legend>
      <NumberInput
        label={`${label} amount`}
        hideLabel
        value={amount.value}
        onChange={(v) => onChange(toIso({ ...amount, value: v ?? 0 }))}
      />
      <select
        id={`${id}-unit`}
        aria-label={`${label} unit`}
        value={amount.unit}
        onChange={(e) => onChange(toIso({ ...amount, unit: e.target.value as DurationUnit }))}
      >
        {DURATION_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {unit}
          </option>
        ))}
      </select>
      {clock && (
        <select aria-label={`${label} clock`} value={clock.value} onChange={(e) => clock.onChange(e.target.value as Clock)}>
          <option value="business">business time</option>
          <option value="calendar">calendar time</option>
        </select>
      )}
    </fieldset>
  );
}
