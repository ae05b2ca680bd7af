import { chmod, mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import type { Logger } from 'pino'
import { EngineError } from '../../api/contract/errors.js'
import { createHubPool } from '../hub-pool.js'
import { readHubStatus } from '../hub-status.js'
import type { Hub, HubConnectionParams } from '../hub-types.js'
import { findFreePort } from './free-port.js'
import { createHubPassword, readHubPassword } from './hub-password.js'
import { HUB_SUPERUSER, initCluster, inspectCluster } from './init-cluster.js'
import { assertReachableBy, resolveServerOsUser, type ServerOsUser } from './os-user.js'
import { preparePgBinaries, type PgBinaries } from './pg-binaries.js'
import { PortTakenError, startPostmaster, type Postmaster } from './postmaster.js'
import { clearOwner, clearStalePostmaster, writeOwner } from './stale-postmaster.js'

/** Port the embedded hub tries first. */
export const DEFAULT_HUB_PORT = 54329

/** Extensions installed in the hub database when the hub has them; failures are logged, not fatal. */
const HUB_DATABASE_EXTENSIONS = ['pgcrypto', 'pg_stat_statements']

async function installHubExtensions(pool: pg.Pool, logger: Logger): Promise<void> {
  for (const name of HUB_DATABASE_EXTENSIONS) {
    await pool
      .query(`CREATE EXTENSION IF NOT EXISTS ${name}`)
      .catch((err: Error) =>
        logger.warn({ extension: name, reason: err.message }, 'extension not installed in the hub'),
      )
  }
}

/** Starts the postmaster on the first free port from `firstPort`, retrying when another process takes it first. */
async function startOnFreePort(
  bins: PgBinaries,
  clusterDir: string,
  base: Omit<HubConnectionParams, 'port'>,
  firstPort: number,
  user: ServerOsUser | null,
  logger: Logger,
): Promise<{ postmaster: Postmaster; port: number }> {
  let port = await findFreePort(firstPort)
  for (let attempt = 1; ; attempt++) {
    try {
      return { postmaster: await startPostmaster(bins, clusterDir, { ...base, port }, user, logger), port }
    } catch (err) {
      if (!(err instanceof PortTakenError) || attempt >= 3) throw err
      port = await findFreePort(port + 1)
    }
  }
}

/**
 * Creates the data folder (0755) when missing. Under root the `postgres` user must traverse it to reach the
 * cluster and the demo files, so a folder of ours without the other-execute bit gets it (listing stays private).
 */
async function prepareDataFolder(dataFolder: string, user: ServerOsUser | null): Promise<void> {
  const created = await mkdir(dataFolder, { recursive: true, mode: 0o755 })
  if (created !== undefined) await chmod(dataFolder, 0o755)
  if (!user) return
  const st = await stat(dataFolder)
  if (st.uid === process.getuid?.() && (st.mode & 0o001) === 0) await chmod(dataFolder, (st.mode & 0o7777) | 0o001)
  await assertReachableBy(dataFolder, user, 'the data folder')
}

/**
 * Starts the embedded PostgreSQL hub with its cluster in `<dataFolder>/hub`: initialised on first use (random
 * superuser password in `<dataFolder>/hub.password`, 0600), kept between runs, listening on 127.0.0.1 only with
 * scram-sha-256, pg_stat_statements preloaded. Under root PostgreSQL runs as the `postgres` system user.
 * A second start of an initialised hub takes about a second.
 * @throws EngineError `HUB_START_FAILED` with an actionable message (unreachable folder, foreign folder, missing
 *   password file, another engine owning the hub, a server that exits during start-up).
 */
export async function startEmbeddedHub(dataDir: string, port: number | undefined, logger: Logger): Promise<Hub> {
  const started = Date.now()
  const dataFolder = path.resolve(dataDir)
  const clusterDir = path.join(dataFolder, 'hub')
  let postmaster: Postmaster | undefined
  try {
    const user = await resolveServerOsUser(logger)
    await prepareDataFolder(dataFolder, user)
    const bins = await preparePgBinaries(dataFolder, user, logger)
    const state = await inspectCluster(clusterDir, bins.major)
    const password =
      state === 'absent' ? await createHubPassword(dataFolder) : await readHubPassword(dataFolder, clusterDir)
    if (state === 'absent') await initCluster(bins, clusterDir, user, password, logger)
    await clearStalePostmaster(clusterDir, dataFolder, logger)
    const base = { host: '127.0.0.1', user: HUB_SUPERUSER, password, database: 'postgres' }
    const running = await startOnFreePort(bins, clusterDir, base, port ?? DEFAULT_HUB_PORT, user, logger)
    postmaster = running.postmaster
    await writeOwner(dataFolder, postmaster.pid, running.port)
    const params: HubConnectionParams = { ...base, port: running.port }
    const pool = createHubPool(params, logger)
    await installHubExtensions(pool, logger)
    logger.info({ dir: clusterDir, port: running.port, ms: Date.now() - started }, 'embedded hub ready')
    return embeddedHub(dataFolder, clusterDir, params, pool, postmaster, logger)
  } catch (err) {
    await postmaster?.stop()
    if (err instanceof EngineError) throw err
    throw new EngineError(
      'HUB_START_FAILED',
      `the embedded hub in ${clusterDir} could not start: ${(err as Error).message}`,
      { dir: clusterDir },
      { cause: err },
    )
  }
}

function embeddedHub(
  dataFolder: string,
  clusterDir: string,
  params: HubConnectionParams,
  pool: pg.Pool,
  postmaster: Postmaster,
  logger: Logger,
): Hub {
  let stopping: Promise<void> | undefined
  const location = {
    kind: 'embedded' as const,
    host: params.host,
    port: params.port,
    database: params.database,
    dataDir: clusterDir,
  }
  return {
    kind: 'embedded',
    dataDir: dataFolder,
    pool,
    connectionParams: () => ({ ...params }),
    openPool: (database, max = 2) => createHubPool({ ...params, database }, logger, max),
    status: () => readHubStatus(pool, location, stopping !== undefined),
    stop: () => {
      stopping ??= (async () => {
        await pool.end().catch(() => undefined)
        await postmaster.stop()
        await clearOwner(dataFolder)
        logger.info({ dir: clusterDir }, 'embedded hub stopped')
      })()
      return stopping
    },
  }
}
