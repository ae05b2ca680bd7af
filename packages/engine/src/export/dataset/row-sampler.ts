import type { Data, Field, RecordBatch, Schema } from 'apache-arrow'
import type { SampleSpec } from './dataset-options.js'
import { findColumn } from './dataset-options.js'
import { takeRows } from './take-rows.js'
import { UnitHasher } from './unit-hash.js'

/**
 * Sampling applied to the result's batches before they are split and written. Lifecycle: `take()` for each
 * batch in result order, then `rest()` once, then `close()` (also after a failure).
 */
export interface RowSampler {
  /**
   * The rows of `batch` to write now, in order, or null when none (count sampling holds its candidates back).
   * `firstRow` is the 0-based ordinal of the batch's first row in the result.
   */
  take(batch: RecordBatch, firstRow: number): Promise<RecordBatch | null>
  /** The rows held back until the end of the result, in result order (count sampling); nothing otherwise. */
  rest(): AsyncGenerator<RecordBatch>
  /** Removes what the sampler left on disk; never throws. */
  close(): Promise<void>
}

/** The unit numbers of a batch's rows for sampling: from the key column, else from the row ordinals. */
export class SampleUnits {
  readonly #hasher: UnitHasher
  readonly #key: { index: number; field: Field } | null

  /** @throws EngineError `BAD_INPUT` when the key column is missing or ambiguous. */
  constructor(schema: Schema, spec: Pick<SampleSpec, 'key' | 'seed'>) {
    this.#hasher = new UnitHasher('sample', spec.seed)
    if (spec.key === null) {
      this.#key = null
    } else {
      const index = findColumn(schema, spec.key, 'sample key')
      this.#key = { index, field: schema.fields[index] as Field }
    }
  }

  of(batch: RecordBatch, firstRow: number): Float64Array {
    return this.#key === null
      ? this.#hasher.ordinals(firstRow, batch.numRows)
      : this.#hasher.column(batch.data.children[this.#key.index] as Data, this.#key.field)
  }
}

/** Fraction sampling: keeps the rows whose unit number is below `fraction`; one pass, nothing held. */
export class FractionSampler implements RowSampler {
  readonly #units: SampleUnits
  #indices = new Int32Array(0)

  constructor(
    private readonly schema: Schema,
    private readonly spec: SampleSpec & { fraction: number },
  ) {
    this.#units = new SampleUnits(schema, spec)
  }

  async take(batch: RecordBatch, firstRow: number): Promise<RecordBatch | null> {
    const units = this.#units.of(batch, firstRow)
    if (this.#indices.length < batch.numRows) this.#indices = new Int32Array(batch.numRows)
    let count = 0
    for (let i = 0; i < batch.numRows; i++) if ((units[i] as number) < this.spec.fraction) this.#indices[count++] = i
    if (count === 0) return null
    return count === batch.numRows ? batch : takeRows(batch, this.schema, this.#indices, count)
  }

  async *rest(): AsyncGenerator<RecordBatch> {}

  async close(): Promise<void> {}
}
