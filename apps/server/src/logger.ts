import { type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs; request bodies, tokens and document contents are never logged. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'fullcourt' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.token', '*.secret', '*.password'], censor: '[redacted]' },
  });
}
