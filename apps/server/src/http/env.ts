import type { Actor } from '../identity/actor';

/** Per-request values set by middleware; every route reads its actor from here. */
export type AppEnv = { Variables: { actor: Actor; requestId: string /** Set on collaboration upgrades. */; readOnly?: boolean } };
