import { randomBytes } from 'node:crypto'
import type { Pool, PoolClient } from 'pg'

/** A probe that took longer than its budget; its connection was cancelled and closed. */
export class ProbeTimeout extends Error {
  constructor(readonly ms: number) {
    super(`did not answer within ${Math.round(ms / 1000)} s`)
    this.name = 'ProbeTimeout'
  }
}

/** A fresh name for throwaway hub objects (`idw_probe_<16 hex>`): a valid source name, never a real one. */
export function probeName(): string {
  return `idw_probe_${randomBytes(8).toString('hex')}`
}

/**
 * Runs `work` in a transaction that is always rolled back, on a connection of its own that is closed afterwards
 * (so nothing created stays in the hub, and any remote connection an FDW opened ends with the backend).
 * `statement_timeout` is `timeoutMs`; a statement stuck where PostgreSQL cannot interrupt it (a connect inside
 * an FDW library) is cut by cancelling, then terminating its backend after `timeoutMs` + 2 s.
 * @throws ProbeTimeout after the budget; whatever `work` throws otherwise.
 */
export async function inThrowawayTransaction<T>(
  pool: Pool,
  timeoutMs: number,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  let timer: NodeJS.Timeout | undefined
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
    const pid = rows[0]?.pid
    const run = (async () => {
      await client.query('BEGIN')
      try {
        await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`)
        return await work(client)
      } finally {
        await client.query('ROLLBACK').catch(() => undefined)
      }
    })()
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        void pool
          .query('SELECT pg_terminate_backend($1)', [pid])
          .catch(() => undefined)
          .finally(() => reject(new ProbeTimeout(timeoutMs)))
      }, timeoutMs + 2000)
    })
    run.catch(() => undefined)
    return await Promise.race([run, deadline])
  } finally {
    clearTimeout(timer)
    client.release(true)
  }
}
