import { useEffect, useState } from 'react';
import { acceptInvitation, lookUpInvitation } from '../api/account';
import { navigate } from '../app/router';
import { AuthForm } from './AuthForm';
import { loadAccount } from './accountStore';
import { readLinkToken } from './useQueryToken';

/** An invitation link: the invited person chooses the name others will see and a password, and is signed in. */
export function AcceptInvitationPage() {
  const [token] = useState(readLinkToken);
  const [invitation, setInvitation] = useState<{ email: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    document.title = 'Join Fullcourt';
    lookUpInvitation(token).then(setInvitation, (e: Error) => setError(e.message));
  }, [token]);

  if (error) {
    return (
      <main className="page auth-page">
        <h1>This invitation cannot be used</h1>
        <p role="alert" className="error">
          {error}
        </p>
      </main>
    );
  }
  if (!invitation) return <p className="page loading">Opening the invitation…</p>;
  return (
    <AuthForm
      title="Join Fullcourt"
      intro={<p>You were invited as {invitation.email}. Choose the name your colleagues will see, and a password.</p>}
      fields={[
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'username', initial: invitation.email, readOnly: true },
        { name: 'name', label: 'Your name', autoComplete: 'name' },
        { name: 'password', label: 'Password (at least 10 characters)', type: 'password', autoComplete: 'new-password', minLength: 10 },
      ]}
      submit="Join"
      onSubmit={async ({ name, password }) => {
        await acceptInvitation({ token, name: name ?? '', password: password ?? '' });
        await loadAccount();
        navigate({ name: 'home' });
      }}
    />
  );
}
