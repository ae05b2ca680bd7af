import type pg from 'pg'
import { EngineError } from '../api/contract/errors.js'
import { cancelBackend } from './cancel-backend.js'
import { canceledByUser, toEngineError } from './pg-errors.js'

/**
 * One pooled client running one user statement: `BEGIN READ ONLY` with a local statement timeout and UTF8 client
 * encoding, the backend pid for cancels, and a single way out (`end`) that always returns or destroys the client.
 *
 * Lifecycle: `open` → statements → `end('rollback')` when the protocol is idle (the client goes back to the pool),
 * or `end('destroy')` when it may be mid-COPY (the backend is canceled and the connection closed). `end` runs once;
 * later calls return the same promise.
 */
export class HubSession {
  /** True once this engine asked the hub to cancel (AbortSignal or `end('destroy')`). */
  canceledByUs = false
  private ended: Promise<void> | null = null
  private canceled: Promise<void> | null = null
  private readonly abortHandlers: (() => void)[] = []
  private readonly onAbort = (): void => this.abort()

  private constructor(
    private readonly pool: pg.Pool,
    readonly client: pg.PoolClient,
    readonly pid: number,
    readonly sql: string,
    readonly timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  /**
   * Takes a client from `pool` and opens the READ ONLY transaction.
   * @throws EngineError `HUB_UNAVAILABLE` when the hub cannot be reached; `QUERY_CANCELED` when `signal` is aborted.
   */
  static async open(
    pool: pg.Pool,
    sql: string,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<HubSession> {
    const context = { sql, prefixLength: 0, canceledByUs: false, timeoutMs }
    if (signal?.aborted) throw canceledByUser()
    let client: pg.PoolClient
    try {
      client = await pool.connect()
    } catch (err) {
      throw toEngineError(err, context)
    }
    try {
      const pid = await beginReadOnly(client, timeoutMs)
      return new HubSession(pool, client, pid, sql, timeoutMs, signal)
    } catch (err) {
      client.release(true)
      throw toEngineError(err, context)
    }
  }

  /** Ends the transaction and opens a fresh one (after a failed statement, before the plain fallback). */
  async restart(): Promise<void> {
    await this.client.query('ROLLBACK')
    await beginReadOnly(this.client, this.timeoutMs)
  }

  /** Registers work to do when the caller's signal aborts (after the hub was asked to cancel). */
  whenAborted(handler: () => void): void {
    this.abortHandlers.push(handler)
  }

  /** The engine error for `err`, raised by a statement whose user SQL starts after `prefixLength` characters. */
  failure(err: unknown, prefixLength: number): EngineError {
    const { sql, timeoutMs, canceledByUs } = this
    return toEngineError(err, { sql, prefixLength, timeoutMs, canceledByUs })
  }

  /**
   * Releases the client once: `'rollback'` ends the transaction and returns the client to the pool (destroying it
   * if ROLLBACK fails); `'destroy'` cancels the backend's statement and closes the connection. Resolves once the
   * client is released and any cancel was delivered (a cancel gives up after ~5 s when the hub does not answer).
   */
  end(mode: 'rollback' | 'destroy'): Promise<void> {
    this.ended ??= this.release(mode)
    return this.ended
  }

  private async release(mode: 'rollback' | 'destroy'): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort)
    if (mode === 'destroy') {
      const canceled = this.cancel()
      this.client.release(true)
      return canceled
    }
    // A cancel still in flight must land before the client serves someone else's statement.
    if (this.canceled !== null) await this.canceled
    try {
      await this.client.query('ROLLBACK')
      this.client.release()
    } catch (err) {
      this.client.release(err instanceof Error ? err : true)
    }
  }

  private abort(): void {
    void this.cancel()
    for (const handler of this.abortHandlers) handler()
  }

  /** Cancels the backend's statement once. A failed cancel is not an error: closing the socket still ends it. */
  private cancel(): Promise<void> {
    this.canceledByUs = true
    this.canceled ??= cancelBackend(this.pool, this.pid).then(
      () => undefined,
      () => undefined,
    )
    return this.canceled
  }
}

async function beginReadOnly(client: pg.PoolClient, timeoutMs: number): Promise<number> {
  await client.query('BEGIN READ ONLY')
  const result = await client.query<{ pid: number }>(
    "SELECT pg_backend_pid() AS pid, set_config('statement_timeout', $1, true), set_config('client_encoding', 'UTF8', true)",
    [String(timeoutMs)],
  )
  const pid = result.rows[0]?.pid
  if (pid === undefined) throw new EngineError('INTERNAL', 'the hub did not report its backend pid')
  return pid
}
