import type { Finding } from '@fullcourt/playbook';
import styles from './editor.module.css';

const severityWords = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const severityStyles = { error: styles.findingError, warning: styles.findingWarning, info: styles.findingInfo };

/** Validator findings where they occur: a short list, errors first, never blocking the editing. */
export function FindingList({ findings, label = 'Findings' }: { findings: readonly Finding[]; label?: string }) {
  if (findings.length === 0) return null;
  return (
    <ul className={styles.findings} aria-label={label}>
      {findings.map((f) => (
        <FindingItem key={`${f.code}:${f.path.join('.')}`} finding={f} />
      ))}
    </ul>
  );
}

/** One finding, coloured by severity: here and in the workshop's list of findings to settle. */
export function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li className={`${styles.finding} ${severityStyles[finding.severity]}`}>
      <span className={styles.severity}>{severityWords[finding.severity]}:</span> {finding.message}
    </li>
  );
}

/** The findings about one item (a stage, an SLA, an activity). */
export function findingsFor(findings: readonly Finding[], itemId: string): Finding[] {
  return findings.filter((f) => f.itemId === itemId);
}
