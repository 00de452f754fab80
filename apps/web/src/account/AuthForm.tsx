import { type FormEvent, type ReactNode, useId, useState } from 'react';
import styles from './account.module.css';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  minLength?: number;
  initial?: string;
  readOnly?: boolean;
}

interface Props {
  title: string;
  intro?: ReactNode;
  fields: FieldSpec[];
  submit: string;
  onSubmit(values: Record<string, string>): Promise<void>;
}

/** One small form on a page of its own (sign in, setup, accepting an invitation): labelled fields, one button, the server's sentence on failure. */
export function AuthForm({ title, intro, fields, submit, onSubmit }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function handle(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className={`page ${styles.authPage}`}>
      <h1>{title}</h1>
      {intro}
      <form onSubmit={handle} aria-label={title}>
        {fields.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={`${id}-${f.name}`}>{f.label}</label>
            <input
              id={`${id}-${f.name}`}
              type={f.type ?? 'text'}
              value={values[f.name] ?? ''}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              autoComplete={f.autoComplete}
              minLength={f.minLength}
              readOnly={f.readOnly}
              required
            />
          </div>
        ))}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {submit}
        </button>
      </form>
    </main>
  );
}
