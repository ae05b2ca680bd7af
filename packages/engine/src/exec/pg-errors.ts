import pg from 'pg'
import { EngineError } from '../api/contract/errors.js'
import { characterLength } from './sql-text.js'

/** What the executor knew when a statement failed. */
export interface FailureContext {
  /** The user's statement as sent (after `prepareStatementText`). */
  readonly sql: string
  /** Characters before `sql` in the statement that failed (0 when it ran as written). */
  readonly prefixLength: number
  /** True when this engine asked the hub to cancel (the caller's AbortSignal or `close()`). */
  readonly canceledByUs: boolean
  /** The statement timeout in force (ms, 0 = none). */
  readonly timeoutMs: number
}

const SYSTEM_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
])

/** The error of a statement its caller canceled (AbortSignal), raised by the engine rather than the hub. */
export function canceledByUser(): EngineError {
  return new EngineError('QUERY_CANCELED', 'the query was canceled', { reason: 'user' })
}

/**
 * Maps what `pg` threw to the engine's error:
 * - SQLSTATE 57014 → `QUERY_CANCELED`, `detail.reason` = `'user'` when this engine (or anyone, per the message)
 *   asked for it, else `'statement_timeout'`;
 * - 25006 → `QUERY_NOT_READ_ONLY`;
 * - class 08, 57P01–57P03, 53300 and socket errors (ECONNREFUSED…, "Connection terminated") → `HUB_UNAVAILABLE`;
 * - any other `DatabaseError` → `HUB_QUERY_FAILED` with PostgreSQL's message and `detail` { sqlstate, position,
 *   hint }, `position` being 1-based characters into the user's SQL (absent when the error lies in the wrapper);
 * - an `EngineError` passes through; anything else is `INTERNAL`.
 */
export function toEngineError(err: unknown, context: FailureContext): EngineError {
  if (err instanceof EngineError) return err
  if (err instanceof pg.DatabaseError) return fromDatabaseError(err, context)
  const code = (err as { code?: unknown } | null)?.code
  const message = err instanceof Error ? err.message : String(err)
  if ((typeof code === 'string' && SYSTEM_UNAVAILABLE.has(code)) || /connection terminated/i.test(message)) {
    return new EngineError(
      'HUB_UNAVAILABLE',
      `the hub PostgreSQL did not answer (${code ?? message}); check that it is running`,
      undefined,
      { cause: err },
    )
  }
  return new EngineError('INTERNAL', 'the query failed in the engine', undefined, { cause: err })
}

function fromDatabaseError(err: pg.DatabaseError, context: FailureContext): EngineError {
  const sqlstate = err.code ?? ''
  if (sqlstate === '57014') {
    const byUser = context.canceledByUs || /user request/i.test(err.message)
    if (byUser)
      return new EngineError('QUERY_CANCELED', 'the query was canceled', { reason: 'user', sqlstate }, { cause: err })
    const message = `the query ran longer than its statement timeout (${context.timeoutMs} ms); raise timeoutMs or narrow the query`
    return new EngineError('QUERY_CANCELED', message, { reason: 'statement_timeout', sqlstate }, { cause: err })
  }
  if (sqlstate === '25006') {
    const message = `the hub runs queries READ ONLY, so this statement cannot run: ${err.message}`
    return new EngineError('QUERY_NOT_READ_ONLY', message, { sqlstate }, { cause: err })
  }
  if (sqlstate.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(sqlstate)) {
    return new EngineError(
      'HUB_UNAVAILABLE',
      `the hub PostgreSQL cannot serve queries: ${err.message}`,
      { sqlstate },
      { cause: err },
    )
  }
  const detail: Record<string, unknown> = { sqlstate }
  const position = userPosition(err.position, context)
  if (position !== undefined) detail.position = position
  if (err.hint !== undefined) detail.hint = err.hint
  return new EngineError('HUB_QUERY_FAILED', err.message, detail, { cause: err })
}

/** PostgreSQL's 1-based character position moved into the user's SQL; undefined when it points outside it. */
function userPosition(position: string | undefined, context: FailureContext): number | undefined {
  if (position === undefined) return undefined
  const inUserSql = Number(position) - context.prefixLength
  return inUserSql >= 1 && inUserSql <= characterLength(context.sql) + 1 ? inUserSql : undefined
}
