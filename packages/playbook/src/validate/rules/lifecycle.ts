import { type Finding, finding } from '../Finding';
import type { RuleContext } from './context';

/** The lifecycle exists, and score thresholds rise along it (a later state cannot need a lower score). */
export function lifecycleRules(ctx: RuleContext): Finding[] {
  const states = ctx.playbook.lifecycle;
  if (states.length === 0) {
    return [finding('warning', 'lifecycle-empty', ['lifecycle'], 'The lead lifecycle has no states.')];
  }
  const findings: Finding[] = [];
  let highest: { name: string; threshold: number } | null = null;
  states.forEach((state, index) => {
    if (state.scoreThreshold === null) return;
    if (highest && state.scoreThreshold < highest.threshold) {
      findings.push(
        finding(
          'warning',
          'score-threshold-order',
          ['lifecycle', index, 'scoreThreshold'],
          `${state.name || 'A state'} needs a score of ${state.scoreThreshold}, lower than ${highest.name} before it (${highest.threshold}).`,
          state.id,
        ),
      );
    } else highest = { name: state.name, threshold: state.scoreThreshold };
  });
  return findings;
}
