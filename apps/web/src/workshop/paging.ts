import { SECTION_IDS, type SectionId } from '../app/routes';

/** The section before or after this one; paging stops at either end rather than wrapping around the room. */
export function pageFrom(section: SectionId, step: -1 | 1): SectionId {
  const index = SECTION_IDS.indexOf(section);
  return SECTION_IDS[Math.min(SECTION_IDS.length - 1, Math.max(0, index + step))] ?? section;
}

/**
 * The paging step a key asks for: Page Down / Page Up (what presentation clickers send), and the
 * arrow keys when the focus is not in something that uses them (a field, the editor, a board).
 */
export function pagingStep(key: string, focusUsesArrows: boolean): -1 | 1 | null {
  if (key === 'PageDown') return 1;
  if (key === 'PageUp') return -1;
  if (focusUsesArrows) return null;
  if (key === 'ArrowRight') return 1;
  if (key === 'ArrowLeft') return -1;
  return null;
}
