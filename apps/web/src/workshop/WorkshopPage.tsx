import type { SectionId } from '../app/routes';
export function WorkshopPage(_: { playbookId: string; section: SectionId }) {
  return <p>Workshop</p>;
}
