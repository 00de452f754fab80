import { type Playbook, PlaybookSchema } from '../records/Playbook';
import { type Finding, finding } from './Finding';
import { contentRules } from './rules/content';
import { type RuleContext, ruleContext } from './rules/context';
import { lifecycleRules } from './rules/lifecycle';
import { metricRules } from './rules/metrics';
import { allNameRules } from './rules/names';
import { responsibilityRules } from './rules/responsibilities';
import { richTextRules } from './rules/richText';
import { slaRules } from './rules/slas';
import { repairStoredTexts } from './rules/storedTexts';

const RULES: ((ctx: RuleContext) => Finding[])[] = [
  allNameRules,
  lifecycleRules,
  slaRules,
  contentRules,
  responsibilityRules,
  metricRules,
  richTextRules,
];

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export interface ValidateOptions {
  /** Today as YYYY-MM-DD (defaults to the current UTC date), for review-by dates. */
  today?: string;
}

/**
 * Checks a playbook's integrity and returns the findings, errors first. Never throws: a JSON that
 * does not even parse yields its schema issues as findings, and a rule that fails is reported as
 * a finding of its own rather than hiding the others.
 */
export function validate(json: Playbook | unknown, options: ValidateOptions = {}): Finding[] {
  const repaired = repairStoredTexts(json);
  const parsed = PlaybookSchema.safeParse(repaired.json);
  if (!parsed.success) {
    const schemaFindings = parsed.error.issues.map((issue) =>
      finding(
        'error',
        'schema',
        issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
        issue.message,
      ),
    );
    return [...schemaFindings, ...repaired.findings];
  }
  const ctx = ruleContext(parsed.data, options.today ?? new Date().toISOString().slice(0, 10));
  const findings: Finding[] = [...repaired.findings];
  for (const rule of RULES) {
    try {
      findings.push(...rule(ctx));
    } catch (error) {
      findings.push(finding('error', 'validator-failed', [], `The ${rule.name} check failed: ${String(error)}`));
    }
  }
  return findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
