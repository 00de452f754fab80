import type { SectionId } from '../app/routes';
import { ContentSection } from '../sections/content/ContentSection';
import { MetricsSection } from '../sections/metrics/MetricsSection';
import { PagesSection } from '../sections/pages/PagesSection';
import { BuyingTeamSection } from '../sections/personas/BuyingTeamSection';
import { ResponsibilitiesSection } from '../sections/responsibilities/ResponsibilitiesSection';
import { LifecycleSection } from '../sections/slas/LifecycleSection';
import { StageBoard } from '../sections/stages/StageBoard';
import { sectionLabels } from './sections';

const SECTIONS: Record<SectionId, () => React.JSX.Element> = {
  stages: StageBoard,
  lifecycle: LifecycleSection,
  content: ContentSection,
  responsibilities: ResponsibilitiesSection,
  'buying-team': BuyingTeamSection,
  metrics: MetricsSection,
  pages: PagesSection,
};

/** One section under its heading; the heading is the page's h2 so screen readers can jump to it. */
export function SectionView({ section }: { section: SectionId }) {
  const Section = SECTIONS[section];
  return (
    <section className={`section section-${section}`} aria-labelledby="section-heading">
      <h2 id="section-heading">{sectionLabels[section]}</h2>
      <Section />
    </section>
  );
}
