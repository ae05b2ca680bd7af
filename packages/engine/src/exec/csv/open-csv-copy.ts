import type { Buffer } from 'node:buffer'
import pg from 'pg'
import { Schema } from 'apache-arrow'
import { EngineError } from '../../api/contract/errors.js'
import { describeFields, resolveColumnTypes } from '../describe.js'
import { HubSession } from '../hub-session.js'
import { leanCopyTo, type LeanCopyTo } from '../lean-copy-to.js'
import { canceledByUser } from '../pg-errors.js'
import { prepareStatementText, quoteIdentifier } from '../sql-text.js'
import { planColumn, type ColumnCodec } from '../type-map.js'
import { wrapDescribe, type WrappedSql } from '../wrap-sql.js'
import { csvColumnSql } from './csv-spelling.js'

/** SQLSTATEs of a describe wrap the statement itself may not cause: syntax_error, feature_not_supported. */
const WRAP_REJECTED = new Set(['42601', '0A000'])

/** Session settings the CSV spelling relies on, local to the COPY's READ ONLY transaction. */
const CSV_SETTINGS_SQL =
  "SELECT set_config('DateStyle', 'ISO', true), set_config('bytea_output', 'hex', true), " +
  "set_config('extra_float_digits', '1', true)"

/** Options of `openCsvCopy`. */
export interface CsvCopyOptions {
  /** Field delimiter: `,`, `;`, tab or `|`. */
  delimiter: string
  /** Aborting cancels the COPY in the hub (`pg_cancel_backend`) and fails with `QUERY_CANCELED` reason `user`. */
  signal?: AbortSignal
  /** Statement timeout of each statement in ms; 0 = none. */
  timeoutMs: number
}

/**
 * A statement whose result the hub writes as CSV: `schema` (the Arrow schema the binary path would give, for the
 * header and the manifest), `chunks()` the CSV bytes without a header, `rows` the data rows so far.
 */
export interface CsvCopyStream {
  readonly schema: Schema
  /**
   * The CSV bytes as the hub sends them, one Buffer per socket chunk; once the last is out, `rows` is checked
   * against the COPY command tag. Iterate once; leaving the loop or `close()` stops the COPY in the hub.
   * @throws EngineError `QUERY_CANCELED`, `HUB_QUERY_FAILED`, `HUB_UNAVAILABLE`; `INTERNAL` when the rows counted
   *   differ from the command tag.
   */
  chunks(): AsyncGenerator<Buffer, void, undefined>
  /** Data rows received so far (CopyData messages: one per row). */
  readonly rows: number
  /** Stops the COPY if it still runs and releases the connection; resolves once released. */
  close(): Promise<void>
}

/**
 * Runs one statement on the hub as `COPY (SELECT <spelling per column> FROM (<sql>) AS q(…)) TO STDOUT (FORMAT
 * csv, DELIMITER …)`, so PostgreSQL formats the CSV (no per-value work in the engine), spelled as the engine's CSV
 * export spells values (`csvColumnSql`). Same session as `openQueryStream`: READ ONLY transaction, statement
 * timeout, UTF8, describe first (the promise resolves with the schema before any row), cancel through
 * `pg_cancel_backend`. Quoting is PostgreSQL's: a field is quoted when it holds the delimiter, `"`, CR or LF, or
 * is the empty string.
 *
 * Answers null, having released the connection, when the hub refuses the wrap (`SHOW`, `EXPLAIN`…): the caller
 * then takes the streaming path, which runs such statements as written.
 * @throws EngineError as `openQueryStream` (`BAD_INPUT`, `HUB_UNAVAILABLE`, `HUB_QUERY_FAILED`, `QUERY_CANCELED`).
 */
export async function openCsvCopy(pool: pg.Pool, sql: string, options: CsvCopyOptions): Promise<CsvCopyStream | null> {
  const statement = prepareStatementText(sql)
  const session = await HubSession.open(pool, statement, options.timeoutMs, options.signal)
  const describe = wrapDescribe(statement)
  try {
    let fields: pg.FieldDef[]
    try {
      fields = await describeFields(session.client, describe.text)
    } catch (err) {
      if (err instanceof pg.DatabaseError && WRAP_REJECTED.has(err.code ?? '') && !session.canceledByUs) {
        await session.end('rollback')
        return null
      }
      throw err
    }
    const codecs = (await resolveColumnTypes(session.client, fields)).map(planColumn)
    await session.client.query(CSV_SETTINGS_SQL)
    return new HubCsvStream(session, codecs, wrapCsvCopy(statement, codecs, options.delimiter))
  } catch (err) {
    await session.end('rollback')
    throw session.failure(err, describe.prefixLength)
  }
}

/** `COPY (SELECT <csvColumnSql>… FROM (<sql>\n) AS q("c1",…)) TO STDOUT (FORMAT csv, DELIMITER '…')`. */
export function wrapCsvCopy(sql: string, codecs: readonly ColumnCodec[], delimiter: string): WrappedSql {
  const names = codecs.map((_, i) => quoteIdentifier(`c${i + 1}`))
  const projection = codecs.map((codec, i) => csvColumnSql(codec, `q.${names[i]}`))
  const prefix = `COPY (SELECT ${projection.join(', ')} FROM (`
  const aliases = names.length === 0 ? '' : `(${names.join(',')})`
  return {
    text: `${prefix}${sql}\n) AS q${aliases}) TO STDOUT (FORMAT csv, DELIMITER '${delimiter}')`,
    prefixLength: prefix.length,
  }
}

class HubCsvStream implements CsvCopyStream {
  readonly schema: Schema
  #copy: LeanCopyTo | null = null
  #started = false
  #closed = false

  constructor(
    private readonly session: HubSession,
    codecs: readonly ColumnCodec[],
    private readonly statement: WrappedSql,
  ) {
    this.schema = new Schema(codecs.map((codec) => codec.field))
    session.whenAborted(() => this.#copy?.destroy(canceledByUser()))
  }

  get rows(): number {
    return this.#copy?.messages ?? 0
  }

  async *chunks(): AsyncGenerator<Buffer, void, undefined> {
    if (this.#started) throw new EngineError('INTERNAL', 'chunks() of a CSV COPY can be iterated only once')
    this.#started = true
    if (this.#closed) return
    let idle = false
    try {
      if (this.session.canceledByUs) throw canceledByUser()
      const copy = leanCopyTo(this.statement.text)
      // pg reports a connection closed under the COPY on the stream, possibly after the loop let go of it.
      copy.on('error', () => undefined)
      this.#copy = copy
      this.session.client.query(copy)
      for await (const chunk of copy) {
        if (this.#closed) return
        yield chunk as Buffer
      }
      await copy.completed
      idle = true
      if (copy.rowCount !== copy.messages) {
        throw new EngineError(
          'INTERNAL',
          `the hub reported ${copy.rowCount} rows but sent ${copy.messages}; the CSV is incomplete`,
        )
      }
    } catch (err) {
      if (this.#closed) return
      if (err instanceof EngineError && err.code === 'INTERNAL') throw err
      idle ||= err instanceof pg.DatabaseError
      throw this.session.failure(err, this.statement.prefixLength)
    } finally {
      await this.session.end(idle ? 'rollback' : 'destroy')
    }
  }

  async close(): Promise<void> {
    this.#closed = true
    if (!this.#started) return this.session.end('rollback')
    this.#copy?.destroy()
    return this.session.end('destroy')
  }
}
