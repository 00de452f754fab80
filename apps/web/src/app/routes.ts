/** The sections of the playbook editor, in navigation order; the id is the URL segment. */
export const SECTION_IDS = ['stages', 'lifecycle', 'content', 'responsibilities', 'buying-team', 'metrics', 'pages'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export function isSectionId(value: string | undefined): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value ?? '');
}

/** Where the app is: every screen is reachable by URL, so a link can be shared and a reload stays put. */
export type Route =
  | { name: 'home' }
  | { name: 'editor'; playbookId: string; section: SectionId }
  | { name: 'reader'; playbookId: string; stageId: string | null }
  | { name: 'workshop'; playbookId: string; section: SectionId }
  | { name: AccountScreen }
  | { name: 'not-found'; path: string };

/** Screens about people and access, each at its own top-level path (`/sign-in`, `/people`, …). */
export const ACCOUNT_SCREENS = ['sign-in', 'setup', 'invite', 'profile', 'people', 'tokens', 'audit'] as const;
export type AccountScreen = (typeof ACCOUNT_SCREENS)[number];

const isAccountScreen = (value: string | undefined): value is AccountScreen => (ACCOUNT_SCREENS as readonly string[]).includes(value ?? '');

/** Reads a route from a pathname such as `/playbooks/abc/read/stages/s1`. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  const [root, playbookId, mode, ...rest] = parts;
  if (parts.length === 1 && isAccountScreen(root)) return { name: root };
  if (root !== 'playbooks' || !playbookId) return { name: 'not-found', path: pathname };
  if (mode === undefined) return { name: 'editor', playbookId, section: 'stages' };
  if (isSectionId(mode) && rest.length === 0) return { name: 'editor', playbookId, section: mode };
  if (mode === 'read') {
    if (rest.length === 0) return { name: 'reader', playbookId, stageId: null };
    if (rest[0] === 'stages' && rest[1] && rest.length === 2) return { name: 'reader', playbookId, stageId: rest[1] };
  }
  if (mode === 'workshop' && rest.length <= 1) {
    return { name: 'workshop', playbookId, section: isSectionId(rest[0]) ? rest[0] : 'stages' };
  }
  return { name: 'not-found', path: pathname };
}

/** The pathname of a route; the inverse of parseRoute. */
export function routePath(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'editor':
      return `/playbooks/${encodeURIComponent(route.playbookId)}/${route.section}`;
    case 'reader':
      return route.stageId === null
        ? `/playbooks/${encodeURIComponent(route.playbookId)}/read`
        : `/playbooks/${encodeURIComponent(route.playbookId)}/read/stages/${encodeURIComponent(route.stageId)}`;
    case 'workshop':
      return `/playbooks/${encodeURIComponent(route.playbookId)}/workshop/${route.section}`;
    default:
      return `/${route.name}`;
  }
}
