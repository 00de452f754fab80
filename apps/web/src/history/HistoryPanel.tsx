import { type KeyboardEvent, lazy, Suspense, useCallback, useId, useRef, useState } from 'react';
import type { VersionSummary } from '../api/versions';
import { ownCancel, useModalDialog } from '../app/useModalDialog';
import styles from './history.module.css';
import { VersionsTab } from './VersionsTab';

// Webhooks are set up once in a while; their code waits until someone opens the tab.
const WebhooksTab = lazy(() => import('../webhooks/WebhooksTab').then((m) => ({ default: m.WebhooksTab })));

const TABS = [
  { id: 'versions', label: 'Versions' },
  { id: 'webhooks', label: 'Webhooks' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * The playbook's history beside the editor: save a version, browse the timeline, preview, compare,
 * publish and restore; and the webhooks told about versions. A modal side panel: the editor behind
 * keeps showing everyone's changes live, focus stays in the panel, Escape closes it.
 */
interface Props {
  playbookId: string;
  onClose: () => void;
  /** Told after this person restored a version (the editor starts its undo afresh). */
  onRestored: (version: VersionSummary) => void;
}

export function HistoryPanel({ playbookId, onClose, onRestored }: Props) {
  const ref = useModalDialog();
  const [tab, setTab] = useState<TabId>('versions');
  const [wide, setWide] = useState(false);
  const onWide = useCallback((value: boolean) => setWide(value), []);
  const headingId = useId();
  const baseId = useId();
  const tabRefs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab goes on into the panel.
  function onTabKey(event: KeyboardEvent) {
    const index = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]?.id ?? 'versions';
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <dialog
      ref={ref}
      className={`${styles.historyPanel}${wide && tab === 'versions' ? ` ${styles.historyPanelWide}` : ''}`}
      aria-labelledby={headingId}
      onCancel={ownCancel(onClose)}
    >
      <div className={styles.historyHead}>
        <h2 id={headingId} tabIndex={-1} data-focus-return>
          History
        </h2>
        <div role="tablist" aria-label="History sections" className={styles.historyTabs}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`${baseId}-${t.id}-tab`}
              aria-controls={`${baseId}-${t.id}-panel`}
              aria-selected={tab === t.id}
              tabIndex={tab === t.id ? 0 : -1}
              className={styles.historyTab}
              onClick={() => setTab(t.id)}
              onKeyDown={onTabKey}
            >
              {t.label}
            </button>
          ))}
        </div>
        <button type="button" className={`icon ${styles.closeHistory}`} aria-label="Close history" onClick={onClose}>
          ✕
        </button>
      </div>
      {TABS.map((t) => (
        // Both panels exist so each tab's aria-controls points somewhere; only the chosen one has content.
        <div
          key={t.id}
          role="tabpanel"
          id={`${baseId}-${t.id}-panel`}
          aria-labelledby={`${baseId}-${t.id}-tab`}
          className={styles.historyBody}
          hidden={tab !== t.id}
        >
          {tab === t.id && t.id === 'versions' && <VersionsTab playbookId={playbookId} onWide={onWide} onRestored={onRestored} />}
          {tab === t.id && t.id === 'webhooks' && (
            <Suspense fallback={<p className="loading">Loading…</p>}>
              <WebhooksTab playbookId={playbookId} />
            </Suspense>
          )}
        </div>
      ))}
    </dialog>
  );
}
