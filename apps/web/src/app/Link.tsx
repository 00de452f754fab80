import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './router';
import type { Route } from './routes';
import { routePath } from './routes';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: Exclude<Route, { name: 'not-found' }> };

/** A real link (it opens in a new tab and reads as a link) that navigates in place on a plain click. */
export function Link({ to, onClick, ...rest }: Props) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  }
  return <a href={routePath(to)} onClick={handleClick} {...rest} />;
}
