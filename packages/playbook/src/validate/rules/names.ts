import { type Finding, finding } from '../Finding';
import type { RuleContext } from './context';

interface Named {
  id: string;
}

/**
 * Empty and duplicate names in a section. Duplicates are typical after two people add the same
 * stage at once: both adds survive the merge, and someone should keep one.
 */
export function nameRules<T extends Named>(items: T[], section: string, field: keyof T & string, kind: string): Finding[] {
  const findings: Finding[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const name = String(item[field] ?? '').trim();
    if (name === '') {
      findings.push(finding('warning', 'empty-name', [section, index, field], `A ${kind} has no ${field}.`, item.id));
      return;
    }
    const key = name.toLocaleLowerCase('en');
    if (firstIndex.has(key)) {
      findings.push(finding('warning', 'duplicate-name', [section, index, field], `Two ${kind}s are called '${name}'.`, item.id));
    } else firstIndex.set(key, index);
  });
  return findings;
}

export function allNameRules(ctx: RuleContext): Finding[] {
  const p = ctx.playbook;
  return [
    ...nameRules(p.stages, 'stages', 'name', 'stage'),
    ...nameRules(p.lifecycle, 'lifecycle', 'name', 'lifecycle state'),
    ...nameRules(p.content, 'content', 'title', 'asset'),
    ...nameRules(p.personas, 'personas', 'name', 'persona'),
    ...nameRules(p.roles, 'roles', 'name', 'role'),
    ...nameRules(p.responsibilities, 'responsibilities', 'activity', 'activity'),
    ...nameRules(p.pages, 'pages', 'title', 'page'),
  ];
}
