import type { Change } from '@fullcourt/playbook';
import { changeHeadline, changeKindLabels, groupChanges, textSides } from './changeDisplay';
import styles from './history.module.css';
import { inlineTextDiff } from './inlineTextDiff';

/** Added and removed changes are marked in colour; changed and moved ones are not. */
const kindStyles: Partial<Record<string, string | undefined>> = { added: styles.changeAdded, removed: styles.changeRemoved };

interface Props {
  changes: readonly Change[];
  /** What to say when nothing changed. */
  empty: string;
  /** The level of the section headings, one below the heading the list sits under. */
  headingLevel?: 3 | 4;
}

/** What changed, in business sentences grouped by section; edits to long texts shown word by word in place. */
export function DiffList({ changes, empty, headingLevel = 3 }: Props) {
  if (changes.length === 0) return <p className="empty">{empty}</p>;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className={styles.diffList}>
      {groupChanges(changes).map((group) => (
        <section key={group.heading} className="diff-group">
          <Heading>{group.heading}</Heading>
          <ul>
            {group.changes.map((change, index) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: one item can change in several fields; the list is read-only.
                key={`${change.itemId}-${change.path.join('.')}-${index}`}
                className={`${styles.change} ${kindStyles[change.kind] ?? ''}`}
              >
                <span className={styles.changeKind}>{changeKindLabels[change.kind]}</span>
                <span className={styles.changeText}>{changeHeadline(change)}</span>
                {change.textChanges && <TextChange change={change} />}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The added and removed words of a text field, marked up so that screen readers say which is which. */
function TextChange({ change }: { change: Change }) {
  const sides = textSides(change);
  const segments = sides && inlineTextDiff(sides.before, sides.after);
  if (segments) {
    return (
      <p className={styles.inlineDiff}>
        {segments.map((segment, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and read-only.
          <Segment key={index} kind={segment.kind} text={segment.text} />
        ))}
      </p>
    );
  }
  // Too large a rewrite to compare word by word here: the server's snippets.
  const { added, removed } = change.textChanges ?? { added: [], removed: [] };
  return (
    <p className={styles.inlineDiff}>
      {removed.map((text, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: snippets are positional and read-only.
        <Segment key={`r${index}`} kind="removed" text={text} />
      ))}
      {added.map((text, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: snippets are positional and read-only.
        <Segment key={`a${index}`} kind="added" text={text} />
      ))}
    </p>
  );
}

function Segment({ kind, text }: { kind: 'same' | 'added' | 'removed'; text: string }) {
  if (kind === 'same') return <span>{text} </span>;
  const Tag = kind === 'added' ? 'ins' : 'del';
  return (
    <>
      <Tag>
        <span className="visually-hidden">{kind === 'added' ? '[added: ' : '[removed: '}</span>
        {text}
        <span className="visually-hidden">]</span>
      </Tag>{' '}
    </>
  );
}
