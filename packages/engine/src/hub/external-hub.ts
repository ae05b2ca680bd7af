import pg from 'pg'
import type { Logger } from 'pino'
import { EngineError } from '../api/contract/errors.js'
import { createHubPool, describeHub } from './hub-pool.js'
import { readHubStatus } from './hub-status.js'
import type { Hub, HubConnectionParams } from './hub-types.js'

/** Splits a libpq URI (and the PG* environment variables it leaves open) into connection parameters. */
export function parseHubUrl(url: string): HubConnectionParams & { ssl: pg.ClientConfig['ssl'] } {
  const client = new pg.Client({ connectionString: url })
  const { ssl } = (client as unknown as { connectionParameters: { ssl: pg.ClientConfig['ssl'] } }).connectionParameters
  return {
    host: client.host,
    port: client.port,
    user: client.user ?? 'postgres',
    ...(client.password ? { password: client.password } : {}),
    database: client.database ?? client.user ?? 'postgres',
    ssl,
  }
}

/**
 * Connects to an external hub given by `url` and checks it answers.
 * @throws EngineError `HUB_UNAVAILABLE` naming host, port, database and user (never the password), with pg's
 *   SQLSTATE or the socket error code in `detail.code`.
 */
export async function connectExternalHub(url: string, dataDir: string, logger: Logger): Promise<Hub> {
  let parsed: ReturnType<typeof parseHubUrl>
  try {
    parsed = parseHubUrl(url)
  } catch (err) {
    throw new EngineError(
      'HUB_UNAVAILABLE',
      'IDW_HUB_URL is not a valid libpq URI (postgresql://user@host:port/database)',
      undefined,
      { cause: err },
    )
  }
  const { ssl, ...params } = parsed
  const poolFor = (database: string, max: number): pg.Pool =>
    createHubPool({ ...params, database, ...(ssl ? { ssl } : {}) }, logger, max)
  const pool = poolFor(params.database, 10)
  try {
    await pool.query('SELECT 1')
  } catch (err) {
    await pool.end().catch(() => undefined)
    const reason = err instanceof Error ? err.message : String(err)
    const code = (err as { code?: unknown }).code
    throw new EngineError(
      'HUB_UNAVAILABLE',
      `could not connect to the hub at ${describeHub(params)} as user "${params.user}": ${reason}. ` +
        'Check IDW_HUB_URL (host, port, database, user, password) and that the PostgreSQL server is running.',
      typeof code === 'string' ? { code } : undefined,
      { cause: err },
    )
  }
  logger.info({ hub: describeHub(params) }, 'connected to the external hub')
  let stopped = false
  return {
    kind: 'external',
    dataDir,
    pool,
    connectionParams: () => ({ ...params }),
    openPool: (database, max = 2) => poolFor(database, max),
    status: () =>
      readHubStatus(
        pool,
        { kind: 'external', host: params.host, port: params.port, database: params.database, dataDir: null },
        stopped,
      ),
    stop: async () => {
      if (stopped) return
      stopped = true
      await pool.end()
    },
  }
}
