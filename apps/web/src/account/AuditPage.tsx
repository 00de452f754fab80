import { useEffect, useState } from 'react';
import { type AuditEvent, listAudit } from '../api/account';
import { AccountNav } from './AccountNav';

/** Who did what, when, from where (owners and admins). */
export function AuditPage() {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>();
  const load = (before?: number) =>
    listAudit(before).then(
      (page) => {
        setEvents((shown) => (before ? [...shown, ...page.items] : page.items));
        setNext(page.nextBefore);
      },
      (e: Error) => setError(e.message),
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once when the page opens.
  useEffect(() => {
    document.title = 'Audit log · Fullcourt';
    void load();
  }, []);
  return (
    <main className="page audit">
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
      {next !== null && (
        <button type="button" className="secondary" onClick={() => load(next)}>
          Older events
        </button>
      )}
    </main>
  );
}
