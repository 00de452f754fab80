import type { BusStatus } from '../bus/bus';
import type { CollabServer } from '../collab/collabServer';
import type { PlaybookAccessRecord, Storage } from '../db';
import type { Identity } from '../identity/identity';
import type { SignInLimiter } from '../identity/signInLimiter';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import type { FirstRun } from './firstRun';
import type { ReaderFeeds } from './readerFeeds';

/** What commands may use. Routes and WebSocket handlers pass it in; commands never import transports. */
export interface Services {
  storage: Storage;
  collab: CollabServer;
  /** The live playbook pushed to open reader pages. */
  readerFeeds: ReaderFeeds;
  webhooks: WebhookDispatcher;
  log: Logger;
  /** Sessions, tokens and accounts (better-auth underneath). */
  identity: Identity;
  signIns: SignInLimiter;
  /** The one-time setup link of a server with no accounts yet. */
  firstRun: FirstRun;
  /** PUBLIC_URL, for links in invitations; requests' own origin is used without it. */
  publicUrl: string | undefined;
  /** Playbook sharing by id, emptied by `accessChanged` (see playbookAccess.ts). */
  accessCache: Map<string, PlaybookAccessRecord>;
  /** Empties the access caches and re-checks open sockets after access changed (debounced to one pass at a time). */
  accessChanged(): void;
  versionLimits: VersionLimits;
  metrics: Metrics;
  /** The cross-process bus's state; undefined when the server runs alone (no REDIS_URL). */
  busStatus: (() => BusStatus) | undefined;
  /** Where rate limits keep their counters when processes share them (the bus's Redis); undefined alone (in memory). */
  rateLimitStore?: unknown;
}

/** How much history one playbook may keep (see config.ts). */
export interface VersionLimits {
  maxNamedVersions: number;
  maxRestoreBackups: number;
}
