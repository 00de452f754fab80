import { useId } from 'react';

interface Props<T extends string> {
  /** The accessible name; shown as a visible label unless `hideLabel`. */
  label: string;
  hideLabel?: boolean;
  /** The choices in order (a zod enum's `options`). */
  options: readonly T[];
  /** How each choice reads ("Marketing", "per month"). */
  labels: Readonly<Record<T, string>>;
  value: T;
  onChange: (value: T) => void;
  className?: string;
}

/**
 * A choice among a fixed set of values (a team, a format, a unit). The value handed to onChange
 * is always one of `options`, so callers need no parsing of the select's string.
 */
export function EnumSelect<T extends string>({ label, hideLabel, options, labels, value, onChange, className }: Props<T>) {
  const id = useId();
  const select = (
    <select
      id={id}
      value={value}
      aria-label={hideLabel ? label : undefined}
      className={hideLabel ? className : undefined}
      onChange={(e) => {
        const chosen = options.find((option) => option === e.target.value);
        if (chosen !== undefined) onChange(chosen);
      }}
    >
      {options.map((option) => (
        <option key={option} value={option}>
          {labels[option]}
        </option>
      ))}
    </select>
  );
  if (hideLabel) return select;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {select}
    </div>
  );
}
