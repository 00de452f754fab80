import type { Actor } from '../identity/actor';

/** Per-request values set by middleware; every route reads its actor from here. */
export type AppEnv = {
  Variables: {
    actor: Actor;
    requestId: string;
    /** Who to count per-client limits under (see middleware/clientAddress.ts). */
    clientAddress: string;
    /** Set on collaboration upgrades: the connection may read but not edit. */
    readOnly?: boolean;
  };
};
