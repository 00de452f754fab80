import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';

interface CommitCounts {
  __fullcourtCommits?: Record<string, number>;
}

/** Adds one commit to `id`'s count, when a test asked for counts by setting `window.__fullcourtCommits`. */
const countCommit: ProfilerOnRenderCallback = (id) => {
  const counts = (window as CommitCounts).__fullcourtCommits;
  if (counts) counts[id] = (counts[id] ?? 0) + 1;
};

/**
 * Marks a card for the re-render test (tests/e2e/rerenders.test.ts), which checks that typing in
 * one card commits that card alone. Only React's profiling build calls `onRender`; in production
 * a Profiler is a plain pass-through.
 */
export function RenderProbe({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Profiler id={id} onRender={countCommit}>
      {children}
    </Profiler>
  );
}
