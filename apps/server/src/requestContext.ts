import { AsyncLocalStorage } from 'node:async_hooks';

/** The id of the HTTP request whose work is running, so every log line it causes can name it. */
export const requestContext = new AsyncLocalStorage<string>();
