import { useId } from 'react';
import type { VersionRef, VersionSummary } from '../api/versions';
import { DiffList } from './DiffList';
import styles from './history.module.css';
import { useDiff } from './useDiff';
import { ViewBar } from './ViewBar';

interface Props {
  playbookId: string;
  versions: readonly VersionSummary[];
  from: VersionRef;
  to: VersionRef;
  onChange: (from: VersionRef, to: VersionRef) => void;
  onBack: () => void;
}

const refValue = (ref: VersionRef) => String(ref);
const parseRef = (value: string): VersionRef => (value === 'live' || value === 'published' ? value : Number(value));

/** The business diff between any two states: a version, the published one, or the live playbook. */
export function CompareView({ playbookId, versions, from, to, onChange, onBack }: Props) {
  const state = useDiff(playbookId, from, to);
  const fromId = useId();
  const toId = useId();
  const options = (
    <>
      <option value="live">Live playbook</option>
      <option value="published">Published version</option>
      {versions.map((v) => (
        <option key={v.number} value={v.number}>
          v{v.number} · {v.label}
        </option>
      ))}
    </>
  );
  return (
    <section className="history-view" aria-label="Compare versions">
      <ViewBar title="Compare versions" onBack={onBack} />
      <div className={styles.compareSides}>
        <div className="field">
          <label htmlFor={fromId}>From</label>
          <select id={fromId} value={refValue(from)} onChange={(e) => onChange(parseRef(e.target.value), to)}>
            {options}
          </select>
        </div>
        <span aria-hidden="true">→</span>
        <div className="field">
          <label htmlFor={toId}>To</label>
          <select id={toId} value={refValue(to)} onChange={(e) => onChange(from, parseRef(e.target.value))}>
            {options}
          </select>
        </div>
      </div>
      <p className={styles.compareSummary} role="status">
        {state.status === 'loading' && 'Comparing…'}
        {state.status === 'not-published' && 'Nothing is published yet, so there is no published version to compare.'}
        {state.status === 'ready' &&
          (state.diff.changes.length === 0
            ? `No differences: ${sideName(state.diff.from)} and ${sideName(state.diff.to)} say the same.`
            : `${state.diff.changes.length} ${state.diff.changes.length === 1 ? 'change' : 'changes'} from ${sideName(state.diff.from)} to ${sideName(state.diff.to)}`)}
      </p>
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.diff.changes.length > 0 && <DiffList changes={state.diff.changes} empty="" headingLevel={4} />}
    </section>
  );
}

function sideName(side: { number: number | null; label: string }): string {
  return side.number === null ? 'the live playbook' : `version ${side.number} (${side.label})`;
}
