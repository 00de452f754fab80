/** The `token` of a link such as /invite?token=…, read once; the address bar then drops it so it is not left in history. */
export function readLinkToken(): string {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}
