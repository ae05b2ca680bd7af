import { RecordBatch, Struct, makeData, type Schema } from 'apache-arrow'
import type { ColumnCodec } from '../type-map.js'
import type { ColumnBuilder } from './column-builder.js'
import type { TupleSink } from './copy-binary-decoder.js'
import { makeColumnBuilder } from './make-builder.js'

/** When a batch is cut and when the result stops. */
export interface BatchLimits {
  /** Rows per batch at most. */
  readonly batchRows: number
  /** A batch is cut once its rows took this many wire bytes (the Arrow buffers are about as large). */
  readonly batchBytes: number
  /** Rows of the whole result at most; null = no cap. */
  readonly maxRows: number | null
}

/** Rows of a result's first batch at most, so the first rows reach the screen before 65 536 were decoded. */
export const FIRST_BATCH_ROWS = 1024

/**
 * Turns framed COPY tuples into RecordBatches of `schema`: one builder per column, the first batch cut after
 * `FIRST_BATCH_ROWS` rows (or `batchRows` if smaller), the others every `batchRows` rows, any at `batchBytes`
 * bytes (docs/performance.md: a 65 536-row first batch took 130–141 ms on the demo, 1 024 rows 30 ms). A tuple beyond `maxRows` is not decoded: it sets `truncated` and stops the sink.
 */
export class BatchAssembler implements TupleSink {
  /** Rows decoded so far (all batches, finished or not). */
  rows = 0
  /** True when a row beyond `maxRows` existed. */
  truncated = false
  stopped = false
  private readonly builders: ColumnBuilder[]
  private readonly structType: Struct
  private batchLength = 0
  private batchBytes = 0
  private ready: RecordBatch[] = []
  private rowsPerBatch: number

  constructor(
    private readonly schema: Schema,
    codecs: readonly ColumnCodec[],
    private readonly limits: BatchLimits,
  ) {
    this.builders = codecs.map(makeColumnBuilder)
    this.structType = new Struct(schema.fields)
    this.rowsPerBatch = Math.min(limits.batchRows, FIRST_BATCH_ROWS)
  }

  tuple(bytes: Uint8Array, view: DataView, starts: Int32Array, lengths: Int32Array, size: number): void {
    if (this.limits.maxRows !== null && this.rows >= this.limits.maxRows) {
      this.truncated = true
      this.stopped = true
      return
    }
    const builders = this.builders
    for (let i = 0; i < builders.length; i += 1) {
      const len = lengths[i]!
      if (len < 0) builders[i]!.appendNull()
      else builders[i]!.append(bytes, view, starts[i]!, len)
    }
    this.rows += 1
    this.batchLength += 1
    this.batchBytes += size
    if (this.batchLength >= this.rowsPerBatch || this.batchBytes >= this.limits.batchBytes) this.flush()
  }

  /** Cuts the rows decoded so far (if any) into a batch. */
  flush(): void {
    if (this.batchLength === 0) return
    const children = this.builders.map((builder) => builder.finish())
    const data = makeData({ type: this.structType, length: this.batchLength, nullCount: 0, children })
    this.ready.push(new RecordBatch(this.schema, data))
    this.batchLength = 0
    this.batchBytes = 0
    this.rowsPerBatch = this.limits.batchRows
  }

  /** Returns the batches cut since the last call, oldest first. */
  take(): RecordBatch[] {
    const ready = this.ready
    if (ready.length > 0) this.ready = []
    return ready
  }
}
