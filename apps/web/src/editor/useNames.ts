import type { ListKey } from './playbookStore';
import { useSelected } from './useCollaboration';

/** An item's id and name, for choices and labels that name other items. */
export interface Named {
  id: string;
  name: string;
}

const sameNames = (a: readonly Named[], b: readonly Named[]) =>
  a.length === b.length && a.every((item, i) => item.id === b[i]?.id && item.name === b[i]?.name);

/**
 * The ids and names of a collection's items in order, the same array until one is renamed, added,
 * deleted or moved: what a card needs of its neighbours, without re-rendering on their other edits.
 */
export function useNames(key: Extract<ListKey, 'stages' | 'lifecycle' | 'personas' | 'roles'>): readonly Named[] {
  return useSelected(key, (records) => records.map((r) => ({ id: r.id as string, name: r.name })), sameNames);
}
