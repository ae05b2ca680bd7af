import pg from 'pg'

/** How long a cancel may take to connect, then to run, when the pool sets no limit (ms). */
const CANCEL_TIMEOUT_MS = 5000

/**
 * Asks the hub to cancel whatever backend `pid` is running, with `pg_cancel_backend(pid)` on a new connection
 * made from the pool's options (outside the pool, so a full pool cannot delay a cancel; each step times out after
 * 5 s unless the pool sets its own limits). The backend stops at its next interrupt check and reports SQLSTATE
 * 57014 to its own client; a backend blocked writing to its client sees it once the client reads or closes.
 * Returns true when the signal was delivered (false if `pid` no longer exists).
 * @throws whatever `pg` throws when the hub cannot be reached (the caller decides whether that matters).
 */
export async function cancelBackend(pool: pg.Pool, pid: number): Promise<boolean> {
  const { connectionTimeoutMillis, query_timeout } = pool.options
  const client = new pg.Client({
    ...pool.options,
    connectionTimeoutMillis: connectionTimeoutMillis || CANCEL_TIMEOUT_MS,
    query_timeout: query_timeout || CANCEL_TIMEOUT_MS,
  })
  try {
    await client.connect()
    const result = await client.query<{ canceled: boolean }>('SELECT pg_cancel_backend($1) AS canceled', [pid])
    return result.rows[0]?.canceled === true
  } finally {
    await client.end()
  }
}
