import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listAudit } from '../api/account';
import { keys } from '../api/keys';
import { AccountNav } from './AccountNav';
import styles from './account.module.css';

/** Who did what, when, from where (owners and admins). */
export function AuditPage() {
  const log = useInfiniteQuery({
    queryKey: keys.audit,
    queryFn: ({ pageParam }) => listAudit(pageParam ?? undefined),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
  });
  const events = log.data?.pages.flatMap((page) => page.items) ?? [];
  const error = log.error?.message;
  useEffect(() => {
    document.title = 'Audit log · Fullcourt';
  }, []);
  return (
    <main className={`page ${styles.audit}`}>
      <AccountNav />
      <h1>Audit log</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">About</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.seq}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{e.actor.name}</td>
              <td>{e.action}</td>
              <td>{e.target ? `${e.target.kind} ${e.target.id}` : ''}</td>
              <td>{e.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.hasNextPage && (
        <button type="button" className="secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          Older events
        </button>
      )}
    </main>
  );
}
