import { sectionLabels } from '../editor/sections';
import { ContentReading } from './parts/ContentReading';
import { LifecycleReading } from './parts/LifecycleReading';
import { MetricsReading } from './parts/MetricsReading';
import { PagesReading } from './parts/PagesReading';
import { ResponsibilitiesReading } from './parts/ResponsibilitiesReading';
import { StageReading } from './parts/StageReading';
import { TeamReading } from './parts/TeamReading';
import styles from './reader.module.css';
import { useReadPlaybook } from './useReaderPlaybook';

/**
 * The whole playbook in reading order, one section after another. `linkStages: false` leaves out
 * the links to stage pages, which read the live playbook (a preview of an old version has none).
 */
export function PlaybookArticle({ playbookId, linkStages = true }: { playbookId: string; linkStages?: boolean }) {
  const state = useReadPlaybook();
  return (
    <article className={styles.readerArticle}>
      <h1>{state.title || 'Untitled playbook'}</h1>
      {state.description && <p className="lede">{state.description}</p>}
      <section id="section-stages" aria-labelledby="read-stages">
        <h2 id="read-stages">{sectionLabels.stages}</h2>
        {state.stages.length === 0 && <p className="empty">No buyer stages yet.</p>}
        {state.stages.map((stage, index) => (
          <StageReading key={stage.id} stage={stage} index={index} playbookId={playbookId} linked={linkStages} />
        ))}
      </section>
      <section id="section-lifecycle" aria-labelledby="read-lifecycle">
        <h2 id="read-lifecycle">{sectionLabels.lifecycle}</h2>
        <LifecycleReading states={state.lifecycle} slas={state.slas} />
      </section>
      <section id="section-content" aria-labelledby="read-content">
        <h2 id="read-content">{sectionLabels.content}</h2>
        <ContentReading playbook={state} />
      </section>
      <section id="section-responsibilities" aria-labelledby="read-responsibilities">
        <h2 id="read-responsibilities">{sectionLabels.responsibilities}</h2>
        <ResponsibilitiesReading roles={state.roles} responsibilities={state.responsibilities} />
      </section>
      <section id="section-buying-team" aria-labelledby="read-team">
        <h2 id="read-team">{sectionLabels['buying-team']}</h2>
        <TeamReading personas={state.personas} />
      </section>
      <section id="section-metrics" aria-labelledby="read-metrics">
        <h2 id="read-metrics">{sectionLabels.metrics}</h2>
        <MetricsReading periods={state.metrics.periods} currency={state.metrics.currency} attribution={state.attribution.markdown} />
      </section>
      <section id="section-pages" aria-labelledby="read-pages">
        <h2 id="read-pages">{sectionLabels.pages}</h2>
        <PagesReading pages={state.pages} />
      </section>
    </article>
  );
}
