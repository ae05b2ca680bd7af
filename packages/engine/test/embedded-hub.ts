import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pino, { type Logger } from 'pino'
import { ensureDemoWorkspace } from '../src/demo/index.js'
import { startHub, type Hub } from '../src/hub/index.js'
import { applySources } from '../src/sources/index.js'

/**
 * The tests' data folder, reused between runs (the embedded cluster is in its `hub/`): `IDW_TEST_DATA_DIR`, else
 * `<repo>/.idw-test`, else as root `/var/lib/instant-data-workbench-test`, because the hub then runs as the
 * `postgres` user, who may not reach a checkout under root's home.
 */
export const TEST_DATA_DIR =
  process.env.IDW_TEST_DATA_DIR ??
  (process.getuid?.() === 0
    ? '/var/lib/instant-data-workbench-test'
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.idw-test'))

/** A started test hub and a libpq URI to it (with the superuser password: tests only, never log it). */
export interface TestHub {
  hub: Hub
  url: string
}

/**
 * Starts the embedded hub on `dataDir` (default `TEST_DATA_DIR`) with the demo workspace loaded and its sources applied (the first
 * run initialises the cluster and loads 3M flights, a few seconds; later runs start in about a second).
 * The caller stops it with `hub.stop()`. Made to become the integration tests' global setup.
 * @throws the hub's EngineError, or the first demo source's apply error.
 */
export async function startEmbeddedTestHub(
  options: { port?: number; logger?: Logger; dataDir?: string } = {},
): Promise<TestHub> {
  const logger = options.logger ?? pino({ level: process.env.IDW_TEST_LOG_LEVEL ?? 'warn' })
  const hub = await startHub({
    dataDir: options.dataDir ?? TEST_DATA_DIR,
    logger,
    ...(options.port ? { port: options.port } : {}),
  })
  try {
    const demo = await ensureDemoWorkspace(hub, logger)
    const failed = (await applySources(hub.pool, { sources: demo.sources }, { logger })).find((r) => r.error)
    if (failed?.error) throw failed.error
  } catch (err) {
    await hub.stop()
    throw err
  }
  const { host, port, user, password, database } = hub.connectionParams()
  const url = `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password ?? '')}@${host}:${port}/${encodeURIComponent(database)}`
  return { hub, url }
}
