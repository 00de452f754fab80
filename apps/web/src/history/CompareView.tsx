import { useId } from 'react';
import type { VersionRef, VersionSummary } from '../api/versions';
import { DiffList } from './DiffList';
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
  const resultId = useId();
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
      <div className="compare-sides">
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
      <div id={resultId} className="compare-result" aria-live="polite" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <p className="loading">Comparing…</p>}
        {state.status === 'not-published' && (
          <p className="empty">Nothing is published yet, so there is no published version to compare.</p>
        )}
        {state.status === 'error' && (
          <p className="error" role="alert">
            {state.message}
          </p>
        )}
        {state.status === 'ready' && (
          <>
            <p className="compare-summary">
              {state.diff.changes.length} {state.diff.changes.length === 1 ? 'change' : 'changes'} from {sideName(state.diff.from)} to{' '}
              {sideName(state.diff.to)}
            </p>
            <DiffList changes={state.diff.changes} empty="No differences: both say the same." headingLevel={4} />
          </>
        )}
      </div>
    </section>
  );
}

function sideName(side: { number: number | null; label: string }): string {
  return side.number === null ? 'the live playbook' : `version ${side.number} (${side.label})`;
}
