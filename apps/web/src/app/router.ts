import { useSyncExternalStore } from 'react';
import { parseRoute, type Route, routePath } from './routes';

// A dozen lines of History API instead of a router dependency: the app has five screens.
const NAVIGATED = 'fullcourt:navigated';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATED, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATED, listener);
  };
}

const currentPath = () => window.location.pathname;

/** The route of the current URL; re-renders on navigation. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentPath));
}

/** Goes to a route; `replace` keeps the history entry (e.g. following a presenter). */
export function navigate(route: Exclude<Route, { name: 'not-found' }>, options: { replace?: boolean } = {}): void {
  const path = routePath(route);
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}
