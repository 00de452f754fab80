import { useEffect, useState } from 'react';
import { setupStatus, signIn } from '../api/account';
import { navigate } from '../app/router';
import { AuthForm } from './AuthForm';
import { loadAccount, useAccount } from './accountStore';

/** Email and password; on a server still waiting for its owner, it says where the setup link is. */
export function SignInPage() {
  const [needsSetup, setNeedsSetup] = useState(false);
  const account = useAccount();
  const reason = account.status === 'signed-out' ? account.reason : undefined;
  useEffect(() => {
    document.title = 'Sign in · Fullcourt';
    setupStatus().then(
      (s) => setNeedsSetup(s.required),
      () => {},
    );
  }, []);
  return (
    <AuthForm
      title="Sign in to Fullcourt"
      intro={
        reason ? (
          <p role="alert" className="notice">
            {reason}
          </p>
        ) : needsSetup ? (
          <p className="notice">
            This server has no accounts yet. Open the setup link it printed when it started to create the owner account.
          </p>
        ) : (
          <p>New here? Ask an admin for an invitation.</p>
        )
      }
      fields={[
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
        { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
      ]}
      submit="Sign in"
      onSubmit={async ({ email, password }) => {
        await signIn(email ?? '', password ?? '');
        await loadAccount();
        navigate({ name: 'home' });
      }}
    />
  );
}
