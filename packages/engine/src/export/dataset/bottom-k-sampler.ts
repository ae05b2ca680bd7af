import type { RecordBatch, Schema } from 'apache-arrow'
import type { SampleSpec } from './dataset-options.js'
import { RankHeap } from './rank-heap.js'
import { SampleUnits, type RowSampler } from './row-sampler.js'
import { SpillFile } from './spill-file.js'
import { takeRows } from './take-rows.js'

/**
 * Count sampling in one pass over the query with bounded memory (bottom-k): the rows with the `rows` smallest
 * unit numbers are kept.
 *
 * A heap holds the `rows` smallest numbers seen (8 bytes each); a row whose number is at most the heap's largest
 * when it arrives is a candidate and is appended, with its number, to a spill file (Arrow IPC stream) beside the
 * export. The threshold only falls, so every row of the final sample was spilled; about
 * `rows × (1 + ln(total / rows))` rows are. At the end `rest()` reads the spill back and yields the rows whose
 * number is at most the final threshold, in result order. Rows sharing a key share a number, so they are kept or
 * dropped together (then more than `rows` rows may be kept).
 */
export class BottomKSampler implements RowSampler {
  readonly #units: SampleUnits
  readonly #heap: RankHeap
  readonly #spill: SpillFile
  #indices = new Int32Array(0)
  #ranks = new Float64Array(0)

  constructor(
    private readonly schema: Schema,
    spec: SampleSpec & { rows: number },
    spillPath: string,
  ) {
    this.#units = new SampleUnits(schema, spec)
    this.#heap = new RankHeap(spec.rows)
    this.#spill = new SpillFile(spillPath, schema)
  }

  async take(batch: RecordBatch, firstRow: number): Promise<RecordBatch | null> {
    const units = this.#units.of(batch, firstRow)
    if (this.#indices.length < batch.numRows) {
      this.#indices = new Int32Array(batch.numRows)
      this.#ranks = new Float64Array(batch.numRows)
    }
    const heap = this.#heap
    let count = 0
    for (let i = 0; i < batch.numRows; i++) {
      const unit = units[i] as number
      if (unit > heap.max) continue
      heap.offer(unit)
      this.#indices[count] = i
      this.#ranks[count++] = unit
    }
    if (count > 0) {
      await this.#spill.append(takeRows(batch, this.schema, this.#indices, count), this.#ranks.subarray(0, count))
    }
    return null
  }

  async *rest(): AsyncGenerator<RecordBatch> {
    const threshold = this.#heap.max
    for await (const { batch, ranks } of this.#spill.readBack()) {
      if (this.#indices.length < batch.numRows) this.#indices = new Int32Array(batch.numRows)
      let count = 0
      for (let i = 0; i < batch.numRows; i++) if ((ranks[i] as number) <= threshold) this.#indices[count++] = i
      if (count > 0) yield takeRows(batch, this.schema, this.#indices, count)
    }
  }

  async close(): Promise<void> {
    await this.#spill.discard()
  }
}
