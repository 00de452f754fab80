import { useEffect, useId, useRef } from 'react';
import styles from './ui.module.css';

interface Props {
  /** The list's name, e.g. "Entry criteria". */
  label: string;
  /** One line's name, e.g. "Entry criterion": buttons and inputs are named after it. */
  itemLabel: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  readOnly?: boolean;
  /** The longest a line may be (the server's limit: see fieldTextLimit). */
  maxLength?: number;
}

/**
 * A list of short lines: Enter adds a line below, Backspace on an empty line removes it. Each line
 * is written as one edit of the shared list, so a peer editing another line is untouched.
 */
export function EditableList({ label, itemLabel, items, onChange, readOnly, maxLength }: Props) {
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const focusIndex = useRef<number | null>(null);

  useEffect(() => {
    if (focusIndex.current === null) return;
    const inputs = listRef.current?.querySelectorAll('input');
    inputs?.[Math.min(focusIndex.current, inputs.length - 1)]?.focus();
    focusIndex.current = null;
  });

  const replace = (index: number, line: string) => onChange(items.map((item, i) => (i === index ? line : item)));
  const insertAfter = (index: number) => {
    focusIndex.current = index + 1;
    onChange([...items.slice(0, index + 1), '', ...items.slice(index + 1)]);
  };
  const remove = (index: number) => {
    focusIndex.current = Math.max(0, index - 1);
    onChange(items.filter((_, i) => i !== index));
  };

  return (
    <div className={styles.editableList}>
      <h4 id={headingId}>{label}</h4>
      <ul ref={listRef} aria-labelledby={headingId}>
        {items.map((item, index) => (
          // Lines have no ids of their own; the position is their identity, as in the shared list.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <li key={index}>
            {readOnly ? (
              item
            ) : (
              <>
                <input
                  type="text"
                  value={item}
                  maxLength={maxLength}
                  aria-label={`${itemLabel} ${index + 1}`}
                  onChange={(e) => replace(index, e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      insertAfter(index);
                    } else if (e.key === 'Backspace' && item === '') {
                      e.preventDefault();
                      remove(index);
                    }
                  }}
                />
                <button
                  type="button"
                  className="icon"
                  aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
                  onClick={() => remove(index)}
                >
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <button type="button" className="link-button" onClick={() => insertAfter(items.length - 1)}>
          + Add {itemLabel.toLowerCase()}
        </button>
      )}
    </div>
  );
}
