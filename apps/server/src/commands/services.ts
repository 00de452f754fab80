import type { CollabServer } from '../collab/collabServer';
import type { Storage } from '../db';
import type { Logger } from '../logger';
import type { WebhookDispatcher } from '../webhooks/dispatcher';

/** What commands may use. Routes and WebSocket handlers pass it in; commands never import transports. */
export interface Services {
  storage: Storage;
  collab: CollabServer;
  webhooks: WebhookDispatcher;
  log: Logger;
  versionLimits: VersionLimits;
}

/** How much history one playbook may keep (see config.ts). */
export interface VersionLimits {
  maxNamedVersions: number;
  maxRestoreBackups: number;
}
