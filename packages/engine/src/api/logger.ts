import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'

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
 * The engine's logger on stderr at `level`, else `IDW_LOG_LEVEL`, else `info`; secrets redacted. JSON lines, or
 * one readable line per message when stderr is a terminal (pino-pretty) unless `IDW_LOG_FORMAT=json`.
 */
export function createLogger(options: { level?: string } = {}): Logger {
  const level = options.level ?? process.env.IDW_LOG_LEVEL ?? 'info'
  const readable = process.stderr.isTTY && process.env.IDW_LOG_FORMAT !== 'json'
  const destination = readable
    ? pretty({ destination: 2, sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' })
    : pino.destination(2)
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination)
}
