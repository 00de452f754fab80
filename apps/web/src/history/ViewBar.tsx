import { type ReactNode, useEffect, useId, useRef } from 'react';
import styles from './history.module.css';

/** The top of a view inside the history panel: the way back, what this is, and its actions. Focus lands on the title. */
export function ViewBar({
  title,
  subtitle,
  onBack,
  children,
}: {
  title: string;
  subtitle?: string;
  onBack: () => void;
  children?: ReactNode;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => {
    // A screen reader hears where the button led; the keyboard continues from here.
    headingRef.current?.focus();
  }, []);
  return (
    <div className={styles.viewBar}>
      <button type="button" className="secondary" onClick={onBack}>
        ← Back to versions
      </button>
      <div className={styles.viewTitle}>
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          {title}
        </h3>
        {subtitle && <p className="meta">{subtitle}</p>}
      </div>
      {children && <div className={styles.viewActions}>{children}</div>}
    </div>
  );
}
