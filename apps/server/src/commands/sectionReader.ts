import type { CollectionName } from '@fullcourt/playbook';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { readPlaybook, type VersionSelector } from './playbookSource';
import type { Services } from './services';

type Item = { id: string } & Record<string, unknown>;

/** The items of one section (stages, slas, …) of a state of a playbook, in playbook order. */
export async function listItems(
  services: Services,
  actor: Actor,
  playbookId: string,
  section: CollectionName,
  which: VersionSelector,
): Promise<Item[]> {
  const { json } = await readPlaybook(services, actor, playbookId, which);
  const playbook = json as unknown as Record<string, unknown>;
  if (section === 'metrics') return (playbook.metrics as { periods: Item[] }).periods;
  return playbook[section] as Item[];
}

/** One item of a section, or a 404 naming it. */
export async function getItem(
  services: Services,
  actor: Actor,
  playbookId: string,
  section: CollectionName,
  itemId: string,
  which: VersionSelector,
  label: string,
): Promise<Item> {
  const found = (await listItems(services, actor, playbookId, section, which)).find((i) => i.id === itemId);
  if (!found) throw notFound(`item in ${label}`, itemId);
  return found;
}
