import { raciLabels, slaSentence, slaTitle, teamLabels } from '@fullcourt/playbook';
import { Link } from '../app/Link';
import { AssetLink } from './parts/AssetLink';
import { StageReading } from './parts/StageReading';
import styles from './reader.module.css';
import { stageDigest } from './stageDigest';
import { useReadPlaybook } from './useReaderPlaybook';

/** Everything about one buyer stage on one page: criteria, the SLAs that apply, content, who does what. */
export function StagePage({ playbookId, stageId }: { playbookId: string; stageId: string }) {
  const state = useReadPlaybook();
  const digest = stageDigest(state, stageId);
  if (!digest) {
    return (
      <article className={styles.readerArticle}>
        <h1>Stage not found</h1>
        <p>
          This stage is no longer in the playbook. <Link to={{ name: 'reader', playbookId, stageId: null }}>Read the whole playbook</Link>.
        </p>
      </article>
    );
  }
  const { stage, previous, next } = digest;
  const roleName = new Map<string, string>(state.roles.map((r) => [r.id, r.name || 'Unnamed role']));
  return (
    <article className={styles.readerArticle}>
      <p className={styles.breadcrumb}>
        <Link to={{ name: 'reader', playbookId, stageId: null }}>{state.title || 'Playbook'}</Link> › Stage {digest.index + 1} of{' '}
        {state.stages.length}
      </p>
      <h1>{stage.name || 'Unnamed stage'}</h1>
      <StageReading stage={stage} index={digest.index} playbookId={playbookId} standalone />

      <section aria-labelledby="stage-slas">
        <h2 id="stage-slas">SLAs that apply</h2>
        {digest.slas.length === 0 ? (
          <p className="empty">No SLA names a lifecycle state this stage mentions.</p>
        ) : (
          <ul className={styles.slaSentences}>
            {digest.slas.map((sla) => (
              <li key={sla.id}>
                <span className={styles.slaName}>{slaTitle(sla, state.lifecycle)}</span>
                {slaSentence(sla, state.lifecycle)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="stage-content">
        <h2 id="stage-content">Content for this stage</h2>
        {digest.content.length === 0 ? (
          <p className="empty">No content is mapped to this stage.</p>
        ) : (
          digest.content.map((group) => (
            <div key={group.persona?.id ?? 'any'}>
              <h3>{group.persona ? group.persona.name || 'Unnamed persona' : 'For any persona'}</h3>
              <ul>
                {group.assets.map((asset) => (
                  <li key={asset.id}>
                    <AssetLink asset={asset} />
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="stage-who">
        <h2 id="stage-who">Who is responsible</h2>
        <p>
          {teamLabels[stage.owner]} {stage.owner === 'shared' ? 'own' : 'owns'} this stage.
          {digest.states.map((s) => ` ${s.name} is owned by ${teamLabels[s.owner].toLowerCase()}.`).join('')}
        </p>
        {digest.responsibilities.length > 0 && (
          <ul>
            {digest.responsibilities.map((r) => (
              <li key={r.id}>
                <strong>{r.activity}</strong>:{' '}
                {Object.entries(r.raci)
                  .filter(([roleId]) => roleName.has(roleId))
                  .map(([roleId, letter]) => `${roleName.get(roleId)} ${raciLabels[letter]}`)
                  .join(', ') || 'nobody assigned'}
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav className={styles.stagePager} aria-label="Other stages">
        {previous && <Link to={{ name: 'reader', playbookId, stageId: previous.id }}>← {previous.name || 'Previous stage'}</Link>}
        {next && <Link to={{ name: 'reader', playbookId, stageId: next.id }}>{next.name || 'Next stage'} →</Link>}
      </nav>
    </article>
  );
}
