import { buyingRoleLabels } from '../../format/labels';
import type { Persona } from '../../records/Persona';
import type { Role } from '../../records/Role';
import type { SectionSpec } from '../collectionDiff';
import { q } from '../context';
import { lineChanges, renamed, valueChange } from '../fieldChanges';

export const personasSpec: SectionSpec<Persona> = {
  section: 'personas',
  ordered: true,
  label: (persona) => `Persona ${q(persona.name)}`,
  name: (persona) => persona.name,
  fields(before, after, _ctx, make) {
    const label = `Persona ${q(after.name)}`;
    return [
      ...renamed(make, `Persona ${q(before.name)}`, ['name'], before.name, after.name),
      ...valueChange(make, label, 'buying role', ['buyingRole'], before.buyingRole, after.buyingRole, (r) => buyingRoleLabels[r]),
      ...lineChanges(make, label, 'cares about', ['caresAbout'], before.caresAbout, after.caresAbout),
    ];
  },
};

export const rolesSpec: SectionSpec<Role> = {
  section: 'roles',
  ordered: true,
  label: (role) => `Role ${q(role.name)}`,
  name: (role) => role.name,
  fields: (before, after, _ctx, make) => renamed(make, `Role ${q(before.name)}`, ['name'], before.name, after.name),
};
