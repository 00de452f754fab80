import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { AcceptInvitationPage } from '../account/AcceptInvitationPage';
import { loadAccount, useAccount } from '../account/accountStore';
import { SetupPage } from '../account/SetupPage';
import { SignInPage } from '../account/SignInPage';
import { HomePage } from '../home/HomePage';
import { Link } from './Link';
import { useRoute } from './router';

// Each screen is its own chunk: a new hire opening the reader never downloads the editor.
const EditorPage = lazy(() => import('../editor/EditorPage').then((m) => ({ default: m.EditorPage })));
const ReaderPage = lazy(() => import('../reader/ReaderPage').then((m) => ({ default: m.ReaderPage })));
const WorkshopPage = lazy(() => import('../workshop/WorkshopPage').then((m) => ({ default: m.WorkshopPage })));
const ProfilePage = lazy(() => import('../account/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const TokensPage = lazy(() => import('../account/TokensPage').then((m) => ({ default: m.TokensPage })));
const AuditPage = lazy(() => import('../account/AuditPage').then((m) => ({ default: m.AuditPage })));
const PeoplePage = lazy(() => import('../people/PeoplePage').then((m) => ({ default: m.PeoplePage })));

/** Picks the screen for the URL; everything but setup, invitations and sign-in needs someone signed in. */
export function App() {
  const route = useRoute();
  const account = useAccount();
  useEffect(() => {
    void loadAccount();
  }, []);
  // What one person read is not shown to whoever signs in next in this tab.
  const queryClient = useQueryClient();
  const signedOut = account.status === 'signed-out';
  useEffect(() => {
    if (signedOut) queryClient.clear();
  }, [signedOut, queryClient]);

  if (route.name === 'setup') return <SetupPage />;
  if (route.name === 'invite') return <AcceptInvitationPage />;
  if (account.status === 'loading') {
    return (
      <p className="page loading" aria-live="polite">
        Loading…
      </p>
    );
  }
  if (account.status === 'signed-out' || route.name === 'sign-in') return <SignInPage />;

  return (
    <Suspense
      fallback={
        <p className="page loading" aria-live="polite">
          Loading…
        </p>
      }
    >
      {route.name === 'home' && <HomePage />}
      {route.name === 'editor' && <EditorPage key={route.playbookId} playbookId={route.playbookId} section={route.section} />}
      {route.name === 'workshop' && <WorkshopPage key={route.playbookId} playbookId={route.playbookId} section={route.section} />}
      {route.name === 'reader' && <ReaderPage key={route.playbookId} playbookId={route.playbookId} stageId={route.stageId} />}
      {route.name === 'profile' && <ProfilePage />}
      {route.name === 'tokens' && <TokensPage />}
      {route.name === 'people' && <PeoplePage />}
      {route.name === 'audit' && <AuditPage />}
      {route.name === 'not-found' && (
        <main className="page">
          <h1>Nothing here</h1>
          <p>
            There is no page at <code>{route.path}</code>. <Link to={{ name: 'home' }}>Go to all playbooks</Link>.
          </p>
        </main>
      )}
    </Suspense>
  );
}
