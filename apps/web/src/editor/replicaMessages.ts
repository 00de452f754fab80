import type { Finding } from '@fullcourt/playbook';

/** From the page to findings.worker.ts: an update of the document, keep a copy on this device under `name`, or close. */
export type ReplicaRequest = Uint8Array | { type: 'keep-local'; name: string } | { type: 'close' };

/** From findings.worker.ts to the page: the validator's findings, or the state kept on this device once loaded. */
export type ReplicaResponse = { type: 'findings'; findings: Finding[] } | { type: 'local-loaded'; state: Uint8Array };
