import { Link } from '../app/Link';
import styles from './account.module.css';
import { useAccount } from './accountStore';

/** Links to the account screens; People and Audit only for owners and admins. */
export function AccountNav() {
  const account = useAccount();
  if (account.status !== 'signed-in') return null;
  const admin = account.person.role === 'owner' || account.person.role === 'admin';
  return (
    <nav className={styles.accountNav} aria-label="Account">
      <Link to={{ name: 'home' }}>Playbooks</Link>
      {admin && <Link to={{ name: 'people' }}>People</Link>}
      <Link to={{ name: 'tokens' }}>API tokens</Link>
      {admin && <Link to={{ name: 'audit' }}>Audit log</Link>}
      <Link to={{ name: 'profile' }} aria-label={`Your profile: ${account.person.name}`}>
        {account.person.name}
      </Link>
    </nav>
  );
}
