/**
 * Runs the validator and keeps this device's copy of the playbook (IndexedDB), both off the main
 * thread. It keeps its own replica of the playbook's Y.Doc, fed the same updates as the page's,
 * and answers with the findings a moment after changes pause: validating the large playbook takes
 * tens of milliseconds, and on the main thread each run delayed whatever key was pressed during it.
 * y-indexeddb stores each update and, every 500 of them, re-encodes the whole document (75-500 ms
 * for the large playbook): here that lands on no key press.
 */
import { PlaybookDoc, toJSON, validate } from '@fullcourt/playbook';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { localToday } from '../app/today';
import type { ReplicaRequest, ReplicaResponse } from './replicaMessages';

const DELAY_MS = 200;
const playbook = new PlaybookDoc();
let timer: ReturnType<typeof setTimeout> | undefined;
let local: IndexeddbPersistence | null = null;

const answer = (message: ReplicaResponse) => postMessage(message);

function run(): void {
  // Attribution is free text the validator does not check; the reader's JSON carries the rest.
  answer({ type: 'findings', findings: validate(toJSON(playbook), { today: localToday() }) });
}

self.onmessage = (event: MessageEvent<ReplicaRequest>) => {
  const message = event.data;
  if (message instanceof Uint8Array) {
    Y.applyUpdate(playbook.ydoc, message);
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  } else if (message.type === 'keep-local') {
    local = new IndexeddbPersistence(message.name, playbook.ydoc);
    // What this device kept, for the page's document (which sends back nothing it already has).
    void local.whenSynced.then(() => answer({ type: 'local-loaded', state: Y.encodeStateAsUpdate(playbook.ydoc) }));
  } else if (message.type === 'close') {
    clearTimeout(timer);
    // Let y-indexeddb close its database (its writes already queued) before the worker goes.
    void Promise.resolve(local?.destroy()).finally(() => self.close());
  }
};
