import pg from 'pg'
import { Schema, type RecordBatch } from 'apache-arrow'
import { EngineError } from '../api/contract/errors.js'
import { BinaryPortal } from './binary-portal.js'
import { BatchAssembler, type BatchLimits } from './decode/batch-assembler.js'
import { DataRowDecoder } from './decode/data-row-decoder.js'
import type { HubSession } from './hub-session.js'
import type { WireParameter } from './parameter-text.js'
import type { QueryStream } from './query-stream.types.js'
import type { ColumnCodec } from './type-map.js'
import { wrapSelect } from './wrap-sql.js'

/**
 * The parameterized path of `openQueryStream`: the statement, wrapped like the COPY path (`wrapSelect`), runs as an
 * unnamed portal with bind parameters and a binary result format (`BinaryPortal`); each DataRow goes to the same
 * value decoders and Arrow column builders as binary COPY, with the same batching and row cap. The client is
 * released in `batches()`'s `finally`: returned to the pool when the statement ended (or failed in the hub),
 * destroyed after a cancel or when the loop left it mid-result.
 */
export class PortalQueryStream implements QueryStream {
  readonly schema: Schema
  rows = 0
  firstBatchMs: number | null = null
  private assembler: BatchAssembler | null = null
  private portal: BinaryPortal | null = null
  private started = false
  private closed = false

  constructor(
    private readonly session: HubSession,
    private readonly codecs: readonly ColumnCodec[],
    private readonly limits: BatchLimits,
    private readonly startedAt: number,
    private readonly values: readonly WireParameter[],
  ) {
    this.schema = new Schema(codecs.map((codec) => codec.field))
    session.whenAborted(() =>
      this.portal?.abort(new EngineError('QUERY_CANCELED', 'the query was canceled', { reason: 'user' })),
    )
  }

  get truncated(): boolean {
    return this.assembler?.truncated ?? false
  }

  async *batches(): AsyncGenerator<RecordBatch, void, undefined> {
    if (this.started) throw new EngineError('INTERNAL', 'batches() of a query stream can be iterated only once')
    this.started = true
    if (this.closed) return
    const { maxRows } = this.limits
    const statement = wrapSelect(this.session.sql, this.codecs, maxRows === null ? null : maxRows + 1)
    const assembler = new BatchAssembler(this.schema, this.codecs, this.limits)
    const decoder = new DataRowDecoder(this.codecs.length, assembler)
    this.assembler = assembler
    let protocolIdle = false
    try {
      if (this.session.canceledByUs)
        throw new EngineError('QUERY_CANCELED', 'the query was canceled', { reason: 'user' })
      const portal = new BinaryPortal(statement.text, this.values)
      this.portal = portal
      this.session.client.query(portal)
      for (;;) {
        const rest = decoder.push(await portal.read())
        if (rest !== null) {
          await portal.finish(rest)
          break
        }
        for (const batch of assembler.take()) {
          if (this.closed) return
          yield this.handOut(batch)
        }
      }
      protocolIdle = true
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
    this.portal?.abort(new EngineError('QUERY_CANCELED', 'the query stream was closed', { reason: 'user' }))
    return this.session.end('destroy')
  }

  private handOut(batch: RecordBatch): RecordBatch {
    this.rows += batch.numRows
    this.firstBatchMs ??= performance.now() - this.startedAt
    return batch
  }
}
