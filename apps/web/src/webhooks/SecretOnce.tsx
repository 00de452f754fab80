import { useEffect, useId, useRef, useState } from 'react';
import styles from './webhooks.module.css';

/**
 * The signing secret of a webhook just added. The server never shows it again, so it is put
 * where it cannot be missed, with a copy button, until the person says they have it.
 */
export function SecretOnce({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>('');
  const headingId = useId();
  const inputId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      // The clipboard can be refused (permissions, an insecure origin): leave it selected for Ctrl+C.
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  }

  return (
    <section className={styles.secretOnce} aria-labelledby={headingId}>
      <h3 id={headingId}>Copy the signing secret now</h3>
      <p>
        It is shown only this once. The endpoint at <code>{url}</code> uses it to check the <code>Fullcourt-Signature</code> header of each
        delivery.
      </p>
      <div className={styles.secretRow}>
        <label htmlFor={inputId} className="visually-hidden">
          Signing secret
        </label>
        <input id={inputId} ref={inputRef} readOnly value={secret} spellCheck={false} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          Copy secret
        </button>
      </div>
      <p role="status" className="hint">
        {copied}
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        I have saved it
      </button>
    </section>
  );
}
