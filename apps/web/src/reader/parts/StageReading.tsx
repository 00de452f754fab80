import { type BuyerStage, teamLabels } from '@fullcourt/playbook';
import { Link } from '../../app/Link';
import { MarkdownView } from '../../richtext/MarkdownView';
import styles from '../reader.module.css';
import { anchors } from '../search';

function Lines({ title, lines }: { title: string; lines: readonly string[] }) {
  const shown = lines.filter((l) => l.trim() !== '');
  if (shown.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {shown.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional and read-only here.
          <li key={i}>{line}</li>
        ))}
      </ul>
    </>
  );
}

/** One stage as prose: the buyer's goal, how we know they entered and left, what each team does, notes. */
export function StageReading({
  stage,
  index,
  playbookId,
  standalone,
  linked = true,
}: {
  stage: BuyerStage;
  index: number;
  playbookId: string;
  standalone?: boolean;
  /** Whether the name links to the stage's own page. */
  linked?: boolean;
}) {
  const name = stage.name || 'Unnamed stage';
  return (
    <div className={`${styles.readItem} ${styles.stageReading}`} id={standalone ? undefined : anchors.stage(stage.id)} tabIndex={-1}>
      {!standalone && (
        <h3>
          <span className={styles.stageIndex}>{index + 1}.</span>{' '}
          {linked ? <Link to={{ name: 'reader', playbookId, stageId: stage.id }}>{name}</Link> : name}
        </h3>
      )}
      <p className="meta">Owned by {teamLabels[stage.owner].toLowerCase()}</p>
      {stage.goal && <p className={styles.goal}>{stage.goal}</p>}
      <div className={styles.twoColumns}>
        <div>
          <Lines title="Entry criteria" lines={stage.entryCriteria} />
          <Lines title="Exit signals" lines={stage.exitSignals} />
        </div>
        <div>
          <Lines title="Marketing plays" lines={stage.plays.marketing} />
          <Lines title="Sales plays" lines={stage.plays.sales} />
        </div>
      </div>
      <MarkdownView markdown={stage.notes.markdown} />
    </div>
  );
}
