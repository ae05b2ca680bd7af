import pino, { type Logger } from 'pino'

/**
 * Paths of log fields that may hold secrets; pino replaces their values with `[redacted]` before anything is
 * written (https://getpino.io/#/docs/redaction).
 */
const REDACT_PATHS = [
  'password',
  '*.password',
  '*.*.password',
  'token',
  '*.token',
  'connectionString',
  '*.connectionString',
  'url',
  '*.url',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
]

/**
 * The engine's logger: JSON lines on stderr at `level`, else `IDW_LOG_LEVEL`, else `info`; secrets redacted.
 */
export function createLogger(options: { level?: string } = {}): Logger {
  const level = options.level ?? process.env.IDW_LOG_LEVEL ?? 'info'
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, pino.destination(2))
}
