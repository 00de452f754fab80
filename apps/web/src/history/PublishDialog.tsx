import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../api/request';
import { publishVersion, type VersionSummary } from '../api/versions';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DiffList } from './DiffList';
import styles from './history.module.css';
import { versionName } from './timeline';
import { useDiff } from './useDiff';
import { usePublishedVersion } from './usePublishedVersion';
import { versionsChanged } from './versionsChanged';

interface Props {
  playbookId: string;
  version: VersionSummary;
  onPublished: (published: VersionSummary, previous: VersionSummary | null) => void;
  onCancel: () => void;
}

/**
 * Publishing changes what every connected tool reads, so it is confirmed after seeing exactly what
 * changes for them: the diff from the version published now (or that this is the first).
 */
export function PublishDialog({ playbookId, version, onPublished, onCancel }: Props) {
  const diff = useDiff(playbookId, usePublishedVersion(playbookId), version.number);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => publishVersion(playbookId, version.number),
    onSuccess: () => void versionsChanged(queryClient, playbookId),
  });
  const busy = mutation.isPending || mutation.isSuccess;
  const error = mutation.error ? errorMessage(mutation.error) : null;

  async function publish() {
    const result = await mutation.mutateAsync().catch(() => null);
    if (result) onPublished(result.published, result.previous);
  }

  return (
    <ConfirmDialog
      title={`Publish ${versionName(version)}?`}
      confirmLabel="Publish"
      busy={busy}
      ready={diff.status !== 'loading'}
      error={error}
      onConfirm={publish}
      onCancel={onCancel}
    >
      <p>Tools that read this playbook through the API get the published version, and webhooks are told about it.</p>
      <div aria-busy={diff.status === 'loading'}>
        {diff.status === 'loading' && <p className="loading">Comparing with the published version…</p>}
        {diff.status === 'not-published' && (
          <p className={styles.firstPublication}>Nothing is published yet: this will be the playbook’s first publication.</p>
        )}
        {diff.status === 'error' && <p className="error">{diff.message}</p>}
        {diff.status === 'ready' && (
          <>
            <p>
              What changes from the published version {diff.diff.from.number} ({diff.diff.from.label}):
            </p>
            <DiffList changes={diff.diff.changes} empty="Nothing: it says the same as the published version." />
          </>
        )}
      </div>
    </ConfirmDialog>
  );
}
