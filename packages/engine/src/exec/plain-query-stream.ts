import { Field, RecordBatch, Schema, Struct, Utf8, makeData } from 'apache-arrow'
import { EngineError } from '../api/contract/errors.js'
import { PG_TYPE_METADATA_KEY } from '../api/contract/query.js'
import type { BatchLimits } from './decode/batch-assembler.js'
import { VarBuilder } from './decode/var-builder.js'
import { RAW_TEXT_TYPES, resolveColumnTypes, type ExtendedQueryConfig } from './describe.js'
import type { HubSession } from './hub-session.js'
import type { WireParameter } from './parameter-text.js'
import type { QueryStream } from './query-stream.types.js'

const TEXT_VALUE = { kind: 'text', precision: 0, scale: 0 } as const

/**
 * Runs a statement COPY cannot serve (`SHOW`, `EXPLAIN`, utility statements) as written, with the extended
 * protocol and text values, and returns its result as Utf8 columns (metadata `idw:pg_type` still names the real
 * type). The whole result is read before this resolves and the client is released at once: the fallback is meant
 * for small results. `values` are bound to the statement's `$n` parameters. `maxRows` applies as on the COPY path.
 * @throws the `pg` error of the statement (the caller maps it, position relative to the user's SQL as is).
 */
export async function runPlainStatement(
  session: HubSession,
  limits: BatchLimits,
  startedAt: number,
  values: readonly WireParameter[],
): Promise<QueryStream> {
  const config: ExtendedQueryConfig = {
    text: session.sql,
    values: [...values],
    rowMode: 'array',
    queryMode: 'extended',
    types: RAW_TEXT_TYPES,
  }
  const result = await session.client.query(config)
  const columns = await resolveColumnTypes(session.client, result.fields)
  await session.end('rollback')
  const fields = columns.map(
    (column) => new Field(column.name, new Utf8(), true, new Map([[PG_TYPE_METADATA_KEY, column.typeName]])),
  )
  const schema = new Schema(fields)
  const rows = result.rows as (string | null)[][]
  const kept = limits.maxRows === null ? rows : rows.slice(0, limits.maxRows)
  const batches: RecordBatch[] = []
  for (let start = 0; start < kept.length; start += limits.batchRows) {
    batches.push(toBatch(schema, kept.slice(start, start + limits.batchRows)))
  }
  return new BufferedQueryStream(schema, batches, kept.length < rows.length, startedAt)
}

function toBatch(schema: Schema, rows: readonly (string | null)[][]): RecordBatch {
  const children = schema.fields.map((field, c) => {
    const builder = new VarBuilder(field.type, TEXT_VALUE)
    for (const row of rows) {
      const value = row[c]
      if (value === null || value === undefined) builder.appendNull()
      else builder.appendString(value)
    }
    return builder.finish()
  })
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children }),
  )
}

/** A result already in memory, handed out batch by batch. */
class BufferedQueryStream implements QueryStream {
  rows = 0
  firstBatchMs: number | null = null
  private started = false

  constructor(
    readonly schema: Schema,
    private readonly buffered: RecordBatch[],
    readonly truncated: boolean,
    private readonly startedAt: number,
  ) {}

  async *batches(): AsyncGenerator<RecordBatch, void, undefined> {
    if (this.started) throw new EngineError('INTERNAL', 'batches() of a query stream can be iterated only once')
    this.started = true
    for (const batch of this.buffered) {
      this.rows += batch.numRows
      this.firstBatchMs ??= performance.now() - this.startedAt
      yield batch
    }
  }

  async close(): Promise<void> {
    this.buffered.length = 0
  }
}
