/**
 * Child process of the soak: a share of its clients, each an unmodified y-websocket provider with
 * presence on, replaying the automerge-paper editing trace (Martin Kleppmann, automerge-perf, via
 * Joseph Gentle's editing-traces; CC BY 4.0) into a page of its own in one of the playbooks, one
 * recorded transaction per keystroke at a steady rate, moving its caret with every keystroke. Each
 * client receives everything its playbook's other clients type, as an editor does. At the end it
 * reports the text of each client's page, which the parent looks for in the server's storage.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { PlaybookDoc } from '@fullcourt/playbook';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openProvider, synced } from '../../tests/integration/helpers/providers';
import { applyTxn, loadEditingTrace } from '../suites/collab/editingTrace';
import { hearFromParent, loadInput, tellParent } from '../suites/collab/loadProcess';

export interface SoakClientsInput {
  wsBase: string;
  /** The owner's session cookie: every client edits as the owner. */
  headers: Record<string, string>;
  clients: { index: number; playbookId: string }[];
  keysPerSecond: number;
}

export interface ClientPage {
  index: number;
  playbookId: string;
  pageId: string;
  text: string;
  keys: number;
}

export type SoakClientsUp =
  | { kind: 'ready' }
  | { kind: 'progress'; keys: number; connected: number; closes: Record<string, number> }
  | { kind: 'done'; pages: ClientPage[]; closes: Record<string, number> };

export type SoakClientsDown = { kind: 'start' } | { kind: 'progress' } | { kind: 'finish' } | { kind: 'exit' };

interface Client {
  index: number;
  playbookId: string;
  pageId: string;
  provider: WebsocketProvider;
  text: Y.XmlText;
  next: number;
  /** When the next keystroke is due (ms on this process's clock). */
  due: number;
}

const input = loadInput<SoakClientsInput>();
const trace = loadEditingTrace();
const closes: Record<string, number> = {};
const clients: Client[] = [];
const colours = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c'];

// Connect in small batches: 200 sockets at once would measure a thundering herd, not a team.
for (const [n, { index, playbookId }] of input.clients.entries()) {
  const provider = openProvider(input.wsBase, playbookId, new Y.Doc(), input.headers);
  provider.on('connection-close', (event: { code: number } | null) => {
    const code = String(event?.code ?? 'none');
    closes[code] = (closes[code] ?? 0) + 1;
  });
  provider.awareness.setLocalState({ user: { name: `Soak ${index}`, color: colours[index % colours.length] } });
  clients.push({ index, playbookId, pageId: `soak-page-${index}`, provider, text: undefined as unknown as Y.XmlText, next: 0, due: 0 });
  if (n % 10 === 9) await sleep(100);
}
await Promise.all(clients.map((c) => synced(c.provider, 120_000)));
for (const client of clients) {
  const doc = client.provider.doc;
  const playbook = new PlaybookDoc(doc);
  doc.transact(() => {
    playbook.pages.add({ id: client.pageId, title: `Soak client ${client.index}`, body: { markdown: '' } });
    const body = playbook.pages.fragment(client.pageId, 'body');
    body.insert(0, [new Y.XmlElement('paragraph')]);
    (body.get(0) as Y.XmlElement).insert(0, [new Y.XmlText()]);
  });
  client.text = (playbook.pages.fragment(client.pageId, 'body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
}
await tellParent<SoakClientsUp>({ kind: 'ready' });

let typing = true;
let keys = 0;
const everyMs = 1_000 / input.keysPerSecond;

function tick(): void {
  const now = performance.now();
  for (const client of clients) {
    if (client.due > now || client.next >= trace.txns.length) continue;
    applyTxn(client.provider.doc, client.text, trace.txns[client.next] as Parameters<typeof applyTxn>[2]);
    client.next += 1;
    keys += 1;
    client.due += everyMs;
    // The caret follows the typing, as the editor's presence does.
    const caret = Y.createRelativePositionFromTypeIndex(client.text, client.text.length);
    client.provider.awareness.setLocalStateField('cursor', { anchor: caret, head: caret });
  }
}

for (;;) {
  const message = await hearFromParent<SoakClientsDown>();
  if (message.kind === 'start') {
    // Spread the clients over one keystroke interval, so they do not all type on the same tick.
    const start = performance.now();
    for (const [n, client] of clients.entries()) client.due = start + (n / clients.length) * everyMs;
    void (async () => {
      while (typing) {
        tick();
        await sleep(20);
      }
    })();
  } else if (message.kind === 'progress') {
    const connected = clients.filter((c) => c.provider.wsconnected).length;
    await tellParent<SoakClientsUp>({ kind: 'progress', keys, connected, closes });
  } else if (message.kind === 'finish') {
    typing = false;
    const pages = clients.map((c) => ({
      index: c.index,
      playbookId: c.playbookId,
      pageId: c.pageId,
      text: c.text.toString(),
      keys: c.next,
    }));
    await tellParent<SoakClientsUp>({ kind: 'done', pages, closes });
  } else {
    for (const client of clients) client.provider.destroy();
    process.exit(0);
  }
}
