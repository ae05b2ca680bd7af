import { spawn, type ChildProcess } from 'node:child_process'
import pg from 'pg'
import type { Logger } from 'pino'
import type { HubConnectionParams } from '../hub-types.js'
import type { ServerOsUser } from './os-user.js'
import type { PgBinaries } from './pg-binaries.js'

/** A running PostgreSQL server process of the embedded hub. */
export interface Postmaster {
  readonly pid: number
  /** Fast shutdown (SIGINT: active sessions are rolled back), immediate after `timeoutMs`; resolves once gone. */
  stop(timeoutMs?: number): Promise<void>
}

/** Start failed because the port was taken between the check and the bind; the caller retries another port. */
export class PortTakenError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`)
    this.name = 'PortTakenError'
  }
}

/** Settings passed on every start, so they follow the engine rather than the data folder's postgresql.conf. */
function serverArgs(clusterDir: string, port: number): string[] {
  const settings = {
    port: String(port),
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    shared_preload_libraries: 'pg_stat_statements',
    lc_messages: 'C',
  }
  return ['-D', clusterDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]
}

/**
 * Tries one connection: true when it succeeds, false while the server is not up yet (refused, or SQLSTATE 57P03
 * "starting up"); any other answer (a wrong password: 28P01) is final and thrown.
 */
async function tryConnect(params: HubConnectionParams): Promise<boolean> {
  const client = new pg.Client({ ...params, connectionTimeoutMillis: 2_000 })
  client.on('error', () => undefined)
  try {
    await client.connect()
    return true
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code !== undefined && /^[0-9A-Z]{5}$/.test(code) && code !== '57P03') throw err
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Spawns `postgres` on `params.port` (as the server's OS user under root) and resolves once it accepts
 * connections. Its output goes to the logger at debug. The process gets its own process group, so a Ctrl+C
 * reaches the engine, which stops the hub itself; if the engine exits without stopping it, an `exit` hook sends
 * the fast-shutdown signal.
 * @throws PortTakenError when the port was taken; Error with the server's output when it exits or does not
 *   answer within `timeoutMs` (default 60 000 ms).
 */
export async function startPostmaster(
  bins: PgBinaries,
  clusterDir: string,
  params: HubConnectionParams,
  user: ServerOsUser | null,
  logger: Logger,
  timeoutMs = 60_000,
): Promise<Postmaster> {
  const child: ChildProcess = spawn(bins.postgres, serverArgs(clusterDir, params.port), {
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const onOutput = (chunk: Buffer): void => {
    const text = chunk.toString('utf8')
    output = (output + text).slice(-8_000)
    for (const line of text.split('\n')) if (line.trim() !== '') logger.debug({ program: 'postgres' }, line)
  }
  child.stdout?.on('data', onOutput)
  child.stderr?.on('data', onOutput)
  let exited = false
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())))
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve))
  const killOnExit = (): void => void child.kill('SIGINT')
  process.once('exit', killOnExit)

  const deadline = Date.now() + timeoutMs
  const tail = (lines: number): string => output.trim().split('\n').slice(-lines).join(' | ')
  try {
    while (!(await tryConnect(params))) {
      const failure = await Promise.race([
        spawnError,
        exit.then(() => null),
        new Promise((r) => setTimeout(r, 50, undefined)),
      ])
      if (failure instanceof Error) throw failure
      if (exited || failure === null) {
        if (output.includes('Address already in use')) throw new PortTakenError(params.port)
        throw new Error(`PostgreSQL exited during start-up: ${tail(5)}`)
      }
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms: ${tail(3)}`)
    }
  } catch (err) {
    process.removeListener('exit', killOnExit)
    if (!exited) child.kill('SIGQUIT')
    throw err
  }
  return {
    pid: child.pid ?? -1,
    stop: async (stopTimeoutMs = 30_000) => {
      process.removeListener('exit', killOnExit)
      if (exited) return
      child.kill('SIGINT')
      const timer = setTimeout(() => child.kill('SIGQUIT'), stopTimeoutMs)
      await exit
      clearTimeout(timer)
    },
  }
}
