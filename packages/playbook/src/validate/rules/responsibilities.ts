import { accountability } from '../../records/Responsibility';
import { type Finding, finding } from '../Finding';
import { quoted, type RuleContext } from './context';

/**
 * At most one A per activity, and at least one; letters only for roles that exist. Two A's are
 * the usual result of two people assigning accountability at the same moment.
 */
export function responsibilityRules(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const roleName = (id: string) => ctx.roleNames.get(id) || 'a deleted role';
  ctx.playbook.responsibilities.forEach((responsibility, index) => {
    const activity = quoted(responsibility.activity, 'activity');
    const status = accountability(responsibility.raci, (roleId) => ctx.roleNames.has(roleId));
    if (status.kind === 'multiple-accountable') {
      const names = status.roleIds.map(roleName);
      const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      findings.push(
        finding(
          'error',
          'raci-multiple-accountable',
          ['responsibilities', index, 'raci'],
          `${list} are ${names.length === 2 ? 'both' : 'all'} A for ${activity}; only one role can be accountable.`,
          responsibility.id,
        ),
      );
    } else if (status.kind === 'no-accountable') {
      findings.push(
        finding('warning', 'raci-no-accountable', ['responsibilities', index, 'raci'], `Nobody is A for ${activity}.`, responsibility.id),
      );
    }
    for (const roleId of Object.keys(responsibility.raci)) {
      if (!ctx.roleNames.has(roleId)) {
        findings.push(
          finding(
            'warning',
            'raci-dangling-role',
            ['responsibilities', index, 'raci', roleId],
            `${activity} has a letter for a role that was deleted.`,
            responsibility.id,
          ),
        );
      }
    }
  });
  return findings;
}
