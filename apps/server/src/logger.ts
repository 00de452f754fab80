import { type Logger, pino } from 'pino';
import { requestContext } from './requestContext';

export type { Logger };

/** Structured JSON logs; request bodies, tokens and document contents are never logged. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'fullcourt' },
    // Lines logged while a request's work runs (in its commands too) carry its id.
    mixin: () => {
      const requestId = requestContext.getStore();
      return requestId ? { requestId } : {};
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.token', '*.secret', '*.password'], censor: '[redacted]' },
  });
}
