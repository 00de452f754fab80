import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../api/request';
import { restoreVersion, type VersionSummary } from '../api/versions';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DiffList } from './DiffList';
import { versionName } from './timeline';
import { useDiff } from './useDiff';
import { versionsChanged } from './versionsChanged';

interface Props {
  playbookId: string;
  version: VersionSummary;
  onRestored: (restored: VersionSummary, before: VersionSummary) => void;
  onCancel: () => void;
}

/** Restoring changes the playbook under everyone's hands, so it says what will change and how to go back. */
export function RestoreDialog({ playbookId, version, onRestored, onCancel }: Props) {
  const diff = useDiff(playbookId, 'live', version.number);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => restoreVersion(playbookId, version.number),
    onSuccess: () => void versionsChanged(queryClient, playbookId),
  });
  const busy = mutation.isPending || mutation.isSuccess;
  const error = mutation.error ? errorMessage(mutation.error) : null;

  async function restore() {
    const result = await mutation.mutateAsync().catch(() => null);
    if (result) onRestored(result.restored, result.before);
  }

  return (
    <ConfirmDialog
      title={`Restore ${versionName(version)}?`}
      confirmLabel="Restore"
      busy={busy}
      ready
      error={error}
      onConfirm={restore}
      onCancel={onCancel}
    >
      <p>
        The live playbook changes to match this version, for everyone editing it now. Nothing is lost: the current state is saved first as a
        checkpoint, “Before restoring version {version.number}”, so you can undo this by restoring that checkpoint.
      </p>
      <div aria-busy={diff.status === 'loading'}>
        {diff.status === 'loading' && <p className="loading">Comparing with the live playbook…</p>}
        {diff.status === 'error' && <p className="error">{diff.message}</p>}
        {diff.status === 'ready' && (
          <>
            <p>What changes in the live playbook:</p>
            <DiffList changes={diff.diff.changes} empty="Nothing: the live playbook already says the same." />
          </>
        )}
      </div>
    </ConfirmDialog>
  );
}
