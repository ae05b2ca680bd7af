import { spawn } from 'node:child_process'
import { chown, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from 'pino'
import { EngineError } from '../../api/contract/errors.js'
import type { ServerOsUser } from './os-user.js'
import type { PgBinaries } from './pg-binaries.js'

/** The superuser the embedded hub is initialised with. */
export const HUB_SUPERUSER = 'postgres'

/**
 * Whether `clusterDir` holds a cluster: `absent` when missing or empty, `initialised` when it has a `PG_VERSION`
 * of the binaries' major version.
 * @throws EngineError `HUB_START_FAILED` for a non-empty folder that is no cluster, or one of another major version.
 */
export async function inspectCluster(clusterDir: string, major: number): Promise<'absent' | 'initialised'> {
  const entries = await readdir(clusterDir).catch(() => [] as string[])
  if (entries.length === 0) return 'absent'
  const version = await readFile(path.join(clusterDir, 'PG_VERSION'), 'utf8').catch(() => null)
  if (version === null) {
    throw new EngineError(
      'HUB_START_FAILED',
      `${clusterDir} is not empty and is not a PostgreSQL data directory; move it away or choose another IDW_DATA_DIR`,
      { dir: clusterDir },
    )
  }
  if (Number.parseInt(version, 10) !== major) {
    throw new EngineError(
      'HUB_START_FAILED',
      `${clusterDir} holds a PostgreSQL ${version.trim()} cluster but the embedded hub is PostgreSQL ${major}; ` +
        'dump and restore it, or delete the folder to start with an empty hub',
      { dir: clusterDir },
    )
  }
  return 'initialised'
}

/** Runs a program as the server's user, sending its output to the logger at debug; resolves with the stderr text. */
export function runLogged(file: string, args: string[], user: ServerOsUser | null, logger: Logger): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) =>
      logger.debug({ program: path.basename(file) }, chunk.toString('utf8').trimEnd()),
    )
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
      logger.debug({ program: path.basename(file) }, chunk.toString('utf8').trimEnd())
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(stderr) : reject(new Error(`${path.basename(file)} exited with ${code}: ${stderr.trim()}`)),
    )
  })
}

/**
 * Creates a cluster in `clusterDir` with `initdb`: superuser `postgres` with `password`, scram-sha-256 for
 * every connection, UTF-8 with the builtin C.UTF-8 locale (no dependency on the OS locales). Under root the
 * folder is owned by the server's user. The password reaches initdb through a 0600 file removed afterwards.
 * @throws EngineError `HUB_START_FAILED` with initdb's output.
 */
export async function initCluster(
  bins: PgBinaries,
  clusterDir: string,
  user: ServerOsUser | null,
  password: string,
  logger: Logger,
): Promise<void> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 })
  const pwFile = path.join(path.dirname(clusterDir), `.initdb-${process.pid}.pw`)
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 })
  if (user) {
    await chown(clusterDir, user.uid, user.gid)
    await chown(pwFile, user.uid, user.gid)
  }
  logger.info({ dir: clusterDir }, 'initialising the embedded hub')
  try {
    await runLogged(
      bins.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${HUB_SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      user,
      logger,
    )
  } catch (err) {
    throw new EngineError(
      'HUB_START_FAILED',
      `initdb failed in ${clusterDir}: ${(err as Error).message}`,
      { dir: clusterDir },
      { cause: err },
    )
  } finally {
    await rm(pwFile, { force: true })
  }
}
