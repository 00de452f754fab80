import { lazy } from 'react';

// The history panel is its own chunk: the editor route stays as small as it was, and the panel's
// code (timeline, diffs, the reader's components for previews) arrives when first wanted.
const load = () => import('../history/HistoryPanel');

/** Starts fetching the panel's code early (pointer over or focus on the button), so opening it feels instant. */
export function prefetchHistoryPanel(): void {
  void load().catch(() => {
    // Offline or a new deploy: opening the panel will try again and show the error there.
  });
}

export const LazyHistoryPanel = lazy(() => load().then((m) => ({ default: m.HistoryPanel })));
