import { lazy, Suspense } from 'react';
import { HomePage } from '../home/HomePage';
import { IdentityDialog } from '../identity/IdentityDialog';
import { useIdentity } from '../identity/useIdentity';
import { Link } from './Link';
import { useRoute } from './router';

// Each screen is its own chunk: a new hire opening the reader never downloads the editor.
const EditorPage = lazy(() => import('../editor/EditorPage').then((m) => ({ default: m.EditorPage })));
const ReaderPage = lazy(() => import('../reader/ReaderPage').then((m) => ({ default: m.ReaderPage })));
const WorkshopPage = lazy(() => import('../workshop/WorkshopPage').then((m) => ({ default: m.WorkshopPage })));

/** Picks the screen for the URL and asks for a name first where others will see it. */
export function App() {
  const route = useRoute();
  const identity = useIdentity();
  // Readers are not shown to anyone by name, so reading needs no introduction.
  const needsName = identity === null && route.name !== 'reader';

  return (
    <>
      <Suspense
        fallback={
          <p className="page loading" aria-live="polite">
            Loading…
          </p>
        }
      >
        {route.name === 'home' && <HomePage />}
        {route.name === 'editor' && identity && <EditorPage key={route.playbookId} playbookId={route.playbookId} section={route.section} />}
        {route.name === 'workshop' && identity && (
          <WorkshopPage key={route.playbookId} playbookId={route.playbookId} section={route.section} />
        )}
        {route.name === 'reader' && <ReaderPage key={route.playbookId} playbookId={route.playbookId} stageId={route.stageId} />}
        {route.name === 'not-found' && (
          <main className="page">
            <h1>Nothing here</h1>
            <p>
              There is no page at <code>{route.path}</code>. <Link to={{ name: 'home' }}>Go to all playbooks</Link>.
            </p>
          </main>
        )}
      </Suspense>
      {needsName && <IdentityDialog current={null} />}
    </>
  );
}
