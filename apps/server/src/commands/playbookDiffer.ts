import { type Change, diff } from '@fullcourt/playbook';
import type { Actor } from '../identity/actor';
import { type PlaybookSnapshot, readPlaybook, type VersionSelector } from './playbookSource';
import type { Services } from './services';

/** The business diff between two states of a playbook (versions, the published one, or live). */
export async function diffPlaybook(
  services: Services,
  actor: Actor,
  playbookId: string,
  from: VersionSelector,
  to: VersionSelector,
): Promise<{ from: PlaybookSnapshot; to: PlaybookSnapshot; changes: Change[] }> {
  const [a, b] = await Promise.all([readPlaybook(services, actor, playbookId, from), readPlaybook(services, actor, playbookId, to)]);
  return { from: a, to: b, changes: diff(a.json, b.json) };
}
