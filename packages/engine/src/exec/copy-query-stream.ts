import pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'
import { Schema, type RecordBatch } from 'apache-arrow'
import { EngineError } from '../api/contract/errors.js'
import { BatchAssembler, type BatchLimits } from './decode/batch-assembler.js'
import { CopyBinaryDecoder } from './decode/copy-binary-decoder.js'
import type { HubSession } from './hub-session.js'
import type { QueryStream } from './query-stream.types.js'
import type { ColumnCodec } from './type-map.js'
import { wrapCopy } from './wrap-sql.js'

/**
 * The COPY path of `openQueryStream`: `COPY (…) TO STDOUT (FORMAT binary)` read with pg-copy-streams and decoded
 * chunk by chunk into column buffers. The client is released in `batches()`'s `finally`: returned to the pool when
 * the COPY ended (or failed in the hub), destroyed after a cancel when the loop left it mid-COPY.
 */
export class CopyQueryStream implements QueryStream {
  readonly schema: Schema
  rows = 0
  firstBatchMs: number | null = null
  private assembler: BatchAssembler | null = null
  private copy: ReturnType<typeof copyTo> | null = null
  private started = false
  private closed = false

  constructor(
    private readonly session: HubSession,
    private readonly codecs: readonly ColumnCodec[],
    private readonly limits: BatchLimits,
    private readonly startedAt: number,
  ) {
    this.schema = new Schema(codecs.map((codec) => codec.field))
    session.whenAborted(() =>
      this.copy?.destroy(new EngineError('QUERY_CANCELED', 'the query was canceled', { reason: 'user' })),
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
    const statement = wrapCopy(this.session.sql, this.codecs, maxRows === null ? null : maxRows + 1)
    const assembler = new BatchAssembler(this.schema, this.codecs, this.limits)
    const decoder = new CopyBinaryDecoder(this.codecs.length, assembler)
    this.assembler = assembler
    let protocolIdle = false
    try {
      if (this.session.canceledByUs)
        throw new EngineError('QUERY_CANCELED', 'the query was canceled', { reason: 'user' })
      const copy = this.session.client.query(copyTo(statement.text))
      // pg reports a connection closed under the COPY on the stream, possibly after the loop let go of it.
      copy.on('error', () => undefined)
      this.copy = copy
      for await (const chunk of copy) {
        decoder.push(chunk as Buffer)
        for (const batch of assembler.take()) {
          if (this.closed) return
          yield this.handOut(batch)
        }
      }
      protocolIdle = true
      decoder.end()
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
    this.copy?.destroy()
    return this.session.end('destroy')
  }

  private handOut(batch: RecordBatch): RecordBatch {
    this.rows += batch.numRows
    this.firstBatchMs ??= performance.now() - this.startedAt
    return batch
  }
}
