import pg from 'pg'
import type { Logger } from 'pino'
import type { HubConnectionParams } from './hub-types.js'

/**
 * Opens a pool with `params`. Errors of idle clients (the server went away, an admin terminated a backend) are
 * logged at warn instead of crashing the process, which is what pg does with an unhandled `error` event.
 */
export function createHubPool(
  params: HubConnectionParams & { ssl?: pg.ClientConfig['ssl'] },
  logger: Logger,
  max = 10,
): pg.Pool {
  const pool = new pg.Pool({ ...params, max, application_name: 'idw-engine' })
  pool.on('error', (err) => logger.warn({ err: { message: err.message } }, 'idle hub connection failed'))
  return pool
}

/** `host:port/database` for messages and logs (never the user's password). */
export function describeHub(params: HubConnectionParams): string {
  return `${params.host}:${params.port}/${params.database}`
}
