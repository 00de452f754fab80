/**
 * Runs the validator off the main thread. It keeps its own replica of the playbook's Y.Doc, fed
 * the same updates as the page's, and answers with the findings a moment after changes pause:
 * validating the large playbook takes tens of milliseconds, and on the main thread each run
 * delayed whatever key was pressed during it.
 */
import { PlaybookDoc, toJSON, validate } from '@fullcourt/playbook';
import * as Y from 'yjs';
import { localToday } from '../app/today';

const DELAY_MS = 200;
const playbook = new PlaybookDoc();
let timer: ReturnType<typeof setTimeout> | undefined;

function run(): void {
  // Attribution is free text the validator does not check; the reader's JSON carries the rest.
  postMessage(validate(toJSON(playbook), { today: localToday() }));
}

self.onmessage = (event: MessageEvent<Uint8Array | 'close'>) => {
  if (event.data === 'close') {
    clearTimeout(timer);
    self.close();
    return;
  }
  Y.applyUpdate(playbook.ydoc, event.data);
  clearTimeout(timer);
  timer = setTimeout(run, DELAY_MS);
};
