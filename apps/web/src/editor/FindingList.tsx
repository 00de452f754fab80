import type { Finding } from '@fullcourt/playbook';

const severityWords = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/** Validator findings where they occur: a short list, errors first, never blocking the editing. */
export function FindingList({ findings, label = 'Findings' }: { findings: readonly Finding[]; label?: string }) {
  if (findings.length === 0) return null;
  return (
    <ul className="findings" aria-label={label}>
      {findings.map((f) => (
        <li key={`${f.code}:${f.path.join('.')}`} className={`finding finding-${f.severity}`}>
          <span className="severity">{severityWords[f.severity]}:</span> {f.message}
        </li>
      ))}
    </ul>
  );
}

/** The findings about one item (a stage, an SLA, an activity). */
export function findingsFor(findings: readonly Finding[], itemId: string): Finding[] {
  return findings.filter((f) => f.itemId === itemId);
}
