import type { PoolClient, QueryConfig } from 'pg'
import { EngineError } from '../api/contract/errors.js'
import { DEFAULT_TIMEOUT_MS } from '../exec/query-stream.types.js'

/** What `explainQuery` asks PostgreSQL for besides the plan. */
export interface ExplainOptions {
  /** Run the query and report actual rows, loops and time (`EXPLAIN ANALYZE`). The query really runs. */
  analyze?: boolean
  /** Report shared/local/temp buffer counts (`BUFFERS`); with `analyze` also per node. */
  buffers?: boolean
  /**
   * Values bound to the statement's `$1…$n` (wire form: text, Buffer or null, as exec's `encodeParameters` gives).
   * The hub plans with the values known, so postgres_fdw's Remote SQL shows them as constants.
   */
  parameters?: readonly (string | Buffer | null)[]
  /** Statement timeout of the EXPLAIN (ms; default 300 000 as for query runs; 0 = none). Matters with `analyze`. */
  timeoutMs?: number
}

/**
 * Builds the EXPLAIN statement for `sql`: `EXPLAIN (FORMAT JSON, VERBOSE, COSTS, SETTINGS[, ANALYZE][, BUFFERS]) sql`.
 *
 * Trailing semicolons and white space are removed so the statement stays a single one. Returns the statement
 * and `offset`, the number of characters put before the user's SQL (to map PostgreSQL's error position back).
 * @throws EngineError `BAD_INPUT` when `sql` is empty.
 */
export function buildExplainSql(sql: string, options: ExplainOptions = {}): { text: string; offset: number } {
  const body = sql.trim().replace(/[;\s]+$/, '')
  if (body === '') throw new EngineError('BAD_INPUT', 'there is no SQL to explain')
  const flags = ['FORMAT JSON', 'VERBOSE', 'COSTS', 'SETTINGS']
  if (options.analyze === true) flags.push('ANALYZE')
  if (options.buffers === true) flags.push('BUFFERS')
  const prefix = `EXPLAIN (${flags.join(', ')}) `
  const leading = sql.length - sql.trimStart().length
  return { text: prefix + body, offset: prefix.length - leading }
}

/**
 * Runs `EXPLAIN (FORMAT JSON, VERBOSE, COSTS, SETTINGS[, ANALYZE, BUFFERS])` for one statement inside a
 * READ ONLY transaction on `client`, with `parameters` bound to the statement's `$n`, and returns PostgreSQL's JSON
 * as parsed by node-postgres (an array with one object holding `Plan`, `Settings`, `Planning Time`…), ready for
 * `parsePlan`.
 *
 * With `analyze` the statement is executed (its rows are discarded); the READ ONLY transaction is what keeps a
 * data-modifying statement from changing anything. The transaction is always rolled back; `client` is left idle.
 * @throws EngineError `BAD_INPUT` for empty SQL; `QUERY_NOT_READ_ONLY` (SQLSTATE 25006) when the statement would
 *   write; `QUERY_CANCELED` (57014: canceled, or `timeoutMs` passed); `HUB_QUERY_FAILED` otherwise (42601 for
 *   more than one statement), `detail` holding `sqlstate`, `position` (1-based, within `sql`), `hint` and `detail`
 *   of pg's DatabaseError, which is kept as `cause`.
 */
export async function explainQuery(client: PoolClient, sql: string, options: ExplainOptions = {}): Promise<unknown> {
  const statement = buildExplainSql(sql, options)
  await client.query('BEGIN READ ONLY')
  try {
    await client.query("SELECT set_config('statement_timeout', $1, true)", [
      String(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    ])
    // The extended protocol refuses a second statement, which could otherwise COMMIT and escape READ ONLY.
    const config: QueryConfig & { queryMode: 'extended' } = {
      text: statement.text,
      values: [...(options.parameters ?? [])],
      queryMode: 'extended',
    }
    const result = await client.query<{ 'QUERY PLAN': unknown }>(config)
    const row = result.rows[0]
    if (row === undefined) throw new EngineError('INTERNAL', 'EXPLAIN returned no row')
    return row['QUERY PLAN']
  } catch (error) {
    throw toExplainError(error, statement.offset)
  } finally {
    await client.query('ROLLBACK')
  }
}

interface PgErrorFields {
  code?: string
  position?: string
  hint?: string
  detail?: string
  message?: string
}

function toExplainError(error: unknown, offset: number): unknown {
  if (error instanceof EngineError || typeof error !== 'object' || error === null) return error
  const pg = error as PgErrorFields
  if (typeof pg.code !== 'string') return error
  const position = pg.position === undefined ? undefined : Math.max(1, Number(pg.position) - offset)
  const detail: Record<string, unknown> = { sqlstate: pg.code }
  if (position !== undefined) detail.position = position
  if (pg.hint !== undefined) detail.hint = pg.hint
  if (pg.detail !== undefined) detail.detail = pg.detail
  const reason = pg.message ?? 'unknown error'
  if (pg.code === '25006') {
    return new EngineError(
      'QUERY_NOT_READ_ONLY',
      `EXPLAIN ANALYZE runs the statement, and this one would write (${reason}); explain it without ANALYZE`,
      detail,
      { cause: error },
    )
  }
  if (pg.code === '57014')
    return new EngineError('QUERY_CANCELED', `EXPLAIN was canceled: ${reason}`, detail, { cause: error })
  return new EngineError('HUB_QUERY_FAILED', `EXPLAIN failed: ${reason}`, detail, { cause: error })
}
