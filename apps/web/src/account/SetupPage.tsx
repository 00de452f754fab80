import { useEffect, useState } from 'react';
import { completeSetup } from '../api/account';
import { navigate } from '../app/router';
import { AuthForm } from './AuthForm';
import { loadAccount } from './accountStore';
import { readLinkToken } from './useQueryToken';

/** First run: the person with the setup link the server printed creates the owner account. */
export function SetupPage() {
  const [token] = useState(readLinkToken);
  useEffect(() => {
    document.title = 'Set up Fullcourt';
  }, []);
  return (
    <AuthForm
      title="Set up Fullcourt"
      intro={<p>You are creating the owner account: you will invite everyone else.</p>}
      fields={[
        { name: 'name', label: 'Your name', autoComplete: 'name' },
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
        { name: 'password', label: 'Password (at least 10 characters)', type: 'password', autoComplete: 'new-password', minLength: 10 },
      ]}
      submit="Create the owner account"
      onSubmit={async ({ name, email, password }) => {
        await completeSetup({ token, name: name ?? '', email: email ?? '', password: password ?? '' });
        await loadAccount();
        navigate({ name: 'home' });
      }}
    />
  );
}
