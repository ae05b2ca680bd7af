import pg from 'pg'
import { Schema, type RecordBatch } from 'apache-arrow'
import { EngineError } from '../api/contract/errors.js'
import { BatchAssembler, type BatchLimits } from './decode/batch-assembler.js'
import type { HubSession } from './hub-session.js'
import { canceledByUser } from './pg-errors.js'
import type { QueryStream } from './query-stream.types.js'
import type { ColumnCodec } from './type-map.js'
import type { WrappedSql } from './wrap-sql.js'

/**
 * What a wire path's row reader reports after each step: `'rows'` once a chunk of rows went to the assembler,
 * `'idle'` once the hub ended the statement and the connection could serve another one.
 */
export type ReadProgress = 'rows' | 'idle'

/**
 * The lifecycle both streaming paths of `openQueryStream` share (binary COPY and the binary portal): the schema of
 * the planned columns, the cancel wiring of the session's signal, a `BatchAssembler` under the row cap, `batches()`
 * iterable once, and one way out. A subclass names its statement (`wrap`), reads its rows (`readRows`) and stops a
 * read in flight (`interrupt`).
 *
 * The client is released in `batches()`'s `finally`: returned to the pool once the reader reported `'idle'` (or
 * the hub failed the statement with a `DatabaseError`, which leaves the protocol idle too), destroyed after a
 * cancel or when the loop left the statement mid-result.
 */
export abstract class DecodedQueryStream implements QueryStream {
  readonly schema: Schema
  rows = 0
  firstBatchMs: number | null = null
  private assembler: BatchAssembler | null = null
  private started = false
  private closed = false

  constructor(
    protected readonly session: HubSession,
    protected readonly codecs: readonly ColumnCodec[],
    private readonly limits: BatchLimits,
    private readonly startedAt: number,
  ) {
    this.schema = new Schema(codecs.map((codec) => codec.field))
    session.whenAborted(() => this.interrupt('abort'))
  }

  get truncated(): boolean {
    return this.assembler?.truncated ?? false
  }

  async *batches(): AsyncGenerator<RecordBatch, void, undefined> {
    if (this.started) throw new EngineError('INTERNAL', 'batches() of a query stream can be iterated only once')
    this.started = true
    if (this.closed) return
    const { maxRows } = this.limits
    const statement = this.wrap(this.session.sql, this.codecs, maxRows === null ? null : maxRows + 1)
    const assembler = new BatchAssembler(this.schema, this.codecs, this.limits)
    this.assembler = assembler
    let protocolIdle = false
    try {
      if (this.session.canceledByUs) throw canceledByUser()
      for await (const progress of this.readRows(statement.text, assembler)) {
        if (progress === 'idle') protocolIdle = true
        for (const batch of assembler.take()) {
          if (this.closed) return
          yield this.handOut(batch)
        }
      }
      assembler.flush()
      for (const batch of assembler.take()) {
        if (this.closed) return
        yield this.handOut(batch)
      }
    } catch (err) {
      if (this.closed) return
      protocolIdle ||= err instanceof pg.DatabaseError
      throw this.session.failure(err, statement.prefixLength)
    } finally {
      await this.session.end(protocolIdle ? 'rollback' : 'destroy')
    }
  }

  async close(): Promise<void> {
    this.closed = true
    if (!this.started) return this.session.end('rollback')
    this.interrupt('close')
    return this.session.end('destroy')
  }

  /** The statement this path runs around the user's SQL; `rowLimit` is the row cap plus one (null = none). */
  protected abstract wrap(sql: string, codecs: readonly ColumnCodec[], rowLimit: number | null): WrappedSql

  /**
   * Runs `text` on the session's client and decodes its rows into `assembler`, yielding `'rows'` after each chunk
   * and `'idle'` once the statement is over in the hub; returning ends the rows.
   * @throws the error of the statement or the connection (mapped by `batches()`).
   */
  protected abstract readRows(text: string, assembler: BatchAssembler): AsyncGenerator<ReadProgress, void, undefined>

  /** Stops a read in flight: `'abort'` when the caller's signal aborted, `'close'` when the stream was closed. */
  protected abstract interrupt(reason: 'abort' | 'close'): void

  private handOut(batch: RecordBatch): RecordBatch {
    this.rows += batch.numRows
    this.firstBatchMs ??= performance.now() - this.startedAt
    return batch
  }
}
