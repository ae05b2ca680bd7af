import pg from 'pg'
import { EngineError } from '../api/contract/errors.js'
import { CopyQueryStream } from './copy-query-stream.js'
import type { BatchLimits } from './decode/batch-assembler.js'
import { describeFields, resolveColumnTypes } from './describe.js'
import { HubSession } from './hub-session.js'
import { encodeParameters } from './parameter-text.js'
import { runPlainStatement } from './plain-query-stream.js'
import { PortalQueryStream } from './portal-query-stream.js'
import {
  BATCH_BYTES_CAP,
  DEFAULT_BATCH_ROWS,
  DEFAULT_TIMEOUT_MS,
  type QueryStream,
  type QueryStreamOptions,
} from './query-stream.types.js'
import { prepareStatementText } from './sql-text.js'
import { planColumn } from './type-map.js'
import { wrapDescribe } from './wrap-sql.js'

/** SQLSTATEs of a describe wrap the statement itself may not cause: syntax_error, feature_not_supported. */
const WRAP_REJECTED = new Set(['42601', '0A000'])

/**
 * Runs one SQL statement on the hub and streams its result as Arrow RecordBatches through the fastest path
 * PostgreSQL offers, binary COPY decoded straight into Arrow buffers (types per `planColumn`); with `parameters`,
 * through a binary portal (extended protocol, bind parameters, binary rows) feeding the same decoders.
 *
 * Steps: take a client from `pool`, `BEGIN READ ONLY` with `statement_timeout` = `timeoutMs` (each statement);
 * describe `SELECT * FROM (<sql>) AS q LIMIT 0` with the extended protocol (parameters bound); resolve types;
 * resolve the promise (the schema is known, no row was read yet). `batches()` then runs `COPY (SELECT … FROM
 * (<sql>) AS q(…) LIMIT maxRows + 1) TO STDOUT (FORMAT binary)`, or, when `parameters` is a non-empty list, the
 * same `SELECT` as an unnamed portal with the parameters bound and every column in binary (`PortalQueryStream`:
 * same batches, cap, cancel, timeout, READ ONLY transaction and errors). When the hub rejects the wrap itself
 * (`SHOW`, `EXPLAIN`, DDL …), the statement runs as written into Utf8 columns (`runPlainStatement`, which reads
 * the whole result: meant for small results), in the same READ ONLY transaction. Error positions are 1-based
 * characters into `sql`.
 *
 * Cancel: aborting `signal` runs `pg_cancel_backend(pid)` on another connection, so the statement stops in the
 * hub, and fails the pending call with `QUERY_CANCELED` reason 'user'.
 * @throws EngineError `BAD_INPUT` (no statement, several statements, bad options or parameter values),
 *   `HUB_UNAVAILABLE`, `HUB_QUERY_FAILED` (detail { sqlstate, position in `sql`, hint }), `QUERY_NOT_READ_ONLY`,
 *   `QUERY_CANCELED`.
 */
export async function openQueryStream(
  pool: pg.Pool,
  sql: string,
  options: QueryStreamOptions = {},
): Promise<QueryStream> {
  const startedAt = performance.now()
  const { limits, timeoutMs } = readOptions(options)
  const values = encodeParameters(options.parameters ?? [])
  const statement = prepareStatementText(sql)
  const session = await HubSession.open(pool, statement, timeoutMs, options.signal)
  const describe = wrapDescribe(statement)
  let prefixLength = describe.prefixLength
  try {
    let fields: pg.FieldDef[] | null = null
    try {
      fields = await describeFields(session.client, describe.text, values)
    } catch (err) {
      if (!(err instanceof pg.DatabaseError) || !WRAP_REJECTED.has(err.code ?? '') || session.canceledByUs) throw err
    }
    if (fields === null) {
      prefixLength = 0
      await session.restart()
      return await runPlainStatement(session, limits, startedAt, values)
    }
    const codecs = (await resolveColumnTypes(session.client, fields)).map(planColumn)
    if (values.length > 0) return new PortalQueryStream(session, codecs, limits, startedAt, values)
    return new CopyQueryStream(session, codecs, limits, startedAt)
  } catch (err) {
    await session.end('rollback')
    throw session.failure(err, prefixLength)
  }
}

function readOptions(options: QueryStreamOptions): { limits: BatchLimits; timeoutMs: number } {
  const { maxRows = null, timeoutMs = DEFAULT_TIMEOUT_MS, batchRows = DEFAULT_BATCH_ROWS } = options
  if (maxRows !== null && !(Number.isSafeInteger(maxRows) && maxRows >= 1)) {
    throw new EngineError('BAD_INPUT', `maxRows must be a whole number ≥ 1 or null, got ${maxRows}`)
  }
  if (!(Number.isSafeInteger(timeoutMs) && timeoutMs >= 0 && timeoutMs <= 2_147_483_647)) {
    throw new EngineError(
      'BAD_INPUT',
      `timeoutMs must be a whole number of ms between 0 and 2147483647, got ${timeoutMs}`,
    )
  }
  if (!(Number.isSafeInteger(batchRows) && batchRows >= 1)) {
    throw new EngineError('BAD_INPUT', `batchRows must be a whole number ≥ 1, got ${batchRows}`)
  }
  return { limits: { maxRows, batchRows, batchBytes: BATCH_BYTES_CAP }, timeoutMs }
}
