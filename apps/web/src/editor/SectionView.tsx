import { memo } from 'react';
import type { SectionId } from '../app/routes';
import { ContentSection } from '../sections/content/ContentSection';
import { MetricsSection } from '../sections/metrics/MetricsSection';
import { PagesSection } from '../sections/pages/PagesSection';
import { BuyingTeamSection } from '../sections/personas/BuyingTeamSection';
import { ResponsibilitiesSection } from '../sections/responsibilities/ResponsibilitiesSection';
import { LifecycleSection } from '../sections/slas/LifecycleSection';
import { StageBoard } from '../sections/stages/StageBoard';
import styles from './editor.module.css';
import { FindingList } from './FindingList';
import { sectionLabels, sectionOfFinding } from './sections';
import { useFindings } from './useCollaboration';

// Memoised: the findings summary above a section re-renders with the findings, the section need not.
const SECTIONS: Record<SectionId, React.ComponentType> = {
  stages: memo(StageBoard),
  lifecycle: memo(LifecycleSection),
  content: memo(ContentSection),
  responsibilities: memo(ResponsibilitiesSection),
  'buying-team': memo(BuyingTeamSection),
  metrics: memo(MetricsSection),
  pages: memo(PagesSection),
};

/** One section under its heading; the heading is the page's h2 so screen readers can jump to it. */
export function SectionView({ section }: { section: SectionId }) {
  const Section = SECTIONS[section];
  const findings = useFindings().filter((f) => sectionOfFinding(f) === section);
  const open = findings.filter((f) => f.severity !== 'info').length;
  return (
    <section className={styles.section} aria-labelledby="section-heading">
      <h2 id="section-heading">{sectionLabels[section]}</h2>
      {findings.length > 0 && (
        <details className={styles.sectionFindings}>
          <summary>
            {open > 0 ? `${open} ${open === 1 ? 'finding' : 'findings'} to look at` : 'Notes from the checks'} in this section
            {findings.length > open && `, ${findings.length - open} ${findings.length - open === 1 ? 'note' : 'notes'}`}
          </summary>
          <FindingList findings={findings} label={`Findings in ${sectionLabels[section]}`} />
        </details>
      )}
      <Section />
    </section>
  );
}
