import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from 'pino'
import { EngineError } from '../../api/contract/errors.js'

/** File in the data folder naming the engine process that owns the running embedded hub. */
export function ownerFile(dataFolder: string): string {
  return path.join(dataFolder, 'hub.owner.json')
}

/** Records that this process owns the hub now running on `port` with server pid `pid`. */
export async function writeOwner(dataFolder: string, pid: number, port: number): Promise<void> {
  await writeFile(ownerFile(dataFolder), JSON.stringify({ enginePid: process.pid, serverPid: pid, port }), {
    mode: 0o600,
  })
}

/** Removes the owner record (after a clean stop). */
export async function clearOwner(dataFolder: string): Promise<void> {
  await rm(ownerFile(dataFolder), { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** True when `pid` is a postgres process serving `clusterDir` (Linux: read from /proc; elsewhere assumed). */
async function servesCluster(pid: number, clusterDir: string): Promise<boolean> {
  if (process.platform !== 'linux') return true
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
  return cmdline.split('\0').includes(clusterDir)
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true
    await new Promise((r) => setTimeout(r, 50))
  }
  return !isAlive(pid)
}

/**
 * Clears what a crash leaves behind before the postmaster starts. A `postmaster.pid` whose process is gone (or
 * is some other program that reused the pid) is removed. A postmaster still serving the cluster whose owning
 * engine process is gone (the engine was killed) is shut down (fast shutdown, then immediate after 15 s).
 * @throws EngineError `HUB_START_FAILED` when a live engine process (this one included) owns the running hub,
 *   or a server the engine did not start runs on the cluster.
 */
export async function clearStalePostmaster(clusterDir: string, dataFolder: string, logger: Logger): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid')
  const text = await readFile(pidFile, 'utf8').catch(() => null)
  if (text === null) return
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10)
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await servesCluster(pid, clusterDir))) {
    logger.info({ pidFile }, 'removing the stale postmaster.pid of a hub that did not stop cleanly')
    await rm(pidFile, { force: true })
    return
  }
  const owner = JSON.parse((await readFile(ownerFile(dataFolder), 'utf8').catch(() => null)) ?? '{}') as {
    enginePid?: number
  }
  if (owner.enginePid === undefined) {
    throw new EngineError(
      'HUB_START_FAILED',
      `a PostgreSQL server not started by the engine (pid ${pid}) is running on ${clusterDir}; stop it first`,
      { dir: clusterDir, serverPid: pid },
    )
  }
  if (isAlive(owner.enginePid)) {
    const who = owner.enginePid === process.pid ? 'this engine process' : `another engine (process ${owner.enginePid})`
    throw new EngineError(
      'HUB_START_FAILED',
      `the embedded hub in ${clusterDir} is already running, started by ${who}; ` +
        'stop it, connect to it with IDW_HUB_URL, or choose another IDW_DATA_DIR',
      { dir: clusterDir, enginePid: owner.enginePid },
    )
  }
  logger.warn(
    { serverPid: pid },
    'an orphaned hub postmaster is still running from a previous engine; shutting it down',
  )
  process.kill(pid, 'SIGINT')
  if (!(await waitForExit(pid, 15_000))) {
    process.kill(pid, 'SIGQUIT')
    await waitForExit(pid, 5_000)
  }
}
