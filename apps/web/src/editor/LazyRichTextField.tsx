import { useRef, useState } from 'react';
import { MarkdownView } from '../richtext/MarkdownView';
import styles from './editor.module.css';
import { type RichSource, RichTextField } from './RichTextField';
import { useNearViewport } from './useNearViewport';

interface Props {
  source: RichSource;
  label: string;
  /** The field's current text, shown until the editor starts. */
  markdown: string;
}

/**
 * A rich-text field that starts its editor when it comes near the screen, showing its text until
 * then. A click on the text starts the editor at once and puts the caret in it.
 */
export function LazyRichTextField({ source, label, markdown }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const [activated, setActivated] = useState(false);
  return (
    <div ref={ref}>
      {near || activated ? (
        <RichTextField source={source} label={label} autoFocus={activated} />
      ) : (
        // biome-ignore lint/a11y/useKeyWithClickEvents: a pointer shortcut only; keyboard focus scrolls the field into view, which starts the editor.
        <section className={`${styles.richTextField} ${styles.richTextPreview}`} aria-label={label} onClick={() => setActivated(true)}>
          <MarkdownView markdown={markdown} />
        </section>
      )}
    </div>
  );
}
