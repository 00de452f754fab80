import type { RaciLetter, Responsibility } from '../../records/Responsibility';
import type { SectionSpec } from '../collectionDiff';
import { q, refName } from '../context';
import { renamed } from '../fieldChanges';

export const responsibilitiesSpec: SectionSpec<Responsibility> = {
  section: 'responsibilities',
  ordered: true,
  label: (r) => `Activity ${q(r.activity)}`,
  name: (r) => r.activity,
  fields(before, after, ctx, make) {
    const activity = q(after.activity);
    const role = (id: string) => refName(ctx, 'roles', id, 'role');
    const roleIds = [...new Set([...Object.keys(before.raci), ...Object.keys(after.raci)])];
    const letters = roleIds.flatMap((roleId) => {
      const was: RaciLetter | undefined = before.raci[roleId as keyof typeof before.raci];
      const is: RaciLetter | undefined = after.raci[roleId as keyof typeof after.raci];
      if (was === is) return [];
      const path = ['raci', roleId];
      if (is === undefined) return [make('removed', path, `${role(roleId)} is no longer ${was} for ${activity}`, { before: was })];
      const text = `${role(roleId)} became ${is} for ${activity}${was ? ` (was ${was})` : ''}`;
      return [make(was ? 'changed' : 'added', path, text, { before: was ?? null, after: is })];
    });
    return [...renamed(make, `Activity ${q(before.activity)}`, ['activity'], before.activity, after.activity), ...letters];
  },
};
