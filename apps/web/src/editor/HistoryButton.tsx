import { prefetchHistoryPanel } from './historyPanelLoader';

/** Opens the history panel (versions, publishing, restore, webhooks); the panel gives focus back here on closing. */
export function HistoryButton({ onOpen }: { onOpen: () => void }) {
  return (
    <button
      type="button"
      className="secondary"
      aria-haspopup="dialog"
      onClick={onOpen}
      onPointerEnter={prefetchHistoryPanel}
      onFocus={prefetchHistoryPanel}
    >
      History
    </button>
  );
}
