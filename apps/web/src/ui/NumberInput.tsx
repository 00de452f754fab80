import { useId, useState } from 'react';

interface Props {
  label: string;
  hideLabel?: boolean;
  value: number | null;
  /** Called with each valid number typed, or null when emptied (only if `nullable`). */
  onChange: (value: number | null) => void;
  min?: number;
  step?: number;
  nullable?: boolean;
  className?: string;
  /** Shown after the input, e.g. a unit. */
  suffix?: string;
}

/**
 * A number bound to the playbook. While focused it keeps what is typed, even when it is not yet a
 * number (an empty field mid-edit), and writes every valid value at once so peers see it.
 */
export function NumberInput({ label, hideLabel, value, onChange, min = 0, step = 1, nullable, className, suffix }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value === null ? '' : String(value));

  function change(text: string) {
    setDraft(text);
    if (text.trim() === '') {
      if (nullable) onChange(null);
      return;
    }
    const parsed = Number(text);
    if (Number.isFinite(parsed) && parsed >= min) onChange(step >= 1 ? Math.trunc(parsed) : parsed);
  }

  return (
    <span className={`field number-field ${className ?? ''}`}>
      {!hideLabel && <label htmlFor={id}>{label}</label>}
      <input
        id={id}
        type="number"
        inputMode={step >= 1 ? 'numeric' : 'decimal'}
        min={min}
        step={step}
        value={shown}
        aria-label={hideLabel ? label : undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={() => setDraft(null)}
      />
      {suffix && <span className="suffix">{suffix}</span>}
    </span>
  );
}
