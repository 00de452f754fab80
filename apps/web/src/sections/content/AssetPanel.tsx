import { AssetFormatSchema, assetFormatLabels, type ContentAsset } from '@fullcourt/playbook';
import { useEffect, useId, useRef } from 'react';
import { FindingList } from '../../editor/FindingList';
import { useUndoableDelete } from '../../editor/UndoToast';
import { useItemFindings, useRecord, useSession } from '../../editor/useCollaboration';
import { useNames } from '../../editor/useNames';
import { EnumSelect } from '../../ui/EnumSelect';
import { TextInput } from '../../ui/TextInput';
import styles from './content.module.css';
import { isReviewOverdue } from './contentCells';

interface Props {
  id: string;
  today: string;
  onClose: () => void;
}

/** The open asset's details, reading its own record. */
export function AssetPanel({ id, today, onClose }: Props) {
  const asset = useRecord('content', id);
  return asset ? <AssetDetails asset={asset} today={today} onClose={onClose} /> : null;
}

/** Everything about one asset, including which stages and personas it serves (the keyboard way to move it). */
function AssetDetails({ asset, today, onClose }: { asset: ContentAsset; today: string; onClose: () => void }) {
  const session = useSession();
  const stages = useNames('stages');
  const personas = useNames('personas');
  const findings = useItemFindings(asset.id);
  const deleteUndoably = useUndoableDelete();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = asset.title || 'Untitled asset';
  const update = (patch: Parameters<typeof session.playbook.content.update>[1]) =>
    session.edit(() => session.playbook.content.update(asset.id, patch));

  // biome-ignore lint/correctness/useExhaustiveDependencies: move focus only when another asset is opened.
  useEffect(() => headingRef.current?.focus(), [asset.id]);

  function toggle(kind: 'stageId' | 'personaId', targetId: string, on: boolean) {
    const target = kind === 'stageId' ? { stageId: targetId } : { personaId: targetId };
    session.edit(() => (on ? session.playbook.linkAsset(asset.id, target) : session.playbook.unlinkAsset(asset.id, target)));
  }

  return (
    <aside className={styles.assetPanel} aria-labelledby={`${id}-heading`}>
      <div className={styles.panelHead}>
        <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          {title}
        </h3>
        <button type="button" className="secondary" onClick={onClose}>
          Close details
        </button>
      </div>
      {isReviewOverdue(asset, today) && <p className={styles.overdueBadge}>Review overdue since {asset.reviewBy}</p>}
      <FindingList findings={findings} label={`Findings for ${title}`} />
      <TextInput source={{ collection: 'content', id: asset.id, path: 'title' }} label="Title" autoFocus={asset.title === ''} />
      <TextInput source={{ collection: 'content', id: asset.id, path: 'url' }} label="Link (URL)" placeholder="https://…" />
      <div className="row">
        <EnumSelect
          label="Format"
          options={AssetFormatSchema.options}
          labels={assetFormatLabels}
          value={asset.format}
          onChange={(format) => update({ format })}
        />
        <TextInput source={{ collection: 'content', id: asset.id, path: 'owner' }} label="Owner" />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-reviewed`}>Last reviewed</label>
          <input
            id={`${id}-reviewed`}
            type="date"
            value={asset.lastReviewed ?? ''}
            onChange={(e) => update({ lastReviewed: e.target.value || null })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-review-by`}>Review by</label>
          <input
            id={`${id}-review-by`}
            type="date"
            value={asset.reviewBy ?? ''}
            onChange={(e) => update({ reviewBy: e.target.value || null })}
          />
        </div>
      </div>
      <fieldset className={styles.checks}>
        <legend>Stages</legend>
        {stages.map((stage) => (
          <label key={stage.id}>
            <input
              type="checkbox"
              checked={asset.stageIds.includes(stage.id as (typeof asset.stageIds)[number])}
              onChange={(e) => toggle('stageId', stage.id, e.target.checked)}
            />
            {stage.name || 'Unnamed stage'}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.checks}>
        <legend>Personas</legend>
        {personas.map((persona) => (
          <label key={persona.id}>
            <input
              type="checkbox"
              checked={asset.personaIds.includes(persona.id as (typeof asset.personaIds)[number])}
              onChange={(e) => toggle('personaId', persona.id, e.target.checked)}
            />
            {persona.name || 'Unnamed persona'}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="secondary danger"
        onClick={() => {
          deleteUndoably(`${title} deleted.`, () => session.playbook.content.delete(asset.id));
          onClose();
        }}
      >
        Delete asset
      </button>
    </aside>
  );
}
