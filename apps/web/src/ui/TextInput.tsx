import { fieldTextLimit } from '@fullcourt/playbook';
import { useId } from 'react';
import { useReadOnly } from '../editor/useCollaboration';
import { type TextSource, useLiveText } from '../editor/useLiveText';

interface Props {
  source: TextSource;
  /** The accessible name; shown as a visible label unless `hideLabel`. */
  label: string;
  hideLabel?: boolean;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
  autoFocus?: boolean;
}

/** A text field bound live to the playbook: everyone sees each character as it is typed. */
export function TextInput({ source, label, hideLabel, multiline, placeholder, className, autoFocus }: Props) {
  const id = useId();
  const input = useLiveText<HTMLInputElement & HTMLTextAreaElement>(source);
  const readOnly = useReadOnly();
  const common = {
    id,
    disabled: readOnly,
    ref: input.ref,
    value: input.value,
    placeholder,
    autoFocus,
    // The limit the server enforces (the record schemas'): typing or pasting stops at it.
    maxLength: 'playbook' in source ? fieldTextLimit('playbook', source.playbook) : fieldTextLimit(source.collection, source.path),
    onChange: (e: { target: { value: string } }) => input.onChange(e.target.value),
    ...(hideLabel ? { 'aria-label': label } : {}),
  };
  return (
    <div className={`field ${className ?? ''}`}>
      {!hideLabel && <label htmlFor={id}>{label}</label>}
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
    </div>
  );
}
