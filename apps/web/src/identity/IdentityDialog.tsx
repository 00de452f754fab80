import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { cleanName, IDENTITY_COLORS, type Identity, suggestColor } from './identity';
import { setIdentity } from './useIdentity';

interface Props {
  current: Identity | null;
  /** Called after saving or cancelling; absent when a name is required to go on. */
  onClose?: () => void;
}

/** Asks for the name and colour others will see on carets and avatars. A modal dialog: focus stays inside. */
export function IdentityDialog({ current, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(current?.name ?? '');
  const [color, setColor] = useState(current?.color ?? '');
  const headingId = useId();
  const nameId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const [error, setError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const clean = cleanName(name);
    if (!clean) return;
    try {
      await setIdentity({ name: clean, color: color || suggestColor(clean) });
      onClose?.();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <dialog
      ref={ref}
      className="identity-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Without a name there is nothing to show others; Escape only closes when a name exists.
        if (!onClose) event.preventDefault();
        else onClose();
      }}
    >
      <form onSubmit={onSubmit}>
        <h2 id={headingId}>{current ? 'Change how others see you' : 'Who is editing?'}</h2>
        <p>Your name and colour mark your cursor and your avatar for everyone in this playbook. They are saved to your account.</p>
        <label htmlFor={nameId}>Your name</label>
        <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} maxLength={40} required autoComplete="name" />
        <fieldset className="colors">
          <legend>Your colour</legend>
          {IDENTITY_COLORS.map((option) => (
            <label key={option.value} className="color-option" style={{ '--swatch': option.value } as React.CSSProperties}>
              <input
                type="radio"
                name="identity-color"
                value={option.value}
                checked={(color || suggestColor(cleanName(name))) === option.value}
                onChange={() => setColor(option.value)}
              />
              <span className="swatch" aria-hidden="true" />
              {option.label}
            </label>
          ))}
        </fieldset>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          {onClose && (
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit">Save name</button>
        </div>
      </form>
    </dialog>
  );
}
